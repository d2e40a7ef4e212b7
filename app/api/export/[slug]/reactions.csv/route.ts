import { csvStream } from '@/server/csv/csv';
import { dayRangeRefusal, deskCsvExport } from '@/server/csv/desk-export';
import { listAlignmentParties } from '@/server/reactions/reaction-parts';
import { deskReactionColumns, iterateDeskReactions, perSignatory } from '@/server/reactions/reactions.csv';
import { loadReactionFiltersStrictly } from '@/server/reactions/reactions.search-params';

/**
 * Desk export of reactions, one row per reaction and signatory: every field (tags, internal notes, needs-source
 * reactions, deleted ones when the view shows them), for signed-in users, with the view of the reactions table: the
 * same query string, read by the table's own parsers (server/reactions/reactions.search-params.ts). A value the
 * table would drop is a 400.
 */
export const GET = deskCsvExport({
  name: 'reactions',
  loadFilters: loadReactionFiltersStrictly,
  refuse: (filters) => dayRangeRefusal(filters.reactedFrom, filters.reactedTo),
  body: async (db, dossier, filters) => {
    const parties = await listAlignmentParties(db, dossier.id);
    return csvStream(perSignatory(dossier.slug, iterateDeskReactions(db, dossier.id, filters)), deskReactionColumns(parties));
  },
});
