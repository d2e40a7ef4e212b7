import { NextRequest } from 'next/server';
import { getRedirectUrl, unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from 'next/experimental/testing/server';
import { describe, expect, it } from 'vitest';
import nextConfig from '../../next.config.js';
import { config as proxyConfig, proxy } from '../../proxy';
import { contentSecurityPolicy, createNonce, SHARED_DIRECTIVES } from './content-security-policy';

const directives = (policy: string) => policy.split(';').map((directive) => directive.trim());
const scriptSrc = (policy: string) => directives(policy).find((directive) => directive.startsWith('script-src ')) ?? '';
const withoutScriptSrc = (policy: string) => directives(policy).filter((directive) => !directive.startsWith('script-src '));
const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(scriptSrc(policy))?.[1];

describe('the page policy', () => {
  it('allows scripts by nonce and strict-dynamic, never unsafe-inline; unsafe-eval only in development', () => {
    const production = contentSecurityPolicy({ nonce: 'bm9uY2U=', development: false });
    expect(scriptSrc(production)).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(scriptSrc(contentSecurityPolicy({ nonce: 'bm9uY2U=', development: true }))).toBe(
      "script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic' 'unsafe-eval'",
    );
  });

  it('keeps every other directive', () => {
    const policy = contentSecurityPolicy({ nonce: 'bm9uY2U=', development: false });
    expect(withoutScriptSrc(policy)).toEqual(SHARED_DIRECTIVES);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(directives(policy)).toContain(directive);
    }
  });

  it('refuses a nonce that could smuggle in another source or directive', () => {
    for (const nonce of ["x' 'unsafe-inline", 'x; script-src *', '']) {
      expect(() => contentSecurityPolicy({ nonce, development: false })).toThrow(/base64/);
    }
  });

  it('makes a new 128-bit base64 nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('proxy.ts', () => {
  const call = (path: string, cookies: Record<string, string> = {}) => {
    const request = new NextRequest(`http://localhost${path}`);
    for (const [name, value] of Object.entries(cookies)) request.cookies.set(name, value);
    return proxy(request);
  };
  /** What the page renders with: NextResponse.next({ request: { headers } }) overrides these request headers. */
  const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

  it('sends the same fresh nonce policy on the request (for Next) and on the response', async () => {
    const first = await call('/');
    const policy = first.headers.get('content-security-policy') ?? '';
    expect(nonceOf(policy)).toBeTruthy();
    expect(scriptSrc(policy)).not.toContain('unsafe-inline');
    expect(forwarded(first, 'content-security-policy')).toBe(policy);
    expect(nonceOf((await call('/')).headers.get('content-security-policy') ?? '')).not.toBe(nonceOf(policy));
  });

  it('sends signed-out visitors from /desk to /login with the asked-for path, and still sends the policy', async () => {
    const response = await call('/desk/dossiers/x?order=title');
    expect(getRedirectUrl(response)).toBe(`http://localhost/login?callbackUrl=${encodeURIComponent('/desk/dossiers/x?order=title')}`);
    expect(nonceOf(response.headers.get('content-security-policy') ?? '')).toBeTruthy();
  });

  it('passes a visitor with a session cookie on to /desk with the asked-for path; public pages without it', async () => {
    const desk = await call('/desk?search=a', { '__Secure-next-auth.session-token': 'anything' });
    expect(getRedirectUrl(desk)).toBeNull();
    expect(forwarded(desk, 'x-claimdesk-path')).toBe('/desk?search=a');
    for (const path of ['/', '/login', '/d/some-story', '/deskwork']) {
      const response = await call(path);
      expect(getRedirectUrl(response), path).toBeNull();
      expect(forwarded(response, 'x-claimdesk-path'), path).toBeNull();
    }
  });
});

describe('one CSP header per response', () => {
  const staticPolicy = async (path: string) =>
    (await unstable_getResponseFromNextConfig({ url: `http://localhost${path}`, nextConfig })).headers.get('content-security-policy');
  const proxyRuns = (path: string) => unstable_doesMiddlewareMatch({ config: proxyConfig, url: `http://localhost${path}` });

  it.each(['/', '/login', '/login?callbackUrl=%2Fdesk', '/d/some-story', '/d/some-story/sources.csv', '/desk', '/desk/users', '/no-such-page', '/apiary', '/favicon.ico.html'])(
    'page path %s: the proxy runs, next.config.js adds no CSP',
    async (path) => {
      expect(proxyRuns(path)).toBe(true);
      expect(await staticPolicy(path)).toBeNull();
    },
  );

  it.each(['/api', '/api/health', '/api/trpc/sources.list', '/api/auth/callback/credentials', '/api/export/x/sources.csv', '/_next/static/chunks/app.js', '/_next/image', '/favicon.ico'])(
    'non-page path %s: the proxy does not run, next.config.js sends the static policy with the same other directives',
    async (path) => {
      expect(proxyRuns(path)).toBe(false);
      const policy = (await staticPolicy(path)) ?? '';
      expect(withoutScriptSrc(policy)).toEqual(SHARED_DIRECTIVES);
    },
  );

  it('next.config.js keeps the other security headers on every path', async () => {
    for (const path of ['/', '/api/health']) {
      const { headers } = await unstable_getResponseFromNextConfig({ url: `http://localhost${path}`, nextConfig });
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
    }
  });
});
