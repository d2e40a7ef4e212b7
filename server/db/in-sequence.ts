type Step = PromiseLike<unknown> | (() => PromiseLike<unknown>);
type Results<T extends readonly Step[]> = { -readonly [K in keyof T]: T[K] extends () => infer R ? Awaited<R> : Awaited<T[K]> };

/**
 * Runs queries one after another, in place of `Promise.all`, where the connection may be a transaction's: a
 * transaction is one connection, node-postgres deprecates overlapping queries on one client (and runs them in turn
 * anyway), and PGlite runs one query at a time. Pass Drizzle query builders (they only start when awaited) or
 * functions that start a query; never an already-started promise.
 */
export async function inSequence<const T extends readonly Step[]>(steps: T): Promise<Results<T>> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await (typeof step === 'function' ? step() : step));
  return results as Results<T>;
}
