import { NextResponse, type NextRequest } from 'next/server';
import { databaseIsReachable } from '@/server/db/availability';
import { embedFrameAncestors } from '@/server/env';
import { contentSecurityPolicy, createNonce, NO_FRAME_ANCESTORS } from '@/server/http/content-security-policy';
import { unavailablePage } from '@/server/http/unavailable-page';

/**
 * Runs before every page request (see `config.matcher`), as a few named steps:
 *   1. build this request's Content-Security-Policy around a fresh nonce (framing refused, except on /embed/*, which
 *      other sites may frame from the origins in EMBED_FRAME_ANCESTORS — next.config.js sends no X-Frame-Options there);
 *   2. send visitors without any session cookie from /desk to /login (convenience only);
 *   3. while the database is unreachable, answer 503 with Retry-After (a page failing mid-render could only be
 *      a 500 with nothing useful in it);
 *   4. otherwise pass the request on, carrying the policy (Next takes the nonce from the request's CSP header and
 *      puts it on its own scripts) and, for /desk, the path that was asked for;
 *   5. put the policy on whatever response the proxy returns.
 * Not a security boundary: page guards and tRPC procedures re-check every request. A new gate is one more step
 * returning a response or null, before step 4.
 *
 * Caching (for the later performance issue): a nonce exists only per request, so every page renders per request
 * (app/layout.tsx is force-dynamic so that no page, not even the 404, is served prerendered without one). To cache
 * `/` and `/d/[slug]`, take them off the nonce path: skip the nonce for those paths here and send them a policy
 * that allows their scripts without it (sha256 hashes of the cached HTML's inline scripts, kept with the cached
 * page; Next's experimental `sri` covers only the external ones), then drop force-dynamic from the root layout
 * and those pages. /login and /desk stay on nonces (their segments are force-dynamic themselves).
 */
export async function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    development: process.env.NODE_ENV === 'development',
    frameAncestors: isEmbedPath(request.nextUrl.pathname) ? embedFrameAncestors() : NO_FRAME_ANCESTORS,
  });
  const response = redirectSignedOutFromDesk(request) ?? (await answerWhileDatabaseDown(request)) ?? continueWith(request, policy);
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

const isDeskPath = (pathname: string) => pathname === '/desk' || pathname.startsWith('/desk/');
/** Pages made to sit in another site's iframe (app/embed). */
const isEmbedPath = (pathname: string) => pathname === '/embed' || pathname.startsWith('/embed/');
const pathAndQuery = (request: NextRequest) => `${request.nextUrl.pathname}${request.nextUrl.search}`;

/** /desk without any next-auth session cookie: straight to /login, coming back here afterwards. */
function redirectSignedOutFromDesk(request: NextRequest): NextResponse | null {
  if (!isDeskPath(request.nextUrl.pathname)) return null;
  const hasSessionCookie = request.cookies.getAll().some((cookie) => cookie.name.endsWith('next-auth.session-token'));
  if (hasSessionCookie) return null;
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', pathAndQuery(request));
  return NextResponse.redirect(login);
}

/**
 * Pages need the database; while it is unreachable they get a plain 503 page. The check is one `select 1`
 * (server/db/availability.ts). CSV routes under /d/ answer their own 503.
 */
async function answerWhileDatabaseDown(request: NextRequest): Promise<NextResponse | null> {
  if (request.nextUrl.pathname.endsWith('.csv') || (await databaseIsReachable())) return null;
  const page = unavailablePage();
  return new NextResponse(page.body, { status: page.status, headers: page.headers });
}

/** On to the page, with this request's policy (for the nonce) and, on /desk, the asked-for path for the guards. */
function continueWith(request: NextRequest, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  if (isDeskPath(request.nextUrl.pathname)) headers.set('x-claimdesk-path', pathAndQuery(request));
  return NextResponse.next({ request: { headers } });
}

/**
 * Every path except route handlers under /api (JSON and CSV: no scripts to nonce, and Next would buffer the
 * request body of any route the proxy sees), Next's own files under /_next and /favicon.ico. Those keep the static
 * policy that next.config.js scopes to exactly these paths, so each response carries one CSP header.
 * (Next needs this to be a literal here.)
 */
export const config = { matcher: ['/((?!(?:api|_next)(?:/|$)|favicon\\.ico$).*)'] };
