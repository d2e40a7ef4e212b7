import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { buildAuthOptions } from '@/server/auth/auth-options';
import { answerSessionRequest } from '@/server/auth/session-endpoint';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from '@/server/db/availability';
import { AUTH_BODY_LIMIT_BYTES, withBodyLimit } from '@/server/http/body-limit';
import { withDatabaseErrors } from '@/server/http/with-database';
import { getAppDatabase } from '@/server/startup';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth's routes, with three things in front: a body limit, our own session endpoint, and a clean 503. */
async function handler(incoming: Request, context: RouteContext) {
  const request = await withBodyLimit(incoming, AUTH_BODY_LIMIT_BYTES);
  if (request instanceof Response) return request;
  const [action] = (await context.params).nextauth;

  // next-auth's own session endpoint re-issues the cookie with a later expiry and answers from the token alone;
  // ours answers from the database and never extends a session.
  if (action === 'session') return answerSessionRequest(request);

  // Signing in or out needs the database: say so plainly instead of letting next-auth put an error in a URL.
  if (request.method === 'POST' && (action === 'callback' || action === 'signin' || action === 'signout')) {
    try {
      await (await getAppDatabase()).ping();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      // The login form reads next-auth's { url } answer: point it at the login page with an error code only.
      const origin = new URL(request.url).origin;
      return Response.json(
        { url: `${origin}/login?error=ServiceUnavailable`, error: UNAVAILABLE_MESSAGE },
        { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } },
      );
    }
  }
  // next-auth reads `nextUrl`: hand it a NextRequest again after the body was buffered.
  return NextAuth(new NextRequest(request) as never, context as never, buildAuthOptions());
}

const guarded = withDatabaseErrors(handler);
export { guarded as GET, guarded as POST };
