import { requireRouteUser } from '@/server/auth/guards';
import { csvResponse, csvStream } from '@/server/csv/csv';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { getDossierBySlug } from '@/server/dossiers/dossiers.service';
import { ServiceError } from '@/server/errors';
import { withDatabaseErrors } from '@/server/http/with-database';
import { listAlignmentParties } from '@/server/reactions/reaction-parts';
import { deskReactionColumns, iterateDeskReactions, perSignatory } from '@/server/reactions/reactions.csv';
import { loadReactionFiltersStrictly } from '@/server/reactions/reactions.search-params';
import { SearchParamError } from '@/server/search-params';
import { getAppDatabase } from '@/server/startup';

/**
 * Desk export of reactions, one row per reaction and signatory: every field (tags, internal notes, needs-source
 * reactions, deleted ones when the view shows them), for signed-in users, with the view of the reactions table: the
 * same query string, read by the table's own parsers (server/reactions/reactions.search-params.ts). A value the
 * table would drop is a 400.
 */
export const GET = withDatabaseErrors(async function deskReactionsCsv(request: Request, context: { params: Promise<{ slug: string }> }) {
  const guard = await requireRouteUser(request, 'viewer');
  if (guard.denied) return guard.denied;
  // A slug that no dossier can have (NUL, stray bytes, wrong characters) is a 404 without looking it up.
  const slug = slugSchema.safeParse((await context.params).slug);
  if (!slug.success) return Response.json({ error: 'Dossier not found.' }, { status: 404 });
  const { db } = await getAppDatabase();
  try {
    const filters = loadReactionFiltersStrictly(new URL(request.url).searchParams);
    // Checked here, not left to the first page the stream reads: by then the 200 would already be sent.
    if (filters.reactedFrom && filters.reactedTo && filters.reactedFrom > filters.reactedTo) {
      return Response.json({ error: 'to: the last day must be on or after the first (from).' }, { status: 400 });
    }
    const dossier = await getDossierBySlug(db, slug.data);
    const parties = await listAlignmentParties(db, dossier.id);
    return csvResponse(
      csvStream(perSignatory(dossier.slug, iterateDeskReactions(db, dossier.id, filters)), deskReactionColumns(parties)),
      `${dossier.slug}-reactions-desk.csv`,
      { public: false },
    );
  } catch (error) {
    if (error instanceof SearchParamError) return Response.json({ error: error.message }, { status: 400 });
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
});
