import { parse } from 'csv-parse/sync';
import { gzipSync, constants, createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppDatabaseForTesting } from '@/server/db';
import { createDossier } from '@/server/dossiers/dossiers.service';
import type { Dossier } from '@/server/dossiers/schema';
import { sources } from '@/server/sources/schema';
import { deleteSource, getSource } from '@/server/sources/sources.service';
import { dossierInput, signedInCookie } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, testDriver, type TestUsers } from '@/server/testing/test-database';
import { GET as deskExport } from './export/[slug]/sources.csv/route';

/**
 * What a reader of a big export notices: the file arrives in chunks of tens of kilobytes (so a compressing server
 * sends it about as small as gzip of the whole file), every row once, cells neutralised, and the rest of the app
 * keeps answering while it downloads.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let dossier: Dossier;
const ROWS = 5_000;

beforeAll(async () => {
  database = await createTestDatabase();
  setAppDatabaseForTesting(database);
  users = await createTestUsers(database);
  dossier = await createDossier(database.db, users.editor, dossierInput({ title: 'Big export' }));
  for (let start = 0; start < ROWS; start += 1_000) {
    await database.db.insert(sources).values(
      Array.from({ length: 1_000 }, (_, offset) => ({
        dossierId: dossier.id,
        title: `Report ${start + offset}: shelling near Terter`,
        outlet: 'Reuters',
        internalNotes: (start + offset) % 5 ? '' : '=HYPERLINK("http://evil.example","x")',
        createdAt: new Date(Date.UTC(2020, 8, 27) + (start + offset) * 1_000),
        createdBy: users.editor.id,
        updatedBy: users.editor.id,
      })),
    );
  }
});
afterAll(async () => {
  setAppDatabaseForTesting(undefined);
  await database.cleanup();
});

async function openExport(): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const response = await deskExport(
    new Request(`http://localhost/api/export/${dossier.slug}/sources.csv`, { headers: { cookie: await signedInCookie(database.db, users.viewer.id) } }),
    { params: Promise.resolve({ slug: dossier.slug }) },
  );
  expect(response.status).toBe(200);
  return response.body!.getReader();
}

async function readRest(reader: ReadableStreamDefaultReader<Uint8Array>, chunks: Uint8Array[] = []): Promise<Uint8Array[]> {
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return chunks;
}

const records = (chunks: Uint8Array[]) => parse(Buffer.concat(chunks).toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;

/** gzip as a compressing HTTP server applies it to a streamed body: every chunk flushed on its own. */
async function gzipFlushingEachChunk(chunks: Uint8Array[]): Promise<number> {
  const gzip = createGzip();
  let bytes = 0;
  gzip.on('data', (data: Buffer) => (bytes += data.byteLength));
  for (const chunk of chunks) await new Promise<void>((resolve) => (gzip.write(chunk), gzip.flush(constants.Z_SYNC_FLUSH, () => resolve())));
  await new Promise<void>((resolve) => gzip.end(() => setImmediate(resolve)));
  return bytes;
}

describe(`a ${ROWS.toLocaleString('en')}-row desk export`, () => {
  it('arrives in chunks of at least 16 KiB (the last one aside), and gzips per chunk within 5% of gzip of the whole file', async () => {
    const chunks = await readRest(await openExport());
    for (const chunk of chunks.slice(0, -1)) expect(chunk.byteLength).toBeGreaterThanOrEqual(16 * 1024);
    expect(await gzipFlushingEachChunk(chunks)).toBeLessThan(gzipSync(Buffer.concat(chunks)).byteLength * 1.05);
    const rows = records(chunks);
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((row) => row.id)).size).toBe(ROWS);
    // Newest first, as the desk table shows them, and formula cells neutralised.
    expect(rows[0]!.title).toBe(`Report ${ROWS - 1}: shelling near Terter`);
    expect(rows.filter((row) => row.internal_notes === `'=HYPERLINK("http://evil.example","x")`)).toHaveLength(ROWS / 5);
  });

  it('lets other requests through while it downloads, and writes every row once even when one is deleted meanwhile', async () => {
    const reader = await openExport();
    const first = await reader.read();
    // The oldest source comes last in the file: not read yet. Deleting it must not wait for the download to end.
    const oldest = (await database.db.select({ id: sources.id }).from(sources).orderBy(sources.createdAt).limit(1))[0]!;
    const deleted = await deleteSource(database.db, users.editor, { id: oldest.id, version: (await getSource(database.db, oldest.id)).version });
    expect(deleted.deletedAt).not.toBeNull();
    const rows = records(await readRest(reader, [first.value!]));
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    if (testDriver === 'postgres') {
      // One snapshot: the file is the dossier as it was when the download started.
      expect(rows).toHaveLength(ROWS);
      expect(rows.at(-1)!.id).toBe(oldest.id);
    } else {
      // PGlite reads page by page between other requests: the deleted row is in the file only if its page had been
      // read before the delete (pages are 2,000 rows), and no row is repeated or dropped either way.
      expect(rows.length).toBe(rows.some((row) => row.id === oldest.id) ? ROWS : ROWS - 1);
    }
  });
});
