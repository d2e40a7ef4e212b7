import { createLoader, createSerializer, parseAsStringLiteral, type UrlKeys } from 'nuqs/server';
import { actorKinds } from '@/server/actors/actors.labels';
import { loadStrictly, parseAsDay, parseAsFlag, parseAsId, parseAsIdList, parseAsListOf, parseAsText } from '@/server/search-params';
import type { ReactionFilters } from './reactions.input';
import { alignments, reactionChannels, reactionSortKeys, reactionStances } from './reactions.labels';

/**
 * The reactions table's view in the address — `q`, `stance`, `alignment`, `party`, `kind`, `actor`, `target`,
 * `channel`, `from`, `to`, `deleted`, `sort`, `dir` — read by the desk table (nuqs `useQueryStates`) and by the
 * desk CSV export, so "Export CSV" exports exactly the view. Defaults (latest reaction first, no filter) stay out
 * of the address. Client-safe: no Drizzle, no server code.
 */

export const reactionSearchParams = {
  search: parseAsText(200),
  stance: parseAsListOf(reactionStances),
  alignment: parseAsListOf(alignments),
  /** The party `alignment` is towards; none: any party. */
  alignmentParty: parseAsId,
  actorKind: parseAsListOf(actorKinds),
  actor: parseAsIdList,
  target: parseAsIdList,
  channel: parseAsListOf(reactionChannels),
  reactedFrom: parseAsDay,
  reactedTo: parseAsDay,
  deleted: parseAsFlag,
  sort: parseAsStringLiteral(reactionSortKeys).withDefault('reacted'),
  /** Not `direction`: tRPC's infinite queries reserve that input key for their own paging. */
  order: parseAsStringLiteral(['asc', 'desc'] as const).withDefault('desc'),
};

export const reactionSearchParamKeys: UrlKeys<typeof reactionSearchParams> = {
  search: 'q',
  alignmentParty: 'party',
  actorKind: 'kind',
  reactedFrom: 'from',
  reactedTo: 'to',
  order: 'dir',
};

const loader = createLoader(reactionSearchParams, { urlKeys: reactionSearchParamKeys });

/** The table's reading: a value it does not know falls back to its default, the rest of the link still applies. */
export function loadReactionFilters(input: URLSearchParams | string): ReactionFilters {
  return loader(input);
}

/** The CSV export's reading: throws `SearchParamError` (a 400) for a value the table would have dropped. */
export function loadReactionFiltersStrictly(params: URLSearchParams): ReactionFilters {
  return loadStrictly(reactionSearchParams, reactionSearchParamKeys, params);
}

const serializer = createSerializer(reactionSearchParams, { urlKeys: reactionSearchParamKeys });

/** The query string of a view (without `?`): what the table writes and the export link carries. */
export const serializeReactionFilters = (filters: Partial<ReactionFilters>): string => serializer(filters).replace(/^\?/, '');
