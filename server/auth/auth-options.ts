import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authSecret, readEnvironment } from '@/server/env';
import { storableString } from '@/server/validation';
import { getAppDatabase } from '@/server/startup';
import { SESSION_MAX_AGE_SECONDS, secureCookies } from './session';
import { clientAddress, signInWithPassword } from './sign-in';

/** What the login form may send; anything else is a failed sign-in, not an error page. */
const credentialsSchema = z.object({
  email: storableString('Email').trim().min(1).max(254),
  password: z.string().min(1).max(128),
});

/** Error code the login page shows as "too many attempts"; every other failure shows one generic message. */
export const SIGN_IN_LOCKED = 'TooManyAttempts';

/** Built per request, so `next build` never needs the secret or the database. */
export function buildAuthOptions(): AuthOptions {
  const environment = readEnvironment();
  return {
    secret: authSecret(environment),
    useSecureCookies: secureCookies(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const forwardedFor = request?.headers?.['x-forwarded-for'] as string | undefined;
          const { db } = await getAppDatabase();
          const result = await signInWithPassword(db, {
            ...parsed.data,
            address: clientAddress(forwardedFor, environment.TRUSTED_PROXY_HOPS),
          });
          if (!result.ok) {
            if (result.reason === 'locked') throw new Error(SIGN_IN_LOCKED);
            return null;
          }
          return { id: result.user.id, email: result.user.email, name: result.user.name };
        },
      }),
    ],
    callbacks: {
      // The token carries only the user id; role and active flag are read from the database on every request.
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return { sub: token.sub, email: token.email, name: token.name };
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
  };
}
