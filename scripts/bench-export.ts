import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { constants, createGzip } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { csvStream, type CsvColumn } from '@/server/csv/csv';
import type { DatabaseHandle } from '@/server/db/client';

export interface ExportMeasure {
  ms: number;
  rows: number;
  rowsPerSecond: number;
  /** The body's size, and its number of chunks (the stream's `enqueue`s). */
  bytes: number;
  chunks: number;
  /** With `gzip`: the body as a compressing server sends it, every chunk flushed (Z_SYNC_FLUSH) as Next does. */
  gzipBytes: number | null;
  /** Peak heap above the start while streaming, and what is still held after a GC (run with --expose-gc). */
  heapGrowthMiB: number;
  retainedMiB: number;
}

/** gzip the way a compressing HTTP server does a streamed body: each chunk written, then flushed to the client. */
function flushingGzip() {
  const gzip = createGzip();
  let bytes = 0;
  gzip.on('data', (data: Buffer) => (bytes += data.byteLength));
  return {
    write: (chunk: Uint8Array) => new Promise<void>((resolve) => (gzip.write(chunk), gzip.flush(constants.Z_SYNC_FLUSH, () => resolve()))),
    end: () => new Promise<number>((resolve) => gzip.end(() => setImmediate(() => resolve(bytes)))),
  };
}

/**
 * Streams the first `limitRows` of `rows` through the CSV writer to nowhere (or through gzip, with `gzip`), sampling
 * heap use: duration, rows per second, bytes, chunks, gzip bytes, peak heap growth and what is still held after a GC.
 */
export async function measureCsvExport<Row>(
  rows: AsyncIterable<Row>,
  columns: ReadonlyArray<CsvColumn<Row>>,
  limitRows: number,
  { gzip = false }: { gzip?: boolean } = {},
): Promise<ExportMeasure> {
  globalThis.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = performance.now();
  let bytes = 0;
  let chunks = 0;
  let count = 0;
  async function* limited() {
    for await (const row of rows) {
      if (count >= limitRows) return;
      count++;
      yield row;
    }
  }
  const compressor = gzip ? flushingGzip() : null;
  const reader = csvStream(limited(), columns).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    chunks++;
    await compressor?.write(value);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const gzipBytes = compressor ? await compressor.end() : null;
  clearInterval(sampler);
  const ms = performance.now() - started;
  globalThis.gc?.();
  const retainedMiB = (process.memoryUsage().heapUsed - baseline) / 2 ** 20;
  return { ms, rows: count, rowsPerSecond: count / (ms / 1000), bytes, chunks, gzipBytes, heapGrowthMiB: (peak - baseline) / 2 ** 20, retainedMiB };
}

/** The desk sources export's columns and rows (live sources, newest first) as one plain SELECT, for COPY. */
const deskSourcesSelect = (dossierId: string) =>
  `select id, title, outlet, author, kind, language, published_at, reliability, url, archive_url, retrieved_at, internal_notes, created_at, updated_at, version, deleted_at
   from sources where dossier_id = '${dossierId.replace(/[^0-9a-f-]/gi, '')}' and deleted_at is null order by created_at desc, id desc`;

export interface CopyBaseline {
  /** How the rows were copied: `psql \copy … to stdout csv` (PostgreSQL), `COPY … TO '/dev/blob'` (PGlite). */
  method: string;
  ms: number;
  bytes: number;
  /** The same COPY piped through gzip (default level, as a server compresses): time and size. */
  gzipMs: number;
  gzipBytes: number;
}

/**
 * The floor an export is judged against: the database writing the desk sources export's rows and columns as CSV
 * itself, with nothing of the app in between — `COPY (select … same columns, same order …) TO STDOUT WITH CSV
 * HEADER`. On PostgreSQL through `psql` (child process, `\copy … to stdout`, output counted as it arrives), run twice:
 * once to nowhere, once piped through gzip. On PGlite through `COPY … TO '/dev/blob'` (PGlite hands the file back as
 * a Blob), gzip applied to it in this process. Null on PostgreSQL when `psql` cannot be run.
 */
export async function copyBaseline(handle: DatabaseHandle, dossierId: string): Promise<CopyBaseline | null> {
  const select = deskSourcesSelect(dossierId);
  if (handle.driver === 'pglite') {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const started = performance.now();
    const result = await client.query(`copy (${select}) to '/dev/blob' with (format csv, header)`);
    const blob = result.blob!;
    const data = Buffer.from(await blob.arrayBuffer());
    const ms = performance.now() - started;
    const gzipStarted = performance.now();
    const gzipBytes = await gzipSize([data]);
    return { method: "COPY … TO '/dev/blob' (PGlite)", ms, bytes: data.byteLength, gzipMs: ms + (performance.now() - gzipStarted), gzipBytes };
  }
  const url = (handle.db as unknown as { $client: pg.Pool }).$client.options.connectionString;
  if (!url) return null;
  const command = `\\copy (${select.replace(/\s+/g, ' ')}) to stdout with (format csv, header)`;
  const plain = await psqlCopy(url, command, false);
  if (!plain) return null;
  const gzipped = await psqlCopy(url, command, true);
  return { method: 'psql \\copy … to stdout', ms: plain.ms, bytes: plain.bytes, gzipMs: gzipped!.ms, gzipBytes: gzipped!.bytes };
}

async function gzipSize(chunks: Buffer[]): Promise<number> {
  const gzip = createGzip();
  let bytes = 0;
  gzip.on('data', (data: Buffer) => (bytes += data.byteLength));
  for (const chunk of chunks) gzip.write(chunk);
  await new Promise<void>((resolve) => gzip.end(() => setImmediate(resolve)));
  return bytes;
}

/** Runs psql's `\copy`, counting the bytes it writes (after gzip, with `gzip`); null when psql is not there. */
async function psqlCopy(url: string, command: string, gzip: boolean): Promise<{ ms: number; bytes: number } | null> {
  const started = performance.now();
  const child = spawn('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
  let bytes = 0;
  let stderr = '';
  const output = gzip ? child.stdout.pipe(createGzip()) : child.stdout;
  output.on('data', (data: Buffer) => (bytes += data.byteLength));
  child.stderr.on('data', (data: Buffer) => (stderr += data));
  const ended = new Promise<void>((resolve) => output.on('end', resolve));
  const exit = await new Promise<number | 'missing'>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve('missing') : reject(error)));
    child.on('close', (code) => resolve(code ?? 1));
  });
  if (exit === 'missing') return null;
  if (exit !== 0) throw new Error(`psql: ${stderr.trim()}`);
  await ended;
  return { ms: performance.now() - started, bytes };
}
