import { createLoader, createMultiParser, createParser, createSerializer, parseAsStringLiteral, type UrlKeys } from 'nuqs/server';
import { actorKinds } from '@/server/actors/actors.labels';
import { loadStrictly, parseAsFlag, parseAsListOf, parseAsText } from '@/server/search-params';
import { reactionSortKeys, type ReactionFilters } from './reactions.input';
import { alignments, reactionChannels, reactionStances } from './reactions.labels';

/**
 * The reactions table's view in the address — `q`, `stance`, `alignment`, `party`, `kind`, `actor`, `target`,
 * `channel`, `from`, `to`, `deleted`, `sort`, `dir` — read by the desk table (nuqs `useQueryStates`) and by the
 * desk CSV export, so "Export CSV" exports exactly the view. Defaults (latest reaction first, no filter) stay out
 * of the address. Client-safe: no Drizzle, no server code.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A list of ids (`actor=a,b` or `actor=a&actor=b`). A list with an id that is not one is not read (strictly: a 400). */
const parseAsIdList = createMultiParser<string[]>({
  parse: (values) => {
    const ids = values
      .flatMap((value) => value.split(','))
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
    if (ids.length > 50 || ids.some((id) => !UUID.test(id))) return null;
    return [...new Set(ids)];
  },
  serialize: (values) => (values.length ? [values.join(',')] : []),
  eq: (a, b) => a.length === b.length && a.every((value) => b.includes(value)),
}).withDefault([]);

/** One id; none by default. */
const parseAsId = createParser<string>({
  parse: (value) => (UUID.test(value.trim()) ? value.trim().toLowerCase() : null),
  serialize: (value) => value,
});

function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < '1900-01-01' || day > '2100-12-31') return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
}

/** A calendar day, YYYY-MM-DD; none by default. */
const parseAsDay = createParser<string>({
  parse: (value) => (isCalendarDay(value.trim()) ? value.trim() : null),
  serialize: (value) => value,
});

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
