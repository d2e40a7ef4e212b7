import { requireRouteUser } from '@/server/auth/guards';
import { csvResponse, csvStream } from '@/server/csv/csv';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { getDossierBySlug } from '@/server/dossiers/dossiers.service';
import { ServiceError } from '@/server/errors';
import { deskSourceColumns } from '@/server/sources/sources.csv';
import { SearchParamError } from '@/server/search-params';
import { loadSourceFiltersStrictly } from '@/server/sources/sources.search-params';
import { iterateSources } from '@/server/sources/sources.service';
import { withDatabaseErrors } from '@/server/http/with-database';
import { getAppDatabase } from '@/server/startup';

/**
 * Desk export: every field, for signed-in users, with the view of the sources table: the same query string, read by
 * the table's own parsers (server/sources/sources.search-params.ts). A value the table would drop is a 400.
 */
export const GET = withDatabaseErrors(async function deskSourcesCsv(request: Request, context: { params: Promise<{ slug: string }> }) {
  const guard = await requireRouteUser(request, 'viewer');
  if (guard.denied) return guard.denied;
  // A slug that no dossier can have (NUL, stray bytes, wrong characters) is a 404 without looking it up.
  const slug = slugSchema.safeParse((await context.params).slug);
  if (!slug.success) return Response.json({ error: 'Dossier not found.' }, { status: 404 });
  const { db } = await getAppDatabase();
  try {
    const filters = loadSourceFiltersStrictly(new URL(request.url).searchParams);
    const dossier = await getDossierBySlug(db, slug.data);
    return csvResponse(csvStream(iterateSources(db, dossier.id, filters), deskSourceColumns), `${dossier.slug}-sources-desk.csv`, {
      public: false,
    });
  } catch (error) {
    if (error instanceof SearchParamError) return Response.json({ error: error.message }, { status: 400 });
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
});
