import { NextResponse, type NextRequest } from 'next/server';
import { databaseIsReachable } from '@/server/db/availability';
import { embedFrameAncestors } from '@/server/env';
import { contentSecurityPolicy, createNonce, NO_FRAME_ANCESTORS } from '@/server/http/content-security-policy';
import { unavailablePage } from '@/server/http/unavailable-page';
import { CACHED_RESPONSE_HEADER } from '@/server/http/cached-response.mjs';
import { publicQueryRewrite } from '@/server/public-cache/public-query';

/**
 * Runs before every page request (see `config.matcher`), as a few named steps:
 *   1. build this request's Content-Security-Policy (framing refused, except on /embed/*, which other sites may frame
 *      from the origins in EMBED_FRAME_ANCESTORS — next.config.js sends no X-Frame-Options there): around a fresh
 *      nonce for /desk and /login (rendered per request), or, for readers' pages served from Next's cache, with
 *      `script-src 'self'` and CACHED_RESPONSE_HEADER, and the production server completes it with the hashes of the
 *      inline scripts it sends (server/http/cached-response.mjs); `next dev` renders everything per request and
 *      gets nonces everywhere;
 *   2. send visitors without any session cookie from /desk to /login (convenience only);
 *   3. while the database is unreachable, answer 503 with Retry-After (a page failing mid-render could only be
 *      a 500 with nothing useful in it);
 *   4. a readers' page asked with a query string goes on to the cached path of that view (see rewritePublicQuery);
 *   5. otherwise pass the request on, carrying the nonce policy (Next takes the nonce from the request's CSP header
 *      and puts it on its own scripts) and, for /desk, the path that was asked for;
 *   6. put the policy on whatever response the proxy returns.
 * Not a security boundary: page guards and tRPC procedures re-check every request. A new gate is one more step
 * returning a response or null, before step 5.
 */
export async function proxy(request: NextRequest) {
  const development = process.env.NODE_ENV === 'development';
  const perRequest = development || rendersPerRequest(request.nextUrl.pathname);
  const policy = contentSecurityPolicy({
    nonce: perRequest ? createNonce() : undefined,
    development,
    frameAncestors: isEmbedPath(request.nextUrl.pathname) ? embedFrameAncestors() : NO_FRAME_ANCESTORS,
  });
  const gate = redirectSignedOutFromDesk(request) ?? (await answerWhileDatabaseDown(request));
  const response = gate ?? rewritePublicQuery(request, perRequest ? policy : null) ?? continueWith(request, perRequest ? policy : null);
  response.headers.set('Content-Security-Policy', policy);
  if (!gate && !perRequest) response.headers.set(CACHED_RESPONSE_HEADER, '1');
  return response;
}

/** Pages rendered for each request (force-dynamic segments): their scripts carry the request's nonce. */
const rendersPerRequest = (pathname: string) => isDeskPath(pathname) || pathname === '/login' || pathname.startsWith('/login/');

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

/**
 * Readers' pages are cached per path and read no query string; a GET of one with a query string is served the
 * page at the path carrying its canonical query (`/d/<slug>?party=x` → `/d/<slug>/q/party%3Dx`), and one whose
 * query names nothing the page reads (`?utm_source=…`) the plain cached page (server/public-cache/public-query.ts).
 * The reader's address bar keeps what they asked for.
 */
function rewritePublicQuery(request: NextRequest, policy: string | null): NextResponse | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const target = publicQueryRewrite(request.nextUrl.pathname, request.nextUrl.search);
  if (target === null) return null;
  const url = request.nextUrl.clone();
  url.pathname = target;
  url.search = '';
  return continueWith(request, policy, url);
}

/**
 * On to the page (or to `rewriteTo`), with this request's nonce policy if it has one and, on /desk, the asked-for
 * path for the guards. A request to a cached page must carry no policy: Next would take it as a nonce to render with.
 */
function continueWith(request: NextRequest, policy: string | null, rewriteTo?: URL): NextResponse {
  const headers = new Headers(request.headers);
  headers.delete('Content-Security-Policy');
  if (policy) headers.set('Content-Security-Policy', policy);
  if (isDeskPath(request.nextUrl.pathname)) headers.set('x-claimdesk-path', pathAndQuery(request));
  return rewriteTo ? NextResponse.rewrite(rewriteTo, { request: { headers } }) : NextResponse.next({ request: { headers } });
}

/**
 * Every path except route handlers under /api (JSON and CSV: no scripts to nonce, and Next would buffer the
 * request body of any route the proxy sees), Next's own files under /_next and /favicon.ico. Those keep the static
 * policy that next.config.js scopes to exactly these paths, so each response carries one CSP header.
 * (Next needs this to be a literal here.)
 */
export const config = { matcher: ['/((?!(?:api|_next)(?:/|$)|favicon\\.ico$).*)'] };
