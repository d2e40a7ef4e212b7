import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Tables with full-text search (claims, reactions) carry a generated `searchVector` column: an index, not data
 * anyone reads. These leave it out of what a query selects and of what a write returns.
 */

/** Every column of `table` but `searchVector`, for `select(…)`. */
export function columnsWithoutSearchVector<T extends Table>(table: T): Omit<T['_']['columns'], 'searchVector'> {
  const { searchVector: _searchVector, ...columns } = getTableColumns(table);
  return columns;
}

/** A written row without its `searchVector`. */
export function withoutSearchVector<Row extends { searchVector: unknown }>(row: Row): Omit<Row, 'searchVector'> {
  const { searchVector: _vector, ...rest } = row;
  return rest;
}
