'use client';

import { useQueryStates } from 'nuqs';
import { serializeSourceFilters, sourceSearchParamKeys, sourceSearchParams } from '@/server/sources/sources.search-params';

/**
 * The sources table's view lives in the query string (q, kind, reliability, sort, dir, deleted), read and written
 * by the parsers the CSV export reads too, so a copied link and "Export CSV" both reproduce the view. Changes
 * apply at once (a ticked box stays ticked, the query starts) and replace the current history entry rather than
 * piling up Back steps; they stay in the browser (shallow): the page's server part reads the
 * address only on arrival, to prefetch the first page of the view (app/desk/prefetch.ts).
 */
export function useSourceFilters() {
  const [filters, setFilters] = useQueryStates(sourceSearchParams, {
    urlKeys: sourceSearchParamKeys,
    history: 'replace',
    scroll: false,
    shallow: true,
  });
  return { filters, setFilters, queryString: serializeSourceFilters(filters) };
}
