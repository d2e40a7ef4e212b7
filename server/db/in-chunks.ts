/** Ids per query of a batched lookup: well under PostgreSQL's 65,535 parameters per query. */
const CHUNK = 5000;

/**
 * Runs a batched lookup over `ids` (repeats dropped) in chunks, one after another (so it is safe on a transaction,
 * see `inSequence`), and returns all the rows.
 */
export async function inChunks<T>(ids: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const results: T[] = [];
  for (let start = 0; start < unique.length; start += CHUNK) results.push(...(await load(unique.slice(start, start + CHUNK))));
  return results;
}
