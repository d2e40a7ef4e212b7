import { Column, is, SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from '@/server/db/client';
import * as schema from '@/server/db/schema';

/**
 * Rows per cursor fetch on PostgreSQL. Measured at 100,000 sources, rows read and dropped: cursor, 5,000 per fetch
 * 0.76 s; keyset pages of 5,000 1.22 s (each page a new query and sort); fetches of 1,000 or 20,000 no faster.
 */
export const EXPORT_BATCH_ROWS = 5_000;

/**
 * Rows per keyset page on PGlite, whatever the caller asks: PGlite builds each result whole in the JS heap and every
 * other request waits while it does. Measured at 100,000 sources, whole export: 500 → 8.7 s, 2,000 → 3.0 s,
 * 5,000 → 6.2 s with 108 MiB of heap growth (2,000: 32 MiB).
 */
export const PGLITE_PAGE_ROWS = 2_000;

/** A flat selection (`{ key: column or sql }`), as `db.select(selection)` takes it. */
type Selection = Record<string, Column | SQL | SQL.Aliased>;

export interface ExportSource<Row, Out> {
  /** What `query` selects, in the same order: decodes the cursor's rows as drizzle would. */
  selection: Selection;
  /** Every row of the export in export order (no limit), as a query built on `db`: read through a cursor. */
  query: (db: Database) => { toSQL(): { sql: string; params: unknown[] } };
  /** The same rows a keyset page at a time (the desk table's own list query), where no cursor is used. */
  page: (db: Database, cursor: string | null, limit: number) => Promise<{ items: Row[]; nextCursor: string | null }>;
  /** What the CSV needs beyond the row (child rows by id): a few queries per batch, never one per row. */
  decorate: (db: Database, rows: Row[]) => Promise<Out[]>;
  batchSize?: number;
}

/** node-postgres' pool behind a drizzle database, or null on PGlite. */
function postgresPool(db: Database): pg.Pool | null {
  const client = (db as { $client?: unknown }).$client as Partial<pg.Pool> | undefined;
  return client && typeof client.connect === 'function' && 'idleCount' in client ? (client as pg.Pool) : null;
}

/**
 * The rows of a streamed export, `batchSize` at a time, decorated per batch.
 *
 * On PostgreSQL: one server-side cursor (`DECLARE … CURSOR`, `FETCH n`) in a REPEATABLE READ, READ ONLY transaction
 * on a connection of its own, so the file is one consistent snapshot (an edit during the download neither repeats
 * nor drops a row) and the child-row queries of each batch read that same snapshot. The connection is held for the
 * download; a client that stops reading for 5 minutes has its transaction ended by the server
 * (idle_in_transaction_session_timeout) and the connection goes back to the pool.
 *
 * On PGlite: keyset pages through `page`, each its own short query. PGlite runs one query at a time for the whole
 * process, so a transaction held for the download would make every other request wait until it ends; between pages
 * they run. The pages follow the keyset, so rows are neither repeated nor skipped, but an edit made mid-download can
 * show in the pages not yet read.
 */
export async function* exportRows<Row, Out = Row>(db: Database, source: ExportSource<Row, Out>): AsyncGenerator<Out> {
  const batchSize = source.batchSize ?? EXPORT_BATCH_ROWS;
  const pool = postgresPool(db);
  if (!pool) {
    const pageRows = Math.min(batchSize, PGLITE_PAGE_ROWS);
    let cursor: string | null = null;
    do {
      const page: { items: Row[]; nextCursor: string | null } = await source.page(db, cursor, pageRows);
      if (page.items.length) yield* await source.decorate(db, page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return;
  }
  for await (const { db: snapshot, rows } of cursorBatches<Row>(pool, source.query(db).toSQL(), source.selection, batchSize)) {
    yield* await source.decorate(snapshot, rows);
  }
}

// As drizzle's node-postgres session reads them: timestamps, dates and intervals as text, which the columns decode.
const TEXT_TYPES = new Set([1184, 1114, 1082, 1186, 1231, 1115, 1185, 1187, 1182]);
const types = {
  getTypeParser: ((typeId: number, format?: 'text' | 'binary') =>
    TEXT_TYPES.has(typeId) ? (value: string) => value : pg.types.getTypeParser(typeId, format)) as pg.CustomTypesConfig['getTypeParser'],
};

function decoderOf(selection: Selection): (row: unknown[]) => Record<string, unknown> {
  const fields = Object.entries(selection).map(([key, field]) => {
    // A column decodes its own values; sql`…` carries the decoder `.mapWith()` gave it (drizzle keeps it internal).
    const decoder: { mapFromDriverValue(value: unknown): unknown } = is(field, Column)
      ? field
      : (((is(field, SQL) ? field : field.sql) as unknown as { decoder?: { mapFromDriverValue(value: unknown): unknown } }).decoder ?? {
          mapFromDriverValue: (value) => value,
        });
    return { key, decode: (value: unknown) => decoder.mapFromDriverValue(value) };
  });
  return (row) => {
    const decoded: Record<string, unknown> = {};
    for (let index = 0; index < fields.length; index++) {
      const value = row[index];
      decoded[fields[index]!.key] = value === null ? null : fields[index]!.decode(value);
    }
    return decoded;
  };
}

async function* cursorBatches<Row>(
  pool: pg.Pool,
  query: { sql: string; params: unknown[] },
  selection: Selection,
  batchSize: number,
): AsyncGenerator<{ db: Database; rows: Row[] }> {
  const client = await pool.connect();
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  // A connection lost mid-download (server restart, the idle timeout above) must not crash the process; the pool
  // is given it back as broken, so it is closed rather than reused.
  const onError = (error: Error) => release(error);
  client.on('error', onError);
  let open = false;
  try {
    await client.query('begin isolation level repeatable read, read only');
    open = true;
    await client.query(`set local idle_in_transaction_session_timeout = '5min'`);
    await client.query({ text: `declare export_rows no scroll cursor for ${query.sql}`, values: query.params });
    const snapshot = drizzle(client, { schema }) as unknown as Database;
    const decode = decoderOf(selection);
    for (;;) {
      const result = await client.query<unknown[]>({ text: `fetch ${batchSize} from export_rows`, rowMode: 'array', types });
      if (result.rows.length) yield { db: snapshot, rows: result.rows.map(decode) as Row[] };
      if (result.rows.length < batchSize) break;
    }
    await client.query('commit');
    open = false;
  } catch (error) {
    release(error as Error);
    throw error;
  } finally {
    client.off('error', onError);
    // Cancelled (the reader went away): end the read-only transaction before the connection is reused.
    if (open && !released) await client.query('rollback').then(() => release(), (error: Error) => release(error));
    release();
  }
}
