import { decode, encode, type JWT } from 'next-auth/jwt';
import type { Database } from '@/server/db/client';
import { authSecret, readEnvironment } from '@/server/env';
import type { SessionUser } from '@/server/users/users.service';
import { findSessionUser, SESSION_MAX_AGE_SECONDS } from './sessions';

export { SESSION_MAX_AGE_SECONDS };

/** Secure, __Secure- prefixed cookies in production (HTTPS); plain ones in development on http://localhost. */
export function secureCookies(): boolean {
  return readEnvironment().NODE_ENV === 'production';
}

export function sessionCookieName(secure = secureCookies()): string {
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

export function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

/** What the session cookie carries: who, which sign-in, and when that sign-in's working day ends. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
  /** Seconds since the epoch. */
  endsAt: number;
}

export function claimsOf(token: JWT | null | undefined): SessionClaims | null {
  if (!token || typeof token.sub !== 'string' || typeof token.sid !== 'string' || typeof token.end !== 'number') return null;
  return { userId: token.sub, sessionId: token.sid, endsAt: token.end };
}

/** The claims in a valid, unexpired session token, or null. */
export async function readSessionToken(token: string | null): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const claims = claimsOf(await decode({ token, secret: authSecret() }));
    return claims && claims.endsAt > Date.now() / 1000 ? claims : null;
  } catch {
    return null;
  }
}

/**
 * Signs a session token that expires when its sign-in's working day ends, however often it is re-signed: next-auth
 * would otherwise push `exp` forward on every re-encode.
 */
export async function encodeSessionToken(token: JWT, secret: string): Promise<string> {
  const claims = claimsOf(token);
  // next-auth sets exp = whole seconds now + maxAge.
  const remaining = claims ? claims.endsAt - Math.floor(Date.now() / 1000) : 0;
  return encode({ token, secret, maxAge: Math.max(1, remaining) });
}

export function sessionTokenFromCookies(cookieHeader: string | null): string | null {
  return cookieHeader ? readCookie(cookieHeader, sessionCookieName()) : null;
}

/**
 * The signed-in user for a request's Cookie header, re-read from the database with the session row, so sign-out,
 * a password change, a role change or disabling the account end access on the very next request.
 */
export async function getSessionUser(db: Database, cookieHeader: string | null): Promise<SessionUser | null> {
  const claims = await readSessionToken(sessionTokenFromCookies(cookieHeader));
  return claims ? findSessionUser(db, claims.sessionId, claims.userId) : null;
}
