// @ts-check
/**
 * What the production server (scripts/server.mjs) adds to readers' responses served from Next's cache, which
 * proxy.ts marks with CACHED_RESPONSE_HEADER (finishCachedResponse):
 *   - Content-Security-Policy. A nonce exists only per request, so a cached page cannot carry one; instead its
 *     policy allows exactly the inline scripts in the HTML being sent, by their SHA-256 (`script-src 'self'
 *     'sha256-…'`). proxy.ts sends the policy with `script-src 'self'`; marked HTML is held back until it ends, its
 *     inline scripts hashed, and sent with the completed policy. A marked response that no one completes (plain
 *     `next start`) keeps `script-src 'self'`: its inline scripts are blocked, never allowed wholesale.
 *   - Caching by others: Next gives cached pages `s-maxage=31536000`, which would let a shared cache keep a page
 *     for a year after an editor changed it; they get `public, no-cache` instead (use, but ask every time).
 *   - Conditional requests: a GET whose If-None-Match names the response's ETag gets 304 and no body. Next's own
 *     page ETags are off (next.config.js `generateEtags`: an FNV hash in JavaScript over the whole page, most of the
 *     cost of serving a large cached page); held pages get one from their CRC-32 here, and cached route handlers
 *     (the public CSVs) send their own.
 *   - Compression of readers' pages: Next would gzip the same cached page anew for every reader; this server asks
 *     Next for it uncompressed and sends a gzip it keeps per page content (see `remembered`).
 * Plain JavaScript: scripts/server.mjs runs outside Next's bundles.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/** Response header proxy.ts sets on readers' responses (served from Next's cache). */
export const CACHED_RESPONSE_HEADER = 'x-claimdesk-cached';
const REVALIDATE_EVERY_TIME = 'public, no-cache';

/**
 * Inline scripts Next and React write into a page: Turbopack's chunk list
 * (`(globalThis["TURBOPACK"] || …).push({"otherChunks":[…],…})`), the RSC payload (`self.__next_f.push([1,"…"])`,
 * with the bootstrap `(self.__next_f=self.__next_f||[]).push([0])`), React's streaming runtime (`$RC=…`, `$RS=…`…)
 * and Next's `requestAnimationFrame(function(){$RT=performance.now()})`. Only these are hashed: a `<script>`
 * smuggled into a page by some rendering bug stays blocked, as it would be without a nonce. A Next upgrade that
 * writes a new kind of inline script shows up as a blocked script in e2e/csp.spec.ts.
 */
const NEXT_INLINE_SCRIPT_SHAPES = [
  String.raw`\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(\{"otherChunks":\[[^<>]*\]\}\);?`,
  String.raw`\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\);?`,
  String.raw`self\.__next_f\.push\(\[\d+,"(?:[^"\\]|\\.)*"\]\);?`,
  String.raw`(?:requestAnimationFrame\(function\(\)\{)?\$R[A-Z]*=[\s\S]*`,
];
const NEXT_INLINE_SCRIPT = new RegExp(`^(?:${NEXT_INLINE_SCRIPT_SHAPES.map((shape) => `(?:${shape})`).join('|')})$`);
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The `'sha256-…'` sources of the page's Next inline scripts, each once, in page order. */
export function inlineScriptHashes(/** @type {string} */ html) {
  const hashes = new Set();
  for (const [, body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (!NEXT_INLINE_SCRIPT.test(body)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** `policy` with `hashes` appended to its script-src (the rest untouched). */
export function withScriptHashes(/** @type {string} */ policy, /** @type {string[]} */ hashes) {
  if (hashes.length === 0) return policy;
  return policy
    .split(';')
    .map((directive) => {
      const trimmed = directive.trim();
      return trimmed.startsWith('script-src ') ? `${trimmed} ${hashes.join(' ')}` : trimmed;
    })
    .join('; ');
}

/** @param {Buffer} body @param {string | undefined} encoding @returns {string | null} */
function decode(body, encoding) {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
    case '':
      return body.toString('utf8');
    case 'gzip':
      return zlib.gunzipSync(body).toString('utf8');
    case 'deflate':
      return zlib.inflateSync(body).toString('utf8');
    case 'br':
      return zlib.brotliDecompressSync(body).toString('utf8');
    default:
      return null;
  }
}

/** @param {string | string[] | undefined} ifNoneMatch @param {unknown} etag */
function etagMatches(ifNoneMatch, etag) {
  if (typeof ifNoneMatch !== 'string' || typeof etag !== 'string') return false;
  const weakless = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weakless(tag) === weakless(etag));
}

/**
 * What a cached page's bytes come to (its scripts' hashes, its gzip), by content: the same cache entry is sent to
 * every reader until an editor's save changes it, and compressing a large page for each of them was most of what
 * serving it cost. Keyed by the uncompressed body's length and CRC-32 (native, fast), which also make its ETag;
 * bounded by the bytes it holds. A derived copy only: losing it costs one compression.
 */
const MEMO_MAX_BYTES = 64 * 2 ** 20;
/** @type {Map<string, { hashes: string[], gzip: Promise<Buffer> | null, bytes: number }>} */
const memo = new Map();
let memoBytes = 0;

/** @param {Buffer} body */
function remembered(body) {
  const crc = zlib.crc32(body);
  const key = `${body.length}:${crc}`;
  let entry = memo.get(key);
  if (entry) {
    memo.delete(key);
  } else {
    entry = { hashes: inlineScriptHashes(body.toString('utf8')), gzip: null, bytes: 1024 };
    memoBytes += entry.bytes;
  }
  memo.set(key, entry);
  const current = entry;
  return {
    hashes: current.hashes,
    /** Weak: the same for the page whatever its encoding. */
    etag: `W/"${crc.toString(36)}-${body.length.toString(36)}"`,
    gzip() {
      current.gzip ??= new Promise((resolve, reject) => zlib.gzip(body, (error, zipped) => (error ? reject(error) : resolve(zipped)))).then((zipped) => {
        memoBytes += zipped.length;
        current.bytes += zipped.length;
        for (const [oldest, { bytes }] of memo) {
          if (memoBytes <= MEMO_MAX_BYTES || oldest === key) break;
          memo.delete(oldest);
          memoBytes -= bytes;
        }
        return /** @type {Buffer} */ (zipped);
      });
      return current.gzip;
    },
  };
}

/**
 * A reader's page request whose answer this server compresses itself (from the memo) rather than Next, which would
 * compress the same page again for every reader. Not the desk, sign-in, API, Next's files, CSVs (Next streams and
 * compresses those), nor the router's RSC fetches (not HTML, not held).
 * @param {import('node:http').IncomingMessage} request
 */
function compressedHere(request) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.headers.rsc !== undefined || request.headers['next-router-prefetch'] !== undefined) return false;
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  return !/^\/(?:desk|login|api|_next)(?:\/|$)/.test(path) && !path.endsWith('.csv') && path !== '/favicon.ico';
}

const COMPRESS_FROM_BYTES = 1024;

/**
 * Finishes a marked response as described at the top: HTML is held back (head and body, compressed or not) until
 * it ends, then sent as it was with the completed policy; an unchanged one asked conditionally gets 304. Responses
 * not marked pass straight through.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function finishCachedResponse(request, response) {
  const here = compressedHere(request);
  const acceptsGzip = here && /\bgzip\b/i.test(String(request.headers['accept-encoding'] ?? ''));
  if (here) delete request.headers['accept-encoding'];
  // Kept wrapped for the response's whole life: Next's compression wraps these wrappers in turn, so putting the
  // originals back would bypass it.
  const original = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  /** @type {Buffer[]} */
  const chunks = [];
  /** @type {'undecided' | 'pass' | 'hold' | 'not-modified'} */
  let mode = 'undecided';

  const decide = () => {
    if (mode !== 'undecided') return mode;
    const marked = response.hasHeader(CACHED_RESPONSE_HEADER);
    response.removeHeader(CACHED_RESPONSE_HEADER);
    if (!marked) {
      mode = 'pass';
    } else {
      if (/s-maxage/.test(String(response.getHeader('cache-control') ?? ''))) response.setHeader('Cache-Control', REVALIDATE_EVERY_TIME);
      const conditional = (request.method === 'GET' || request.method === 'HEAD') && response.statusCode === 200;
      const html = String(response.getHeader('content-type') ?? '').startsWith('text/html');
      if (conditional && etagMatches(request.headers['if-none-match'], response.getHeader('etag'))) mode = 'not-modified';
      else mode = html && response.statusCode !== 304 && response.statusCode !== 204 ? 'hold' : 'pass';
    }
    return mode;
  };

  // Node's own end() and write() send the head through `response.writeHead`, i.e. through the wrapper below; a
  // held or 304 response therefore sends its head itself, once, with the original.
  const sendNotModifiedHead = () => {
    if (response.headersSent) return;
    for (const name of ['content-type', 'content-length', 'content-encoding', 'transfer-encoding']) response.removeHeader(name);
    response.statusCode = 304;
    original.writeHead.call(response, 304);
  };
  const sendNotModified = (/** @type {unknown[]} */ ...args) => {
    sendNotModifiedHead();
    const callback = args.find((argument) => typeof argument === 'function');
    return /** @type {any} */ (original.end).call(response, callback);
  };

  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.from(String(chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8'),
    );
  };

  /** @type {any} */ (response).writeHead = function writeHead(/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
    const headers = rest.find((argument) => argument && typeof argument === 'object');
    const reason = rest.find((argument) => typeof argument === 'string');
    response.statusCode = statusCode;
    if (reason) response.statusMessage = reason;
    if (Array.isArray(headers)) {
      for (let index = 0; index + 1 < headers.length; index += 2) response.setHeader(headers[index], headers[index + 1]);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    }
    const current = decide();
    if (current === 'pass') return original.writeHead.call(response, statusCode);
    if (current === 'not-modified') sendNotModifiedHead();
    return response;
  };
  response.flushHeaders = function flushHeaders() {
    if (decide() === 'pass') original.flushHeaders.call(response);
  };
  /** @type {any} */ (response).write = function write(/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) {
    const current = decide();
    if (current === 'pass') return /** @type {any} */ (original.write).call(response, chunk, ...rest);
    if (current === 'hold') keep(chunk, rest[0]);
    const callback = rest.find((argument) => typeof argument === 'function');
    if (callback) process.nextTick(callback);
    return true;
  };
  /** @type {any} */ (response).end = function end(/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) {
    const current = decide();
    if (current === 'pass') return /** @type {any} */ (original.end).call(response, chunk, ...rest);
    if (current === 'not-modified') return sendNotModified(chunk, ...rest);
    keep(chunk, rest[0]);
    const callback = [chunk, ...rest].find((argument) => typeof argument === 'function');
    void sendHeld(Buffer.concat(chunks)).then(
      (body) => {
        if (body === null) return sendNotModified(callback);
        if (!response.headersSent) original.writeHead.call(response, response.statusCode);
        /** @type {any} */ (original.end).call(response, body, callback);
      },
      (error) => {
        console.error('[server] could not finish a cached page:', error);
        response.destroy();
      },
    );
    return response;
  };

  /**
   * The held body's completed head, and the bytes to send (null: 304, the reader has this page).
   * @param {Buffer} body @returns {Promise<Buffer | null>}
   */
  async function sendHeld(body) {
    const policy = String(response.getHeader('content-security-policy') ?? '');
    if (body.length === 0 || !policy) return body;
    const encoding = String(response.getHeader('content-encoding') ?? 'identity');
    if (encoding === 'identity') {
      const page = remembered(body);
      response.setHeader('Content-Security-Policy', withScriptHashes(policy, page.hashes));
      if (!response.hasHeader('etag')) response.setHeader('ETag', page.etag);
      const unchanged = (request.method === 'GET' || request.method === 'HEAD') && response.statusCode === 200;
      if (unchanged && etagMatches(request.headers['if-none-match'], response.getHeader('etag'))) return null;
      let sent = body;
      if (acceptsGzip && body.length >= COMPRESS_FROM_BYTES) {
        sent = await page.gzip();
        response.setHeader('Content-Encoding', 'gzip');
      }
      if (here) {
        const vary = String(response.getHeader('vary') ?? '');
        if (!/\baccept-encoding\b/i.test(vary)) response.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      }
      response.setHeader('Content-Length', sent.length);
      return sent;
    }
    // Compressed by Next (a request this server did not compress itself): read it to hash it.
    let html = null;
    try {
      html = decode(body, encoding);
    } catch {
      html = null;
    }
    // Unreadable body: the policy stays without hashes (scripts blocked), never loosened.
    if (html !== null) response.setHeader('Content-Security-Policy', withScriptHashes(policy, inlineScriptHashes(html)));
    response.setHeader('Content-Length', body.length);
    return body;
  }
}
