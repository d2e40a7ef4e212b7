import { NextRequest } from 'next/server';
import { getRedirectUrl, unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from 'next/experimental/testing/server';
import { describe, expect, it } from 'vitest';
import nextConfig from '../../next.config.js';
import { config as proxyConfig, proxy } from '../../proxy';
import { readEnvironment } from '../env';
import { CACHED_RESPONSE_HEADER } from './cached-response.mjs';
import { contentSecurityPolicy, createNonce, isFrameAncestorList, SHARED_DIRECTIVES } from './content-security-policy';

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

  it("without a nonce (cached readers' pages) allows only the site's own script files until hashes are added", () => {
    expect(scriptSrc(contentSecurityPolicy({ development: false }))).toBe("script-src 'self'");
  });

  it('keeps every other directive', () => {
    const policy = contentSecurityPolicy({ nonce: 'bm9uY2U=', development: false });
    expect(withoutScriptSrc(policy)).toEqual(SHARED_DIRECTIVES);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(directives(policy)).toContain(directive);
    }
  });

  it("refuses framing unless told whom to allow; an embed's origins replace 'none' and nothing else", () => {
    const page = contentSecurityPolicy({ nonce: 'bm9uY2U=', development: false });
    expect(directives(page)).toContain("frame-ancestors 'none'");
    const embed = contentSecurityPolicy({ nonce: 'bm9uY2U=', development: false, frameAncestors: 'https://news.example.org  https://*.example.com:8443' });
    expect(directives(embed)).toContain('frame-ancestors https://news.example.org https://*.example.com:8443');
    expect(withoutScriptSrc(embed).filter((directive) => !directive.startsWith('frame-ancestors '))).toEqual(
      SHARED_DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors ')),
    );
    expect(directives(contentSecurityPolicy({ nonce: 'bm9uY2U=', development: false, frameAncestors: '*' }))).toContain('frame-ancestors *');
  });

  it('refuses frame-ancestors values that could end the directive or smuggle in another', () => {
    for (const frameAncestors of ['', "https://a.example; script-src 'unsafe-inline'", 'https://a.example,https://b.example', 'https://a.example/path', "'none' https://a.example", 'javascript:', "'unsafe-inline'"]) {
      expect(() => contentSecurityPolicy({ nonce: 'bm9uY2U=', development: false, frameAncestors }), frameAncestors).toThrow(/frame-ancestors/);
    }
    for (const value of ['*', "'self'", "'none'", 'http://localhost:3000', 'https://news.example.org https://*.example.com']) {
      expect(isFrameAncestorList(value), value).toBe(true);
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

  it('sends pages rendered per request (/login, /desk) the same fresh nonce policy on the request (for Next) and on the response', async () => {
    for (const path of ['/login', '/desk/users']) {
      const first = await call(path, { 'next-auth.session-token': 'anything' });
      const policy = first.headers.get('content-security-policy') ?? '';
      expect(nonceOf(policy), path).toBeTruthy();
      expect(scriptSrc(policy)).not.toContain('unsafe-inline');
      expect(forwarded(first, 'content-security-policy')).toBe(policy);
      expect(first.headers.get(CACHED_RESPONSE_HEADER), path).toBeNull();
      expect(nonceOf((await call(path, { 'next-auth.session-token': 'anything' })).headers.get('content-security-policy') ?? '')).not.toBe(nonceOf(policy));
    }
  });

  it("marks readers' pages for hashes instead (they are served from Next's cache) and renders them with no policy at all", async () => {
    for (const path of ['/', '/d/some-story', '/d/some-story?party=x', '/d/some-story/reactions/x', '/embed/d/some-story/reactions', '/no-such-page']) {
      const request = new NextRequest(`http://localhost${path}`, { headers: { 'content-security-policy': "script-src 'nonce-Y2hvc2Vu'" } });
      const response = await proxy(request);
      expect(scriptSrc(response.headers.get('content-security-policy') ?? ''), path).toBe("script-src 'self'");
      expect(response.headers.get(CACHED_RESPONSE_HEADER), path).toBe('1');
      // Not even a nonce the client chose: Next would render (and cache) the page with it.
      expect(forwarded(response, 'content-security-policy'), path).toBeNull();
    }
  });

  it('sends signed-out visitors from /desk to /login with the asked-for path, and still sends the policy', async () => {
    const response = await call('/desk/dossiers/x?order=title');
    expect(getRedirectUrl(response)).toBe(`http://localhost/login?callbackUrl=${encodeURIComponent('/desk/dossiers/x?order=title')}`);
    expect(nonceOf(response.headers.get('content-security-policy') ?? '')).toBeTruthy();
    expect(response.headers.get(CACHED_RESPONSE_HEADER)).toBeNull();
  });

  it("lets other sites frame /embed/* from EMBED_FRAME_ANCESTORS (default any), and every other page from none", async () => {
    const frameAncestors = (response: Response) => directives(response.headers.get('content-security-policy') ?? '').find((d) => d.startsWith('frame-ancestors '));
    const saved = process.env.EMBED_FRAME_ANCESTORS;
    try {
      delete process.env.EMBED_FRAME_ANCESTORS;
      expect(frameAncestors(await call('/embed/d/some-story/reactions'))).toBe('frame-ancestors *');
      process.env.EMBED_FRAME_ANCESTORS = ' https://news.example.org   https://*.example.com ';
      const embed = await call('/embed/d/some-story/reactions');
      expect(frameAncestors(embed)).toBe('frame-ancestors https://news.example.org https://*.example.com');
      expect(embed.headers.get(CACHED_RESPONSE_HEADER)).toBe('1');
      for (const path of ['/', '/d/some-story', '/d/some-story/reactions/x', '/login', '/embedded', '/desk']) {
        expect(frameAncestors(await call(path)), path).toBe("frame-ancestors 'none'");
      }
      // A value the start-up check would refuse never widens framing.
      process.env.EMBED_FRAME_ANCESTORS = 'https://a.example; script-src *';
      expect(frameAncestors(await call('/embed/d/some-story/reactions'))).toBe("frame-ancestors 'none'");
    } finally {
      if (saved === undefined) delete process.env.EMBED_FRAME_ANCESTORS;
      else process.env.EMBED_FRAME_ANCESTORS = saved;
    }
  });

  it('EMBED_FRAME_ANCESTORS is checked with the rest of the environment', () => {
    const environment = (values: Record<string, string>) => readEnvironment({ ...values } as NodeJS.ProcessEnv);
    expect(environment({}).EMBED_FRAME_ANCESTORS).toBe('*');
    expect(environment({ EMBED_FRAME_ANCESTORS: 'https://a.example  https://b.example' }).EMBED_FRAME_ANCESTORS).toBe('https://a.example https://b.example');
    expect(() => environment({ EMBED_FRAME_ANCESTORS: 'https://a.example/page' })).toThrow(/EMBED_FRAME_ANCESTORS/);
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

  it.each(['/', '/login', '/login?callbackUrl=%2Fdesk', '/d/some-story', '/embed/d/some-story/reactions', '/d/some-story/sources.csv', '/desk', '/desk/users', '/no-such-page', '/apiary', '/favicon.ico.html'])(
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

  it('next.config.js keeps the other security headers on every path, and X-Frame-Options on all but /embed', async () => {
    const headersOf = async (path: string) => (await unstable_getResponseFromNextConfig({ url: `http://localhost${path}`, nextConfig })).headers;
    for (const path of ['/', '/api/health', '/d/some-story', '/desk/users', '/embedded', '/d/embed', '/embed/d/some-story/reactions', '/embed']) {
      expect((await headersOf(path)).get('x-content-type-options'), path).toBe('nosniff');
    }
    for (const path of ['/', '/api/health', '/d/some-story', '/desk/users', '/embedded', '/d/embed']) {
      expect((await headersOf(path)).get('x-frame-options'), path).toBe('DENY');
    }
    for (const path of ['/embed/d/some-story/reactions', '/embed']) {
      expect((await headersOf(path)).get('x-frame-options'), path).toBeNull();
    }
  });
});
