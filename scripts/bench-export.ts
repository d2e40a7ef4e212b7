import { performance } from 'node:perf_hooks';
import { csvStream, type CsvColumn } from '@/server/csv/csv';

/**
 * Streams the first `limitRows` of `rows` through the CSV writer to nowhere, sampling heap use: duration, bytes,
 * rows per second, peak heap growth and what is still held after a GC (run with --expose-gc).
 */
export async function measureCsvExport<Row>(rows: AsyncIterable<Row>, columns: ReadonlyArray<CsvColumn<Row>>, limitRows: number) {
  globalThis.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = performance.now();
  let bytes = 0;
  let count = 0;
  async function* limited() {
    for await (const row of rows) {
      if (count >= limitRows) return;
      count++;
      yield row;
    }
  }
  const reader = csvStream(limited(), columns).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  clearInterval(sampler);
  const ms = performance.now() - started;
  globalThis.gc?.();
  const retainedMiB = (process.memoryUsage().heapUsed - baseline) / 2 ** 20;
  return { ms, bytes, rows: count, rowsPerSecond: count / (ms / 1000), heapGrowthMiB: (peak - baseline) / 2 ** 20, retainedMiB };
}
