/**
 * Benchmarks: `npm run bench`. Fills a fresh database (embedded PGlite in memory, or the PostgreSQL server named by
 * BENCH_DATABASE_URL) with a dossier of N sources, then measures
 *   - the desk sources table: first page, a page deep in keyset order, a search, a filter;
 *   - the streamed CSV export: time and heap growth, at two sizes, to show memory does not grow with row count;
 * then adds BENCH_CLAIMS claims to the same dossier and measures the claims table, the public side-by-side data and
 * the claims CSV export (scripts/bench-claims.ts), then BENCH_REACTIONS reactions and measures the public reactions
 * section with its map, the desk reactions table, both reactions CSVs and the public page over HTTP when a production
 * build exists (scripts/bench-reactions.ts).
 * Sizes: BENCH_ROWS (default 100000), BENCH_CLAIMS (default 100000; 0 skips the claims), BENCH_REACTIONS (default
 * 10000; 0 skips the reactions). Figures print as tables; nothing is asserted here (see the tests for that).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '@/server/db/client';
import { createDossier } from '@/server/dossiers/dossiers.service';
import { reliabilityGrades, sourceKinds, sources } from '@/server/sources/schema';
import { deskSourceColumns } from '@/server/sources/sources.csv';
import { sourceFilters } from '@/server/sources/sources.input';
import { iterateSources, listSources } from '@/server/sources/sources.service';
import { createUser } from '@/server/users/users.service';
import { benchClaims } from './bench-claims';
import { benchReactions } from './bench-reactions';
import { measureCsvExport } from './bench-export';

const rowCount = Number(process.env.BENCH_ROWS ?? 100_000);

async function openBenchDatabase(): Promise<DatabaseHandle & { cleanup: () => Promise<void> }> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ driver: 'pglite', inMemory: true });
    await handle.migrate();
    return { ...handle, cleanup: () => handle.close() };
  }
  const name = `claimdesk_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: 'postgres', url: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    async cleanup() {
      await handle.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

async function fill(handle: DatabaseHandle, dossierId: string, count: number, actorId: string) {
  const outlets = ['Anadolu Agency', 'Reuters', 'AFP', 'Armenpress', 'APA', 'TASS', 'BBC', 'Eurasianet'];
  const batch = 2_000;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, offset) => {
      const index = start + offset;
      return {
        dossierId,
        title: `Report ${index}: shelling near Terter, statement ${index % 97}`,
        outlet: outlets[index % outlets.length]!,
        url: `https://news.example/${index}`,
        urlNormalised: `news.example/${index}`,
        kind: sourceKinds[index % sourceKinds.length]!,
        reliability: reliabilityGrades[index % reliabilityGrades.length]!,
        language: index % 3 ? 'en' : 'ru',
        publishedAt: index % 10 ? new Date(Date.UTC(2020, 8, 27) + index * 60_000) : null,
        internalNotes: index % 5 ? '' : '=cell that needs neutralising, "quoted", with comma',
        createdBy: actorId,
        updatedBy: actorId,
      };
    });
    await handle.db.insert(sources).values(rows);
  }
  await handle.db.execute(sql`analyze`);
}

async function time<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

const measureExport = (handle: DatabaseHandle, dossierId: string, limitRows: number) =>
  measureCsvExport(iterateSources(handle.db, dossierId, sourceFilters.parse({})), deskSourceColumns, limitRows);

const handle = await openBenchDatabase();
try {
  const user = await createUser(handle.db, null, { email: 'bench@example.org', role: 'editor', password: 'bench-password' });
  const dossier = await createDossier(handle.db, { id: user.id }, { title: 'Bench', slug: 'bench', summary: '', eventsStartOn: null, eventsEndOn: null });
  const filled = await time(() => fill(handle, dossier.id, rowCount, user.id));
  console.log(`driver ${handle.driver}; filled ${rowCount.toLocaleString('en')} sources in ${(filled.ms / 1000).toFixed(1)} s\n`);

  const base = { ...sourceFilters.parse({}), dossierId: dossier.id, limit: 50 };
  const first = await time(() => listSources(handle.db, base));
  let cursor = first.result.nextCursor;
  for (let page = 0; page < 20 && cursor; page++) cursor = (await listSources(handle.db, { ...base, cursor })).nextCursor;
  const deep = await time(() => listSources(handle.db, { ...base, cursor }));
  const search = await time(() => listSources(handle.db, { ...base, search: 'statement 42' }));
  const filtered = await time(() => listSources(handle.db, { ...base, reliability: ['B'], kind: ['video'], sort: 'published', order: 'asc' }));
  const byTitle = await time(() => listSources(handle.db, { ...base, sort: 'title', order: 'asc' }));

  console.log('sources table (50 rows per page)           ms');
  for (const [label, result] of [
    ['first page, newest first', first],
    ['page 22 via keyset cursor', deep],
    ['search "statement 42"', search],
    ['filter reliability B + kind video', filtered],
    ['sort by title', byTitle],
  ] as const) {
    console.log(`  ${label.padEnd(40)} ${result.ms.toFixed(1).padStart(6)}`);
  }

  console.log('\ndesk CSV export (streamed)      rows      MiB       s   heap growth MiB');
  for (const size of [Math.max(1, Math.floor(rowCount / 10)), rowCount]) {
    const result = await measureExport(handle, dossier.id, size);
    console.log(
      `  ${''.padEnd(28)}${String(result.rows).padStart(7)} ${(result.bytes / 2 ** 20).toFixed(1).padStart(8)} ${(result.ms / 1000).toFixed(2).padStart(7)} ${result.heapGrowthMiB.toFixed(1).padStart(10)}`,
    );
  }

  if (Number(process.env.BENCH_CLAIMS ?? 1) > 0) await benchClaims(handle, dossier, user.id);
  if (Number(process.env.BENCH_REACTIONS ?? 1) > 0) await benchReactions(handle, dossier, user.id);
} finally {
  await handle.cleanup();
}
