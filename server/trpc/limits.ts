/**
 * Calls per batched HTTP request. The browser's batch link sends at most this many (a desk page batches a handful);
 * the server refuses larger batches outright, so one request cannot carry hundreds of password guesses or writes.
 * No imports: the browser bundle reads it too.
 */
export const MAX_BATCH_SIZE = 20;
