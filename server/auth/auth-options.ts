import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { isDatabaseUnavailable } from '@/server/db/availability';
import { authSecret, readEnvironment } from '@/server/env';
import { clientAddress } from '@/server/http/client-address';
import { storableString } from '@/server/validation';
import { getAppDatabase } from '@/server/startup';
import { claimsOf, encodeSessionToken, SESSION_MAX_AGE_SECONDS, secureCookies } from './session';
import { openSession, revokeSession } from './sessions';
import { signInWithPassword } from './sign-in';
import { safeCallbackPath } from './callback-url';

/** What the login form may send; anything else is a failed sign-in, not an error page. */
const credentialsSchema = z.object({
  email: storableString('Email').trim().min(1).max(254),
  password: z.string().min(1).max(128),
});

/**
 * Error codes the login page understands. next-auth puts an error's message into the redirect URL, so authorize
 * throws nothing but these: never a database message.
 */
export const SIGN_IN_LOCKED = 'TooManyAttempts';
export const SIGN_IN_UNAVAILABLE = 'ServiceUnavailable';
const SIGN_IN_FAILED = 'SignInFailed';

/** Built per request, so `next build` never needs the secret or the database. */
export function buildAuthOptions(): AuthOptions {
  const environment = readEnvironment();
  const secret = authSecret(environment);
  return {
    secret,
    useSecureCookies: secureCookies(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: {
      maxAge: SESSION_MAX_AGE_SECONDS,
      // The token's expiry is the end of its sign-in's working day, not "10 hours after the last request".
      encode: ({ token, secret: key }) => encodeSessionToken(token ?? {}, String(key)),
    },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          try {
            const { db } = await getAppDatabase();
            const result = await signInWithPassword(db, {
              ...parsed.data,
              address: clientAddress(request?.headers as Record<string, string> | undefined, environment.TRUSTED_PROXY_HOPS),
            });
            if (!result.ok) {
              if (result.reason === 'locked') throw new Error(SIGN_IN_LOCKED);
              return null;
            }
            const session = await openSession(db, result.user.id);
            return {
              id: result.user.id,
              email: result.user.email,
              name: result.user.name,
              sessionId: session.id,
              sessionEndsAt: Math.floor(session.expiresAt.getTime() / 1000),
            };
          } catch (error) {
            if (error instanceof Error && error.message === SIGN_IN_LOCKED) throw error;
            if (isDatabaseUnavailable(error)) throw new Error(SIGN_IN_UNAVAILABLE);
            console.error('[auth] sign-in failed unexpectedly:', error);
            throw new Error(SIGN_IN_FAILED);
          }
        },
      }),
    ],
    callbacks: {
      // The token carries who and which sign-in; role, active flag and the session's state are read from the
      // database on every request (server/auth/session.ts).
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as typeof user & { sessionId: string; sessionEndsAt: number };
          return { sub: signedIn.id, email: signedIn.email, name: signedIn.name, sid: signedIn.sessionId, end: signedIn.sessionEndsAt };
        }
        return { sub: token.sub, email: token.email, name: token.name, sid: token.sid, end: token.end };
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
      // Only paths on this site, however the callback URL is spelled (see callback-url.ts).
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
      },
    },
    events: {
      async signOut({ token }) {
        const claims = claimsOf(token);
        if (!claims) return;
        const { db } = await getAppDatabase();
        await revokeSession(db, claims.sessionId, 'sign-out');
      },
    },
  };
}

