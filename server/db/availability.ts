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
  const unavailable = causeIsUnavailable(error);
  if (unavailable) noteDatabaseUnavailable();
  return unavailable;
}

function causeIsUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === 'string' && (NETWORK_CODES.has(candidate.code) || UNAVAILABLE_SQLSTATE.test(candidate.code))) return true;
    if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGES.some((text) => (candidate.message as string).includes(text))) return true;
    // AggregateError from a dual-stack connect (ECONNREFUSED on ::1 and 127.0.0.1).
    if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => causeIsUnavailable(inner))) return true;
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
 * A cheap "is the database there?" for proxy.ts, which answers 503 for pages before they render (a page that fails
 * mid-render can only be a 500). The probe is registered at boot (server/boot.ts) so proxy.ts imports no driver; a
 * success is trusted for a second, so a healthy server pings at most once a second, and any failure seen anywhere
 * (noteDatabaseUnavailable) makes the next check ping again.
 */
interface AvailabilityState {
  probe: (() => Promise<void>) | null;
  lastOkAt: number;
}
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('claimdesk.databaseAvailability')] ??= {
  probe: null,
  lastOkAt: 0,
}) as AvailabilityState;

const TRUST_SUCCESS_MS = 1000;
const PROBE_TIMEOUT_MS = 3000;

export function registerDatabaseProbe(probe: (() => Promise<void>) | null): void {
  state.probe = probe;
}

export function noteDatabaseUnavailable(): void {
  state.lastOkAt = 0;
}

export async function databaseIsReachable(): Promise<boolean> {
  if (!state.probe) return true;
  if (Date.now() - state.lastOkAt < TRUST_SUCCESS_MS) return true;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      state.probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new DatabaseUnavailableError()), PROBE_TIMEOUT_MS);
      }),
    ]);
    state.lastOkAt = Date.now();
    return true;
  } catch {
    state.lastOkAt = 0;
    return false;
  } finally {
    clearTimeout(timer);
  }
}
