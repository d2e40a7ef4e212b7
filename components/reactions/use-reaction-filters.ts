'use client';

import { parseAsStringLiteral, useQueryState, useQueryStates } from 'nuqs';
import { reactionSearchParamKeys, reactionSearchParams, serializeReactionFilters } from '@/server/reactions/reactions.search-params';

/**
 * The reactions table's view lives in the query string, read and written by the parsers the desk CSV export reads
 * too, so a copied link and "Export CSV" both reproduce the view. Changes apply at once and replace the current
 * history entry; they stay in the browser (shallow): the page's server part reads the
 * address only on arrival, to prefetch the first page of the view (app/desk/prefetch.ts).
 */
export function useReactionFilters() {
  const [filters, setFilters] = useQueryStates(reactionSearchParams, {
    urlKeys: reactionSearchParamKeys,
    history: 'replace',
    scroll: false,
    shallow: true,
  });
  return { filters, setFilters, queryString: serializeReactionFilters(filters) };
}

export const reactionViews = ['table', 'timeline'] as const;
export type ReactionView = (typeof reactionViews)[number];

/** Which view of the reactions page is open: the table (default) or the timeline (`?view=timeline`). */
export function useReactionView() {
  return useQueryState('view', parseAsStringLiteral(reactionViews).withDefault('table').withOptions({ history: 'push', scroll: false, shallow: true }));
}
