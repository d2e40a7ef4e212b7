import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { loginThrottle } from '@/server/users/schema';

/**
 * Failed sign-ins are counted per email and per client address in the database (so every app server shares the
 * counts). After SLOW_AFTER failures a key is slowed; at its limit it is refused until the lock expires.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
export const EMAIL_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 30;
const SLOW_AFTER = 2;

export const throttleKeys = (email: string, address: string | null) => ({
  email: `email:${email.trim().toLowerCase()}`,
  address: address ? `ip:${address}` : null,
});

export interface ThrottleState {
  locked: boolean;
  /** Milliseconds to hold the response before answering. */
  delayMs: number;
}

export async function readThrottle(db: Database, keys: { email: string; address: string | null }): Promise<ThrottleState> {
  return readThrottleKeys(db, [keys.email, ...(keys.address ? [keys.address] : [])]);
}

async function readThrottleKeys(db: Database, wanted: string[]): Promise<ThrottleState> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, wanted));
  const now = Date.now();
  const windowStart = now - THROTTLE_WINDOW_MINUTES * 60_000;
  let locked = false;
  let worstFailures = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil.getTime() > now) locked = true;
    if (row.windowStartedAt.getTime() > windowStart) worstFailures = Math.max(worstFailures, row.failures);
  }
  const delayMs = worstFailures > SLOW_AFTER ? Math.min(250 * 2 ** (worstFailures - SLOW_AFTER), 4000) : 0;
  return { locked, delayMs };
}

async function countFailure(db: Database, key: string, limit: number): Promise<{ failures: number; lockedUntil: Date | null }> {
  const window = sql.raw(`interval '${THROTTLE_WINDOW_MINUTES} minutes'`);
  const lock = sql.raw(`interval '${LOCK_MINUTES} minutes'`);
  const expired = sql`${loginThrottle.windowStartedAt} < now() - ${window}`;
  const nextFailures = sql`case when ${expired} then 1 else ${loginThrottle.failures} + 1 end`;
  const rows = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: new Date(), lockedUntil: limit <= 1 ? sql`now() + ${lock}` : null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: nextFailures,
        windowStartedAt: sql`case when ${expired} then now() else ${loginThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${nextFailures} >= ${limit} then now() + ${lock} else ${loginThrottle.lockedUntil} end`,
      },
    })
    .returning({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
  return rows[0]!;
}

/**
 * Counts a password check against its key before the password is checked (one atomic upsert), so a burst of
 * parallel guesses cannot all pass a "not locked yet" read: the attempt after the limit is refused however they
 * arrive. A right password clears the count. Used for sign-in (per email) and for re-entering one's password.
 */
async function countAttempt(db: Database, key: string): Promise<{ locked: boolean }> {
  const counted = await countFailure(db, key, EMAIL_FAILURE_LIMIT + 1);
  return { locked: counted.failures > EMAIL_FAILURE_LIMIT };
}

export const countSignInAttempt = (db: Database, keys: { email: string }) => countAttempt(db, keys.email);

/** A failed sign-in also counts against the client address (the email was counted before the check). */
export async function recordFailedSignIn(db: Database, keys: { email: string; address: string | null }): Promise<void> {
  if (keys.address) await countFailure(db, keys.address, ADDRESS_FAILURE_LIMIT);
}

/** A successful sign-in clears the email's counter (not the address's: one good account must not unlock a sprayer). */
export async function clearEmailThrottle(db: Database, keys: { email: string }): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.email]));
}

/**
 * Re-entering the current password (to change it) is a password check like sign-in: counted per user, with the
 * same slow-down and lock, so one batch of guesses cannot test hundreds of candidates.
 */
const passwordCheckKey = (userId: string) => `password:${userId}`;

/** The throttle for re-entering one's password, with this attempt already counted (see countAttempt). */
export async function beginPasswordCheck(db: Database, userId: string): Promise<ThrottleState> {
  const state = await readThrottleKeys(db, [passwordCheckKey(userId)]);
  if (state.locked) return state;
  return { locked: (await countAttempt(db, passwordCheckKey(userId))).locked, delayMs: state.delayMs };
}

export async function clearPasswordCheckThrottle(db: Database, userId: string): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [passwordCheckKey(userId)]));
}
