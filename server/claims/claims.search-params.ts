import { createLoader, createSerializer, parseAsStringLiteral, type UrlKeys } from 'nuqs/server';
import { loadStrictly, parseAsDay, parseAsFlag, parseAsIdList, parseAsListOf, parseAsText } from '@/server/search-params';
import type { ClaimFilters } from './claims.input';
import { claimCategories, claimSortKeys, verificationStatuses } from './claims.labels';

/**
 * The claims table's view in the address — `q`, `party`, `about`, `status`, `category`, `from`, `to`,
 * `needs_source`, `sort`, `dir`, `deleted` — read by the table (nuqs `useQueryStates`) and by the desk CSV export,
 * so "Export CSV" exports exactly the view. Defaults (latest said first, no filter) stay out of the address.
 * Client-safe: no Drizzle, no server code.
 */

export const claimSearchParams = {
  search: parseAsText(200),
  party: parseAsIdList,
  about: parseAsIdList,
  status: parseAsListOf(verificationStatuses),
  category: parseAsListOf(claimCategories),
  saidFrom: parseAsDay,
  saidTo: parseAsDay,
  needsSource: parseAsFlag,
  sort: parseAsStringLiteral(claimSortKeys).withDefault('said'),
  /** Not `direction`: tRPC's infinite queries reserve that input key for their own paging. */
  order: parseAsStringLiteral(['asc', 'desc'] as const).withDefault('desc'),
  deleted: parseAsFlag,
};

export const claimSearchParamKeys: UrlKeys<typeof claimSearchParams> = {
  search: 'q',
  saidFrom: 'from',
  saidTo: 'to',
  needsSource: 'needs_source',
  order: 'dir',
};

const loader = createLoader(claimSearchParams, { urlKeys: claimSearchParamKeys });

/** The table's reading: a value it does not know falls back to its default, the rest of the link still applies. */
export function loadClaimFilters(input: URLSearchParams | string): ClaimFilters {
  return loader(input);
}

/** The CSV export's reading: throws `SearchParamError` (a 400) for a value the table would have dropped. */
export function loadClaimFiltersStrictly(params: URLSearchParams): ClaimFilters {
  return loadStrictly(claimSearchParams, claimSearchParamKeys, params);
}

const serializer = createSerializer(claimSearchParams, { urlKeys: claimSearchParamKeys });

/** The query string of a view (without `?`): what the table writes and the export link carries. */
export const serializeClaimFilters = (filters: Partial<ClaimFilters>): string => serializer(filters).replace(/^\?/, '');
