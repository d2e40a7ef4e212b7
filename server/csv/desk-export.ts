import { requireRouteUser } from '@/server/auth/guards';
import type { Database } from '@/server/db/client';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { getDossierBySlug } from '@/server/dossiers/dossiers.service';
import type { Dossier } from '@/server/dossiers/schema';
import { ServiceError } from '@/server/errors';
import { withDatabaseErrors } from '@/server/http/with-database';
import { SearchParamError } from '@/server/search-params';
import { getAppDatabase } from '@/server/startup';
import { csvResponse } from './csv';

/**
 * The route handler of a desk list's CSV export (`app/api/export/[slug]/<list>.csv`): for signed-in users, with the
 * view of the list's table — the same query string, read by the table's own parsers strictly (`loadFilters`), so a
 * value the table would drop is a 400 naming the parameter. An impossible slug or a missing dossier is a 404; the
 * file is never stored (`private, no-store`) and is named `<slug>-<name>-desk.csv`.
 */
export function deskCsvExport<Filters>({
  name,
  loadFilters,
  refuse,
  body,
}: {
  name: string;
  loadFilters: (params: URLSearchParams) => Filters;
  /**
   * A view the filters can name but the export cannot make (a date range ending before it starts): the message of
   * the 400. Checked before streaming, since by the first page the stream reads the 200 would already be sent.
   */
  refuse?: (filters: Filters) => string | null;
  body: (db: Database, dossier: Dossier, filters: Filters) => Promise<ReadableStream<Uint8Array>> | ReadableStream<Uint8Array>;
}) {
  return withDatabaseErrors(async function deskCsv(request: Request, context: { params: Promise<{ slug: string }> }) {
    const guard = await requireRouteUser(request, 'viewer');
    if (guard.denied) return guard.denied;
    // A slug that no dossier can have (NUL, stray bytes, wrong characters) is a 404 without looking it up.
    const slug = slugSchema.safeParse((await context.params).slug);
    if (!slug.success) return Response.json({ error: 'Dossier not found.' }, { status: 404 });
    const { db } = await getAppDatabase();
    try {
      const filters = loadFilters(new URL(request.url).searchParams);
      const refusal = refuse?.(filters);
      if (refusal) return Response.json({ error: refusal }, { status: 400 });
      const dossier = await getDossierBySlug(db, slug.data);
      return csvResponse(await body(db, dossier, filters), `${dossier.slug}-${name}-desk.csv`, { public: false });
    } catch (error) {
      if (error instanceof SearchParamError) return Response.json({ error: error.message }, { status: 400 });
      if (error instanceof ServiceError && error.code === 'NOT_FOUND') return Response.json({ error: error.message }, { status: 404 });
      throw error;
    }
  });
}

/** The refusal of a day range whose last day (`to`) comes before its first (`from`). */
export function dayRangeRefusal(from: string | null, to: string | null): string | null {
  return from && to && from > to ? 'to: the last day must be on or after the first (from).' : null;
}
