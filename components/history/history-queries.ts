import { skipToken } from '@tanstack/react-query';
import type { DeskTRPC } from '@/components/data-table/list-queries';
import type { HistoryScope } from './history-panel';

/** Entries per page of a history ("Show older changes"). */
export const HISTORY_PAGE_SIZE = 25;

/**
 * A page of a history (`before`: the oldest entry id already shown; none for the latest page): the dossier's
 * activity or a record's own history, whichever the scope asks for. Record and dossier pages prefetch the latest
 * page on the server (`query`).
 */
export function historyQueries(trpc: DeskTRPC, scope: HistoryScope, before: number | undefined) {
  const activity = trpc.audit.dossierActivity.queryOptions(
    scope.kind === 'dossier' ? { dossierId: scope.dossierId, before, limit: HISTORY_PAGE_SIZE } : skipToken,
  );
  const history = trpc.audit.history.queryOptions(
    scope.kind === 'entity' ? { entityType: scope.entityType, entityId: scope.entityId, before, limit: HISTORY_PAGE_SIZE } : skipToken,
  );
  return { activity, history, query: scope.kind === 'dossier' ? activity : history };
}
