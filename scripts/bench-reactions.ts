/**
 * The reactions part of `npm run bench` (called by scripts/bench.ts after the sources and claims): fills the bench
 * dossier with BENCH_REACTIONS reactions (default 10,000) from 200 actors (scripts/bench-reactions-fill.ts), publishes
 * it, and measures
 *   - the public "International reactions" section in process: the overview (getPublicReactionsOverview) and its
 *     server render to HTML, map included (ReactionsSection, renderToStaticMarkup);
 *   - the desk reactions table: first page, a stance + alignment filtered page 10 through the keyset cursor, a
 *     full-text search, the count;
 *   - the streamed public and desk reactions CSV (one row per reaction and signatory);
 *   - over HTTP, when a production build exists (BENCH_NEXT_DIST_DIR, default .next): a production server started
 *     on the bench database (PostgreSQL: the same database; PGlite: a copy of the in-memory one written to a
 *     temporary folder) answering the public dossier page — time, HTML size and the JavaScript it loads, next to the
 *     public home page's, to show the map adds none.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseMapMode } from '@/components/reactions/public/map-mode';
import { ReactionsSection } from '@/components/reactions/public/reactions-section';
import type { DatabaseHandle } from '@/server/db/client';
import { setDossierPublished } from '@/server/dossiers/dossiers.service';
import { dossiers } from '@/server/dossiers/schema';
import { listAlignmentParties } from '@/server/reactions/reaction-parts';
import { deskReactionColumns, iterateDeskReactions, perSignatory, publicReactionColumns } from '@/server/reactions/reactions.csv';
import { reactionFilters } from '@/server/reactions/reactions.input';
import { getPublicReactionsOverview, iteratePublicReactions } from '@/server/reactions/reactions.public';
import { countReactions, listReactions } from '@/server/reactions/reactions.service';
import { measureCsvExport } from './bench-export';
import { fillReactions } from './bench-reactions-fill';

const reactionCount = Number(process.env.BENCH_REACTIONS ?? 10_000);

async function time<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

/** The median of three timed runs after one untimed warm-up (as in scripts/bench-claims.ts). */
async function settledTime<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  await task();
  const runs = [await time(task), await time(task), await time(task)].sort((a, b) => a.ms - b.ms);
  return runs[1]!;
}

const heading = (title: string, ...cells: string[]) => console.log(`${title.padEnd(58)}${cells.map((cell) => cell.padStart(12)).join('')}`);
const row = (label: string, ...cells: string[]) => console.log(`  ${label.padEnd(56)}${cells.map((cell) => cell.padStart(12)).join('')}`);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

export async function benchReactions(handle: DatabaseHandle, dossier: { id: string; slug: string }, userId: string): Promise<void> {
  const filled = await time(() => fillReactions(handle, dossier.id, userId, reactionCount));
  const [counts] = (
    (await handle.db.execute(sql`
      select (select count(*) from reactions where dossier_id = ${dossier.id}::uuid)::int as reactions,
        (select count(*) from reaction_actors)::int as signatories, (select count(*) from reaction_alignments)::int as alignments,
        (select count(*) from reaction_sources)::int as links
    `)) as unknown as { rows: Array<Record<string, number>> }
  ).rows;
  console.log(
    `\nfilled ${reactionCount.toLocaleString('en')} reactions from ${filled.result.actorIds.length} actors in ${(filled.ms / 1000).toFixed(1)} s ` +
      `(${counts!.signatories} signatory rows, ${counts!.alignments} alignment rows, ${counts!.links} source links)\n`,
  );
  const [current] = await handle.db.select({ version: dossiers.version, publishedAt: dossiers.publishedAt }).from(dossiers).where(eq(dossiers.id, dossier.id));
  if (!current!.publishedAt) await setDossierPublished(handle.db, { id: userId }, { id: dossier.id, version: current!.version, published: true });

  // The public section, in process.
  const overview = await settledTime(() => getPublicReactionsOverview(handle.db, dossier.slug));
  const mode = parseMapMode({}, overview.result.parties);
  const render = await settledTime(async () => renderToStaticMarkup(createElement(ReactionsSection, { overview: overview.result, mode })));
  const byEntity = await settledTime(() => getPublicReactionsOverview(handle.db, dossier.slug, { by: filled.result.stateIds[0]! }));
  const entities = overview.result.groups.reduce((sum, group) => sum + group.entities.length, 0);
  heading('public reactions section (median of 3 after a warm-up)', 'ms', 'KiB HTML');
  row(`overview: ${overview.result.total} public reactions, ${entities} entities`, overview.ms.toFixed(1));
  row('render to HTML (map, counts, grouped list)', render.ms.toFixed(1), kib(Buffer.byteLength(render.result)));
  row('overview + render', (overview.ms + render.ms).toFixed(1));
  row('one entity’s reactions (?by=)', byEntity.ms.toFixed(1));

  // The desk table.
  const base = { ...reactionFilters.parse({}), dossierId: dossier.id, cursor: null, limit: 50 };
  const [azerbaijan] = filled.result.partyIds;
  const filtered = { ...base, stance: ['condemns' as const, 'supports_party' as const], alignment: ['against' as const], alignmentParty: azerbaijan! };
  const first = await settledTime(() => listReactions(handle.db, base));
  let cursor = (await listReactions(handle.db, filtered)).nextCursor;
  for (let page = 2; page < 10 && cursor; page++) cursor = (await listReactions(handle.db, { ...filtered, cursor })).nextCursor;
  const deep = await settledTime(() => listReactions(handle.db, { ...filtered, cursor }));
  const filteredFirst = await settledTime(() => listReactions(handle.db, filtered));
  const search = await settledTime(() => listReactions(handle.db, { ...base, search: 'civilian settlements Terter' }));
  const count = await settledTime(() => countReactions(handle.db, dossier.id, reactionFilters.parse({})));
  const filteredCount = await settledTime(() => countReactions(handle.db, dossier.id, filtered));
  heading('\ndesk reactions table (50 rows per page; median of 3)', 'ms', 'rows');
  row('first page, reacted newest first', first.ms.toFixed(1), String(first.result.items.length));
  row('condemns/supports + against Azerbaijan, first page', filteredFirst.ms.toFixed(1), String(filteredFirst.result.items.length));
  row('same filter, page 10 via keyset cursor', deep.ms.toFixed(1), String(deep.result.items.length));
  row('full-text search "civilian settlements Terter"', search.ms.toFixed(1), String(search.result.items.length));
  row(`count, all (${count.result})`, count.ms.toFixed(1));
  row(`count, filtered (${filteredCount.result})`, filteredCount.ms.toFixed(1));

  // The CSV exports (one row per reaction and signatory).
  const parties = await listAlignmentParties(handle.db, dossier.id);
  console.log('\nreactions CSV (streamed)                  rows      MiB       s    rows/s   peak heap growth MiB   after GC');
  for (const [label, run] of [
    ['public /d/[slug]/reactions.csv', () => measureCsvExport(perSignatory(dossier.slug, iteratePublicReactions(handle.db, dossier.id)), publicReactionColumns(parties), Infinity)],
    [
      'desk /api/export/[slug]/reactions.csv',
      () => measureCsvExport(perSignatory(dossier.slug, iterateDeskReactions(handle.db, dossier.id, reactionFilters.parse({}))), deskReactionColumns(parties), Infinity),
    ],
  ] as const) {
    const result = await run();
    console.log(
      `  ${label.padEnd(38)}${String(result.rows).padStart(7)} ${(result.bytes / 2 ** 20).toFixed(1).padStart(8)} ${(result.ms / 1000).toFixed(2).padStart(7)} ${result.rowsPerSecond.toFixed(0).padStart(9)} ${result.heapGrowthMiB.toFixed(1).padStart(22)} ${result.retainedMiB.toFixed(1).padStart(10)}`,
    );
  }

  await benchPublicPageOverHttp(handle, dossier.slug);
}

// ---------------------------------------------------------------------------------------------------------------
// Over HTTP: a production server on the bench database
// ---------------------------------------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The bench database as the server must open it: the PostgreSQL URL, or a PGlite data folder copied from memory. */
async function serverDatabase(handle: DatabaseHandle): Promise<{ env: Record<string, string>; cleanup: () => void }> {
  if (handle.driver === 'postgres') {
    const client = (handle.db as unknown as { $client: { options: { connectionString: string } } }).$client;
    return { env: { DATABASE_URL: client.options.connectionString }, cleanup: () => {} };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-'));
  const memory = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await memory.dumpDataDir('none');
  const disk = await PGlite.create(path.join(dataDir, 'pglite'), { loadDataDir: dump, extensions: { pg_trgm } });
  await disk.close();
  return { env: { DATA_DIR: dataDir }, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

async function fetchTimed(url: string): Promise<{ ms: number; status: number; text: string }> {
  const started = performance.now();
  const response = await fetch(url);
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, text };
}

/** The page's own scripts (`<script src>`), their total size raw and gzipped. */
async function pageScripts(origin: string, html: string) {
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&')))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    raw += body.byteLength;
    gzip += gzipSync(body).byteLength;
  }
  return { sources, raw, gzip };
}

async function benchPublicPageOverHttp(handle: DatabaseHandle, slug: string): Promise<void> {
  const distDir = process.env.BENCH_NEXT_DIST_DIR ?? '.next';
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.log(`\npublic page over HTTP: skipped (no production build in ${distDir}; run \`npx next build\` or set BENCH_NEXT_DIST_DIR)`);
    return;
  }
  const database = await serverDatabase(handle);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
  };
  delete env.DATABASE_URL;
  delete env.SEED_DEMO;
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  Object.assign(env, database.env);
  const output: Buffer[] = [];
  const server = spawn(process.execPath, ['scripts/server.mjs', '--port', String(port), '--hostname', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  server.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${Buffer.concat(output).toString()}`);
      const ready = await fetch(`${origin}/api/health`).then((response) => response.ok, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`the server did not answer in 2 minutes:\n${Buffer.concat(output).toString()}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const pageUrl = `${origin}/d/${slug}`;
    const page = await fetchTimed(pageUrl);
    if (page.status !== 200) throw new Error(`GET /d/${slug} answered ${page.status}`);
    const runs = [await fetchTimed(pageUrl), await fetchTimed(pageUrl), await fetchTimed(pageUrl)].sort((a, b) => a.ms - b.ms);
    const home = await fetchTimed(`${origin}/`);
    const [pageJs, homeJs] = [await pageScripts(origin, page.text), await pageScripts(origin, home.text)];
    const onlyOnPage = pageJs.sources.filter((src) => !homeJs.sources.includes(src));
    const mapDrawn = /<svg[^>]*>[\s\S]*?<path/.test(page.text) && page.text.includes('id="reactions"');
    heading(`\npublic dossier page over HTTP (production server, ${handle.driver}; median of 3)`, 'time', 'size');
    row(`GET /d/${slug} (map ${mapDrawn ? 'drawn' : 'NOT FOUND'} in the HTML)`, `${runs[1]!.ms.toFixed(0)} ms`, `${kib(Buffer.byteLength(runs[1]!.text))} KiB`);
    row('  HTML gzipped', '', `${kib(gzipSync(runs[1]!.text).byteLength)} KiB`);
    row(`  JavaScript it loads (${pageJs.sources.length} scripts), raw / gzipped`, `${kib(pageJs.raw)} KiB`, `${kib(pageJs.gzip)} KiB`);
    row(`  the public home page's (${homeJs.sources.length} scripts), raw / gzipped`, `${kib(homeJs.raw)} KiB`, `${kib(homeJs.gzip)} KiB`);
    row(`  scripts only the dossier page loads: ${onlyOnPage.length}`, '', '');
    for (const src of onlyOnPage) console.log(`    ${src}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    database.cleanup();
  }
}
