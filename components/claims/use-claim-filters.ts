'use client';

import { useQueryStates } from 'nuqs';
import { claimSearchParamKeys, claimSearchParams, serializeClaimFilters } from '@/server/claims/claims.search-params';

/**
 * The claims table's view lives in the query string, read and written by the parsers the desk CSV export reads too,
 * so a copied link and "Export CSV" both reproduce the view. Changes apply at once and replace the current history
 * entry; they stay in the browser (shallow): the page's server part reads the
 * address only on arrival, to prefetch the first page of the view (app/desk/prefetch.ts).
 */
export function useClaimFilters() {
  const [filters, setFilters] = useQueryStates(claimSearchParams, {
    urlKeys: claimSearchParamKeys,
    history: 'replace',
    scroll: false,
    shallow: true,
  });
  return { filters, setFilters, queryString: serializeClaimFilters(filters) };
}
