/** Client-safe (no 'use client'): the list queries built from it are prefetched by the desk pages on the server too. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days of a "between" filter as the list queries them: a day not written YYYY-MM-DD (a half-typed date) is
 * none, and `to` is dropped while it comes before `from` (`inOrder` false: the filter says so).
 */
export function dayRangeQuery(from: string | null, to: string | null): { from: string | null; to: string | null; inOrder: boolean } {
  const first = from && DAY.test(from) ? from : null;
  const last = to && DAY.test(to) ? to : null;
  const inOrder = !first || !last || first <= last;
  return { from: first, to: inOrder ? last : null, inOrder };
}
