import { decode } from 'next-auth/jwt';
import type { Database } from '@/server/db/client';
import { authSecret, readEnvironment } from '@/server/env';
import { findActiveUser, type SessionUser } from '@/server/users/users.service';

/** A working day: a lost laptop's session dies overnight, not in a month (next-auth's default). */
export const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

/** Secure, __Secure- prefixed cookies in production (HTTPS); plain ones in development on http://localhost. */
export function secureCookies(): boolean {
  return readEnvironment().NODE_ENV === 'production';
}

export function sessionCookieName(secure = secureCookies()): string {
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return null;
}

/** The user id in a valid, unexpired session token, or null. */
export async function readSessionUserId(token: string | null): Promise<string | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    return typeof payload?.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in user for a request's Cookie header, re-read from the database so a disabled or demoted user
 * loses access on their very next request.
 */
export async function getSessionUser(db: Database, cookieHeader: string | null): Promise<SessionUser | null> {
  const userId = await readSessionUserId(cookieHeader ? readCookie(cookieHeader, sessionCookieName()) : null);
  return userId ? findActiveUser(db, userId) : null;
}
