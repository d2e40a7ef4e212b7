import { csvStream } from '@/server/csv/csv';
import { deskCsvExport } from '@/server/csv/desk-export';
import { deskSourceColumns } from '@/server/sources/sources.csv';
import { loadSourceFiltersStrictly } from '@/server/sources/sources.search-params';
import { iterateSources } from '@/server/sources/sources.service';

/**
 * Desk export: every field, for signed-in users, with the view of the sources table: the same query string, read by
 * the table's own parsers (server/sources/sources.search-params.ts). A value the table would drop is a 400.
 */
export const GET = deskCsvExport({
  name: 'sources',
  loadFilters: loadSourceFiltersStrictly,
  body: (db, dossier, filters) => csvStream(iterateSources(db, dossier.id, filters), deskSourceColumns),
});
