import { createLoader, createMultiParser, createParser, type ParserMap, type UrlKeys } from 'nuqs/server';

/**
 * Query-string parsers shared by the desk lists (nuqs, in the browser) and their CSV route handlers (on the
 * server), so an export link reads exactly what the table shows. Client-safe: no server imports.
 *
 * Every parser here is lenient: a value it does not know is dropped (a list keeps its other values) or falls back
 * to the default, so a hand-edited link still opens a view. The CSV routes read the same parsers strictly with
 * `loadStrictly`, which refuses such a link (a 400 naming the parameter) instead of exporting another view.
 */

/** Whether an item of a list parser is one it keeps: strict reading uses it to name the value it would drop. */
const listItemCheck = Symbol('listItemCheck');

/**
 * A list of known values: `kind=a,b` (what the table writes) or `kind=a&kind=b`. Unknown values are dropped;
 * the default is the empty list, which leaves the parameter out of the address.
 */
export function parseAsListOf<const Value extends string>(allowed: readonly Value[]) {
  const isAllowed = (item: string): item is Value => (allowed as readonly string[]).includes(item);
  const items = (values: ReadonlyArray<string>) =>
    values
      .flatMap((value) => value.split(','))
      .map((item) => item.trim())
      .filter(Boolean);
  const parser = createMultiParser<Value[]>({
    parse: (values) => [...new Set(items(values).filter(isAllowed))],
    serialize: (values) => (values.length ? [values.join(',')] : []),
    eq: (a, b) => a.length === b.length && a.every((value) => b.includes(value)),
  }).withDefault([]);
  return Object.assign(parser, { [listItemCheck]: (values: ReadonlyArray<string>) => items(values).filter((item) => !isAllowed(item)) });
}

/** Free text (a search): trimmed; text longer than `max` or with a NUL (PostgreSQL refuses it) is not read. */
export function parseAsText(max: number) {
  return createParser<string>({
    parse: (value) => {
      const text = value.trim();
      return text.length > max || text.includes('\u0000') ? null : text;
    },
    serialize: (value) => value,
  }).withDefault('');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A list of ids (`party=a,b` or `party=a&party=b`), at most 50, lower-cased and without repeats. A list with an id
 * that is not one is not read (strictly: a 400).
 */
export const parseAsIdList = createMultiParser<string[]>({
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

/** One id, lower-cased; none by default. */
export const parseAsId = createParser<string>({
  parse: (value) => (UUID.test(value.trim()) ? value.trim().toLowerCase() : null),
  serialize: (value) => value,
});

/** Whether `day` is a real calendar day written YYYY-MM-DD between 1900 and 2100 ("2020-02-31" is not). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < '1900-01-01' || day > '2100-12-31') return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
}

/** A calendar day, YYYY-MM-DD; none by default. */
export const parseAsDay = createParser<string>({
  parse: (value) => (isCalendarDay(value.trim()) ? value.trim() : null),
  serialize: (value) => value,
});

/** An on/off switch written `name=1` when on and left out when off; any other value reads as off. */
export const parseAsFlag = createParser<boolean>({
  parse: (value) => value === '1',
  serialize: (value) => (value ? '1' : ''),
}).withDefault(false);

/** A bad query-string value, named by its parameter as it appears in the address. */
export class SearchParamError extends Error {
  constructor(readonly parameter: string, readonly value: string) {
    super(`${parameter}: "${value.length > 40 ? `${value.slice(0, 40)}…` : value}" is not a value this list accepts`);
    this.name = 'SearchParamError';
  }
}

/**
 * Reads `params` with the list's own parsers, but throws `SearchParamError` for any value they would drop or
 * replace with a default (an export must not quietly differ from the link it was asked for).
 */
export function loadStrictly<Parsers extends ParserMap>(parsers: Parsers, urlKeys: UrlKeys<Parsers>, params: URLSearchParams) {
  for (const [key, parser] of Object.entries(parsers)) {
    const parameter = (urlKeys as Record<string, string | undefined>)[key] ?? key;
    const values = params.getAll(parameter);
    if (values.length === 0) continue;
    const check = (parser as { [listItemCheck]?: (values: ReadonlyArray<string>) => string[] })[listItemCheck];
    if (check) {
      const [rejected] = check(values);
      if (rejected !== undefined) throw new SearchParamError(parameter, rejected);
    } else if ((parser.type === 'multi' ? parser.parse(values) : parser.parse(values[0]!)) === null) {
      throw new SearchParamError(parameter, values[0]!);
    }
  }
  return createLoader(parsers, { urlKeys })(params);
}
