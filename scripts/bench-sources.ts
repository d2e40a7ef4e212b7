/**
 * The sources part of `BENCH_DETAIL=1 npm run bench` (in process, on the filled bench database, before the server
 * starts): the desk sources table on the big dossier (first page, a page deep in keyset order, a search, a filter,
 * a sort) and the streamed CSV export at a tenth and all of its rows, with heap growth, to show memory does not grow
 * with the row count.
 */
import { performance } from 'node:perf_hooks';
import type { DatabaseHandle } from '@/server/db/client';
import { deskSourceColumns } from '@/server/sources/sources.csv';
import { sourceFilters } from '@/server/sources/sources.input';
import { iterateSources, listSources } from '@/server/sources/sources.service';
import { measureCsvExport } from './bench-export';

async function time<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

export async function benchSources(handle: DatabaseHandle, dossierId: string, rowCount: number): Promise<void> {
  console.log(`\nbig dossier: ${rowCount.toLocaleString('en')} sources\n`);
  const base = { ...sourceFilters.parse({}), dossierId, limit: 50 };
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
    const result = await measureCsvExport(iterateSources(handle.db, dossierId, sourceFilters.parse({})), deskSourceColumns, size);
    console.log(
      `  ${''.padEnd(28)}${String(result.rows).padStart(7)} ${(result.bytes / 2 ** 20).toFixed(1).padStart(8)} ${(result.ms / 1000).toFixed(2).padStart(7)} ${result.heapGrowthMiB.toFixed(1).padStart(10)}`,
    );
  }
}
