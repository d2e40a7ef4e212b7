import type { Database } from '@/server/db/client';
import { findUserByEmail, type SessionUser } from '@/server/users/users.service';
import { clearEmailThrottle, countSignInAttempt, readThrottle, recordFailedSignIn, throttleKeys } from './login-throttle';
import { verifyAgainstDummy, verifyPassword } from './password';

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: 'invalid' | 'locked' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password. Unknown email, wrong password and disabled account all answer 'invalid' after the
 * same work, so the answer reveals nothing about which part was wrong.
 */
export async function signInWithPassword(
  db: Database,
  input: { email: string; password: string; address: string | null },
  /** How the progressive delay waits (tests record it instead of waiting). */
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<SignInResult> {
  const keys = throttleKeys(input.email, input.address);
  const throttle = await readThrottle(db, keys);
  if (throttle.locked) return { ok: false, reason: 'locked' };
  if ((await countSignInAttempt(db, keys)).locked) return { ok: false, reason: 'locked' };
  if (throttle.delayMs) await wait(throttle.delayMs);

  const user = await findUserByEmail(db, input.email);
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyAgainstDummy(input.password), false);
  if (!user || !passwordMatches || !user.active) {
    await recordFailedSignIn(db, keys);
    return { ok: false, reason: 'invalid' };
  }
  await clearEmailThrottle(db, keys);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword },
  };
}
