/**
 * The few ways a business rule can refuse. Services throw these; the tRPC layer maps them to TRPCError codes in one
 * place (server/trpc/init.ts), and route handlers map them to HTTP statuses. Messages are written for the user.
 */
export type ServiceErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** Machine-readable details the UI may use (e.g. the id of the duplicate source). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string) => new ServiceError('NOT_FOUND', `${what} not found.`);

export const versionConflict = (what: string) =>
  new ServiceError(
    'CONFLICT',
    `This ${what} was changed by someone else since you opened it. Reload to see their changes, then try again.`,
  );

/** The one place a stale write is detected: the caller's version must be the row's current one. */
export function assertVersion(row: { version: number }, expectedVersion: number, what: string): void {
  if (row.version !== expectedVersion) throw versionConflict(what);
}

/** Postgres unique_violation, from either driver. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as { code?: string; constraint?: string; cause?: unknown };
    if (candidate.code === '23505') return constraint ? candidate.constraint === constraint || String((candidate as Error).message).includes(constraint) : true;
    current = candidate.cause;
  }
  return false;
}
