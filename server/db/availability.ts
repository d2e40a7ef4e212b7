/**
 * Telling "the database is down" apart from every other failure, so users get a 503 with Retry-After (and no SQL)
 * while the database is unreachable, and the app recovers by itself when it is back.
 */
export const RETRY_AFTER_SECONDS = 10;
export const UNAVAILABLE_MESSAGE = 'The desk’s database cannot be reached right now. Please try again in a minute.';

export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super(UNAVAILABLE_MESSAGE, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

// Node socket errors, and PostgreSQL's connection-exception (08…), operator-intervention (57P…) and
// insufficient-resources (53…) classes: all mean "try again later", none is the request's fault.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNAVAILABLE_SQLSTATE = /^(08|57P|53)/;
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
  'the database system is starting up',
  'the database system is shutting down',
  'Cannot use a pool after calling end on the pool',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === 'string' && (NETWORK_CODES.has(candidate.code) || UNAVAILABLE_SQLSTATE.test(candidate.code))) return true;
    if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGES.some((text) => (candidate.message as string).includes(text))) return true;
    // AggregateError from a dual-stack connect (ECONNREFUSED on ::1 and 127.0.0.1).
    if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = candidate.cause;
  }
  return false;
}

/** The plain 503 every route handler answers while the database is down. */
export function unavailableResponse(): Response {
  return Response.json(
    { error: UNAVAILABLE_MESSAGE },
    { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } },
  );
}

/**
 * "Is the database there?" for proxy.ts, which answers 503 for pages before they render (a page that fails
 * mid-render can only be a 500). The probe is registered at boot (server/boot.ts) so proxy.ts imports no driver.
 * It is a `select 1` per page request: caching a success, even for a second, let pages render into a database
 * that had just gone and answer 500 (the chaos suite's outage test caught it). Cached public pages, when they
 * come, should skip the check: they need no database.
 */
interface AvailabilityState {
  probe: (() => Promise<void>) | null;
}
// On globalThis: proxy.ts and the server code that registers the probe are bundled separately.
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('claimdesk.databaseAvailability')] ??= {
  probe: null,
}) as AvailabilityState;

const PROBE_TIMEOUT_MS = 3000;

export function registerDatabaseProbe(probe: (() => Promise<void>) | null): void {
  state.probe = probe;
}

export async function databaseIsReachable(): Promise<boolean> {
  if (!state.probe) return true;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      state.probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new DatabaseUnavailableError()), PROBE_TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
