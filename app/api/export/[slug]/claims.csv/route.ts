import { deskClaimColumns } from '@/server/claims/claims.csv';
import { loadClaimFiltersStrictly } from '@/server/claims/claims.search-params';
import { iterateClaims } from '@/server/claims/claims.service';
import { csvStream } from '@/server/csv/csv';
import { dayRangeRefusal, deskCsvExport } from '@/server/csv/desk-export';

/**
 * Desk export of claims: every field (internal notes, needs-source claims, deleted ones when the view shows them),
 * for signed-in users, with the view of the claims table: the same query string, read by the table's own parsers
 * (server/claims/claims.search-params.ts). A value the table would drop is a 400.
 */
export const GET = deskCsvExport({
  name: 'claims',
  loadFilters: loadClaimFiltersStrictly,
  refuse: (filters) => dayRangeRefusal(filters.saidFrom, filters.saidTo),
  body: (db, dossier, filters) => csvStream(iterateClaims(db, dossier.id, filters), deskClaimColumns),
});
