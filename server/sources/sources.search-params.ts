import { createLoader, createSerializer, parseAsStringLiteral, type UrlKeys } from 'nuqs/server';
import { loadStrictly, parseAsFlag, parseAsListOf, parseAsText } from '@/server/search-params';
import { reliabilityGrades, sourceKinds, sourceSortKeys } from './sources.labels';
import type { SourceFilters } from './sources.input';

/**
 * The sources table's view in the address — `q`, `kind`, `reliability`, `sort`, `dir`, `deleted` — read by the
 * table (nuqs `useQueryStates`) and by the desk CSV export, so "Export CSV" exports exactly the view. Defaults
 * (newest added first, no filter) stay out of the address. Client-safe: no Drizzle, no server code.
 */
export const sourceSearchParams = {
  search: parseAsText(200),
  kind: parseAsListOf(sourceKinds),
  reliability: parseAsListOf(reliabilityGrades),
  sort: parseAsStringLiteral(sourceSortKeys).withDefault('created'),
  /** Not `direction`: tRPC's infinite queries reserve that input key for their own paging. */
  order: parseAsStringLiteral(['asc', 'desc'] as const).withDefault('desc'),
  deleted: parseAsFlag,
};

export const sourceSearchParamKeys: UrlKeys<typeof sourceSearchParams> = { search: 'q', order: 'dir' };

/** The table's reading: a value it does not know falls back to its default, the rest of the link still applies. */
export const loadSourceFilters: (input: URLSearchParams | string) => SourceFilters = createLoader(sourceSearchParams, {
  urlKeys: sourceSearchParamKeys,
});

/** The CSV export's reading: throws `SearchParamError` (a 400) for a value the table would have dropped. */
export function loadSourceFiltersStrictly(params: URLSearchParams): SourceFilters {
  return loadStrictly(sourceSearchParams, sourceSearchParamKeys, params);
}

/** The query string of a view (without `?`): what the table writes and the export link carries. */
export const serializeSourceFilters: (filters: Partial<SourceFilters>) => string = (filters) =>
  serializer(filters).replace(/^\?/, '');
const serializer = createSerializer(sourceSearchParams, { urlKeys: sourceSearchParamKeys });
