/**
 * Procedures the browser sends on their own HTTP request instead of in the batch: a batch answers when its slowest
 * call has, and an exact count of a filtered list can be a sequential scan (100+ ms at 100k rows with a search)
 * while the list's first page is an index seek (a few ms). Sent alone, the count arrives when it is ready and the
 * rows do not wait for it.
 */
export function sentAlone(path: string): boolean {
  return path.endsWith('.count');
}
