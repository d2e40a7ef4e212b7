import { and, asc, desc, eq, gt, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ServiceError } from '@/server/errors';

/**
 * Keyset ("seek") pagination: the one helper every list uses. Rows are ordered by a sort column then by id, with
 * nulls last in both directions; the cursor carries the last row's (value, id), so a page costs the same at row
 * 100,000 as at row 1 and rows inserted meanwhile neither repeat nor vanish.
 */
export interface KeysetSort {
  column: AnyPgColumn;
  id: AnyPgColumn;
  direction: 'asc' | 'desc';
  /** Date columns round-trip through the cursor as ISO strings. */
  valueType: 'text' | 'date' | 'number';
  /** For enum columns: the only values a cursor may carry (anything else would be a database error, not a 400). */
  values?: readonly string[];
}

export interface DecodedCursor {
  value: string | number | Date | null;
  id: string;
}

export function encodeCursor(value: unknown, id: string): string {
  const plain = value instanceof Date ? value.toISOString() : (value ?? null);
  return Buffer.from(JSON.stringify([plain, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, sort: KeysetSort): DecodedCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'string') throw new Error('shape');
    const [raw, id] = parsed as [unknown, string];
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error('id');
    if (raw === null) return { value: null, id };
    if (sort.valueType === 'date') {
      const date = new Date(String(raw));
      // Years outside 1–9999 are not in any real row, and some are beyond PostgreSQL's timestamp range.
      if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) throw new Error('date');
      return { value: date, id };
    }
    if (sort.valueType === 'number') {
      if (typeof raw !== 'number') throw new Error('number');
      return { value: raw, id };
    }
    // PostgreSQL text cannot hold U+0000; such a value can only come from a forged cursor.
    if (typeof raw !== 'string' || raw.includes('\u0000')) throw new Error('text');
    if (sort.values && !sort.values.includes(raw)) throw new Error('enum');
    return { value: raw, id };
  } catch {
    throw new ServiceError('BAD_REQUEST', 'cursor: this page link is invalid or out of date; start from the first page.');
  }
}

/** WHERE condition selecting rows strictly after the cursor in the sort order. */
export function afterCursor(sort: KeysetSort, cursor: DecodedCursor): SQL {
  const beyond = sort.direction === 'asc' ? gt : lt;
  if (cursor.value === null) {
    return and(isNull(sort.column), beyond(sort.id, cursor.id)) as SQL;
  }
  return or(
    beyond(sort.column, cursor.value),
    and(eq(sort.column, cursor.value), beyond(sort.id, cursor.id)),
    isNull(sort.column),
  ) as SQL;
}

export function keysetOrder(sort: KeysetSort): SQL[] {
  const direction = sort.direction === 'asc' ? asc : desc;
  return [sql`${sort.column} ${sql.raw(sort.direction)} nulls last`, direction(sort.id)];
}

/** Fetch limit + 1 rows, then call this: it trims the extra row and builds the next cursor from the last kept one. */
export function toPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  sortValue: (row: Row) => unknown,
): { items: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1]!;
  return { items, nextCursor: encodeCursor(sortValue(last), last.id) };
}
