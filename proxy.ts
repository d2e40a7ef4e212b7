import { NextResponse, type NextRequest } from 'next/server';

/**
 * Convenience only: send visitors without any session cookie from /desk to /login, and tell pages which path was
 * asked for. The security boundary is the page guards and tRPC procedures, which re-check every request.
 */
export function proxy(request: NextRequest) {
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const hasSessionCookie = request.cookies.getAll().some((cookie) => cookie.name.endsWith('next-auth.session-token'));
  if (!hasSessionCookie) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', path);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set('x-claimdesk-path', path);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/desk', '/desk/:path*'] };
