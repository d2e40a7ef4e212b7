/**
 * The claims part of `BENCH_DETAIL=1 npm run bench` (in process, on the filled bench database, before the server
 * starts): on the claims dossier (BENCH_CLAIMS claims, scripts/bench-fill.ts) it measures the desk claims table
 * (first page, full-text search, a party + status filtered page 20 through the keyset cursor), the public
 * side-by-side data (listPublicClaimsByDay) and the streamed desk CSV export. It also prints the plans of the list
 * and search queries (EXPLAIN ANALYZE), to show they use the claims indexes rather than scanning the table.
 */
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { claimFilters } from '@/server/claims/claims.input';
import { deskClaimColumns } from '@/server/claims/claims.csv';
import { listPublicClaimsByDay, type PublicClaimFilters, type PublicClaimsWindow } from '@/server/claims/claims.public';
import { iterateClaims, listClaims } from '@/server/claims/claims.service';
import type { DatabaseHandle } from '@/server/db/client';
import type { ClaimsFill } from './bench-claims-fill';
import { measureCsvExport } from './bench-export';

const claimCount = Number(process.env.BENCH_CLAIMS ?? 100_000);

async function time<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

/**
 * The median of three timed runs after one untimed warm-up: the first call after the bulk fill pays for cold caches
 * and new pool connections, which a running server has long paid.
 */
async function settledTime<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  await task();
  const runs = [await time(task), await time(task), await time(task)].sort((a, b) => a.ms - b.ms);
  return runs[1]!;
}

/** Runs `task` and returns, with its result, every statement it sent (drizzle's session logger, bench only). */
async function capture<T>(handle: DatabaseHandle, task: () => Promise<T>): Promise<{ result: T; queries: Array<{ text: string; params: unknown[] }> }> {
  const session = (handle.db as unknown as { session: { logger: { logQuery(text: string, params: unknown[]): void } } }).session;
  const previous = session.logger;
  const queries: Array<{ text: string; params: unknown[] }> = [];
  session.logger = { logQuery: (text, params) => queries.push({ text, params }) };
  try {
    return { result: await task(), queries };
  } finally {
    session.logger = previous;
  }
}

/** EXPLAIN ANALYZE of a captured statement, its $n placeholders bound again to the same values. */
async function explain(handle: DatabaseHandle, query: { text: string; params: unknown[] }): Promise<string[]> {
  const parts = query.text.split(/\$(\d+)/);
  const chunks: SQL[] = [sql.raw('explain (analyze, costs off, timing off, summary off) ')];
  parts.forEach((part, index) => chunks.push(index % 2 ? sql`${query.params[Number(part) - 1]}` : sql.raw(part)));
  const result = (await handle.db.execute(sql.join(chunks))) as unknown as { rows: Array<Record<string, string>> };
  return result.rows.map((row) => Object.values(row)[0]!);
}

/** The plan lines that say how each table is read (scans and their index), for a compact printout. */
const scanLines = (plan: string[]) =>
  plan.filter((line) => /Scan|Index Cond|Recheck Cond|Filter:|Sort Key|Limit/.test(line)).map((line) => {
      const trimmed = line.replace(/\s+$/, '');
      return trimmed.length > 150 ? `${trimmed.slice(0, 147)}...` : trimmed;
    });

const measureExport = (handle: DatabaseHandle, dossierId: string, limitRows: number) =>
  measureCsvExport(iterateClaims(handle.db, dossierId, claimFilters.parse({})), deskClaimColumns, limitRows);

/** Heap growth while a task runs (peak over the baseline), for the unpaginated public view. */
async function withHeap<T>(task: () => Promise<T>): Promise<{ ms: number; result: T; heapGrowthMiB: number }> {
  globalThis.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  try {
    const { ms, result } = await time(task);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { ms, result, heapGrowthMiB: (peak - baseline) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchClaims(handle: DatabaseHandle, dossier: { id: string }, fill: ClaimsFill): Promise<void> {
  console.log(`\nclaims dossier: ${claimCount.toLocaleString('en')} claims\n`);
  const [azerbaijan] = fill.partyIds;

  const base = { ...claimFilters.parse({}), dossierId: dossier.id, limit: 50 };
  const first = await capture(handle, () => settledTime(() => listClaims(handle.db, base)));
  const search = await capture(handle, () => settledTime(() => listClaims(handle.db, { ...base, search: 'Terter shelling' })));
  const rareSearch = await capture(handle, () => settledTime(() => listClaims(handle.db, { ...base, search: 'claim 77777' })));
  const filteredBase = { ...base, party: [azerbaijan!], status: ['disputed' as const] };
  let cursor = (await listClaims(handle.db, filteredBase)).nextCursor;
  for (let page = 2; page < 20 && cursor; page++) cursor = (await listClaims(handle.db, { ...filteredBase, cursor })).nextCursor;
  const deep = await capture(handle, () => settledTime(() => listClaims(handle.db, { ...filteredBase, cursor })));
  const bySaidAsc = await settledTime(() => listClaims(handle.db, { ...base, sort: 'said', order: 'asc' }));
  const byStatus = await settledTime(() => listClaims(handle.db, { ...base, sort: 'status', order: 'asc' }));

  console.log('claims table (50 rows per page; median of 3 after a warm-up)  ms');
  for (const [label, result] of [
    ['first page, said newest first', first.result],
    ['full-text search "Terter shelling" (common words)', search.result],
    ['full-text search "claim 77777" (one hit)', rareSearch.result],
    ['party Azerbaijan + status disputed, page 20', deep.result],
    ['sort said, oldest first', bySaidAsc],
    ['sort status', byStatus],
  ] as const) {
    console.log(`  ${label.padEnd(52)} ${result.ms.toFixed(1).padStart(7)}  (${result.result.items.length} rows)`);
  }

  // Plans: the page query is the one that selects from claims with a limit (the rest are per-page batch lookups).
  for (const [label, captured] of [
    ['first page', first],
    ['common-words search', search],
    ['one-hit search', rareSearch],
    ['filtered page 20', deep],
  ] as const) {
    const page = captured.queries.find((query) => /from "claims"/.test(query.text) && /limit \$\d+$/.test(query.text.trim()));
    if (!page) continue;
    const plan = await explain(handle, page);
    const scansClaims = plan.some((line) => /Seq Scan on claims/.test(line));
    console.log(`\n  plan of the ${label} query (${scansClaims ? 'SEQUENTIAL SCAN of claims' : 'claims read through an index'}):`);
    for (const line of scanLines(plan)) console.log(`    ${line}`);
  }

  console.log('\npublic side-by-side data (listPublicClaimsByDay, after a warm-up)  ms   claims   heap growth MiB');
  const publicViews: Array<[string, PublicClaimFilters, PublicClaimsWindow]> = [
    ['first window (whole days from the first)', {}, {}],
    ['window from day 30 (2020-10-26)', {}, { from: '2020-10-26' }],
    ['party Azerbaijan + category casualties', { party: [azerbaijan!], category: ['casualties'] }, {}],
  ];
  for (const [label, filters, window] of publicViews) {
    await listPublicClaimsByDay(handle.db, dossier.id, filters, window);
    const result = await withHeap(() => listPublicClaimsByDay(handle.db, dossier.id, filters, window));
    const shown = result.result.days.reduce((sum, day) => sum + day.claims.length, 0);
    console.log(`  ${label.padEnd(56)} ${result.ms.toFixed(0).padStart(7)} ${String(shown).padStart(8)} ${result.heapGrowthMiB.toFixed(1).padStart(10)}`);
  }

  console.log('\ndesk claims CSV export (streamed)   rows      MiB       s    rows/s   peak heap growth MiB   after GC');
  for (const size of [Math.max(1, Math.floor(claimCount / 10)), claimCount]) {
    const result = await measureExport(handle, dossier.id, size);
    console.log(
      `  ${''.padEnd(32)}${String(result.rows).padStart(7)} ${(result.bytes / 2 ** 20).toFixed(1).padStart(8)} ${(result.ms / 1000).toFixed(2).padStart(7)} ${result.rowsPerSecond.toFixed(0).padStart(9)} ${result.heapGrowthMiB.toFixed(1).padStart(22)} ${result.retainedMiB.toFixed(1).padStart(10)}`,
    );
  }
}
