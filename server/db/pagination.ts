import { and, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ServiceError } from '@/server/errors';

/**
 * Keyset ("seek") pagination: the one helper every list uses. Rows are ordered by a sort column then by id, with
 * nulls last in both directions; the cursor carries the last row's (value, id), so a page costs the same at row
 * 100,000 as at row 1 and rows inserted meanwhile neither repeat nor vanish.
 *
 * The cursor holds the sort value as Postgres prints it (`column::text`), not as a JS value: timestamps have
 * microseconds, which a JS Date would round away, skipping rows that share a millisecond.
 */
export interface KeysetSort {
  column: AnyPgColumn;
  id: AnyPgColumn;
  direction: 'asc' | 'desc';
  /** Whether the sort column may hold NULL. NOT NULL columns get plain, index-friendly ordering and seeks. */
  nullable: boolean;
  /** How to check a cursor's value before it reaches the database (a malformed one must be a 400, not a 500). */
  valueType: 'text' | 'timestamp' | { enum: readonly string[] };
}

export interface DecodedCursor {
  value: string | null;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Postgres' ISO output for timestamptz, e.g. "2020-09-27 06:15:00.123456+00" (the offset may carry minutes and
// seconds: "+05:30", "-00:25:21").
const PG_TIMESTAMPTZ =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::(\d{2}))?(?::(\d{2}))?$/;

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * Whether `value` is a timestamp PostgreSQL could have printed: the shape alone is not enough, since a forged
 * "2020-13-45 99:99:99+00" would fail inside the query (a 500) instead of here (a 400). PostgreSQL has no year 0,
 * never prints hour 24 or second 60, and keeps UTC offsets within ±15:59:59.
 */
export function isPostgresTimestamptz(value: string): boolean {
  const match = PG_TIMESTAMPTZ.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes, offsetSeconds] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  return (
    year! >= 1 &&
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth(year!, month!) &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59 &&
    offsetHours! <= 15 &&
    offsetMinutes! <= 59 &&
    offsetSeconds! <= 59
  );
}

/** The sort value to select alongside each row, for building the next cursor. */
export function cursorValueOf(sort: KeysetSort): SQL<string | null> {
  return sql<string | null>`(${sort.column})::text`;
}

export function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value ?? null, id]), 'utf8').toString('base64url');
}

const invalidCursor = () =>
  new ServiceError('BAD_REQUEST', 'cursor: this page link is invalid or out of date; start from the first page.');

export function decodeCursor(cursor: string, sort: KeysetSort): DecodedCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [value, id] = parsed as [unknown, unknown];
  if (typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
  if (value === null) {
    if (!sort.nullable) throw invalidCursor();
    return { value: null, id };
  }
  if (typeof value !== 'string' || value.length > 1000 || value.includes('\u0000')) throw invalidCursor();
  if (sort.valueType === 'timestamp' && !isPostgresTimestamptz(value)) throw invalidCursor();
  if (typeof sort.valueType === 'object' && !sort.valueType.enum.includes(value)) throw invalidCursor();
  return { value, id };
}

/** WHERE condition selecting rows strictly after the cursor in the sort order. */
export function afterCursor(sort: KeysetSort, cursor: DecodedCursor): SQL {
  const beyond = sort.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  // A row comparison lets Postgres seek straight into the (…, column, id) index.
  const seek = sql`(${sort.column}, ${sort.id}) ${beyond} (${cursor.value}, ${cursor.id})`;
  if (!sort.nullable) return seek;
  if (cursor.value === null) return and(isNull(sort.column), sql`${sort.id} ${beyond} ${cursor.id}`) as SQL;
  return or(seek, isNull(sort.column)) as SQL;
}

/**
 * Runs one keyset page through `query(after, limit)`, which must apply `after` (when given) to its WHERE, order by
 * keysetOrder(sort) and fetch `limit` rows; returns up to `limit + 1` rows for toPage.
 *
 * On a nullable sort, the rows after a non-null cursor are the non-null ones past it, then every null. As the one
 * condition `seek or column is null` (afterCursor) Postgres cannot bound the index scan with it, so each deeper page
 * re-reads every row before it (an export of 100,000 rows reads ~n²/2). Asked as two steps instead, each is an index
 * seek; the second runs only on the page where the non-null rows run out.
 */
export async function seekPage<Row>(
  sort: KeysetSort,
  cursor: string | null | undefined,
  limit: number,
  query: (after: SQL | undefined, limit: number) => Promise<Row[]>,
): Promise<Row[]> {
  if (!cursor) return query(undefined, limit + 1);
  const decoded = decodeCursor(cursor, sort);
  if (!sort.nullable || decoded.value === null) return query(afterCursor(sort, decoded), limit + 1);
  const beyond = sort.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  const seek = sql`(${sort.column}, ${sort.id}) ${beyond} (${decoded.value}, ${decoded.id})`;
  const valued = await query(and(isNotNull(sort.column), seek), limit + 1);
  if (valued.length > limit) return valued;
  return [...valued, ...(await query(isNull(sort.column), limit + 1 - valued.length))];
}

export function keysetOrder(sort: KeysetSort): SQL[] {
  const direction = sql.raw(sort.direction);
  // "nulls last" only where nulls can occur: on a NOT NULL column it would stop a descending index scan.
  const nulls = sort.nullable ? sql.raw(' nulls last') : sql.raw('');
  return [sql`${sort.column} ${direction}${nulls}`, sql`${sort.id} ${direction}`];
}

/**
 * Fetch limit + 1 rows, each with its `cursorValue` (see cursorValueOf), then call this: it trims the extra row,
 * builds the next cursor from the last kept one, and drops `cursorValue` from the rows.
 */
export function toPage<Row extends { id: string; cursorValue: string | null }>(
  rows: Row[],
  limit: number,
): { items: Array<Omit<Row, 'cursorValue'>>; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(last.cursorValue, last.id) : null;
  return { items: kept.map(({ cursorValue: _cursorValue, ...row }) => row), nextCursor };
}
