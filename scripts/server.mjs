// @ts-check
/**
 * The production server (`npm start`): Next's own request handler behind a plain Node HTTP server, for one reason.
 * Next passes route handlers no socket, and fills X-Forwarded-For with the peer's address only when the client sent
 * none, so a client can choose the address that sign-in limits count. This server stamps every request with the
 * socket's peer address in `x-claimdesk-peer`, overwriting anything the client sent (server/http/client-address.ts
 * reads it). It also answers 400 to a path that is not valid percent-encoded UTF-8 (`/d/%FF`): Next 16's router
 * tries to answer those with the Pages Router's `/_error`, which an App Router-only build lacks, and sends a 500.
 * And it completes the Content-Security-Policy of readers' pages served from Next's cache with the hashes of their
 * inline scripts (server/http/cached-response.mjs, which also answers their conditional requests; proxy.ts marks those responses). Everything else is `next start`.
 *
 *   node scripts/server.mjs [--port 3000] [--hostname 0.0.0.0]     PORT and NEXT_DIST_DIR are read too
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import next from 'next';
import { finishCachedResponse } from '../server/http/cached-response.mjs';

const PEER_HEADER = 'x-claimdesk-peer';
// Read by server/http/client-address.ts: the peer header can be trusted only when this server set it.
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for('claimdesk.peerAddressStamped')] = true;

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
  strict: true,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? '0.0.0.0';
process.env.NODE_ENV ??= 'production';
process.env.PORT = String(port);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

/** @param {string | undefined} url */
function pathDecodes(url) {
  const path = (url ?? '/').split('?')[0] ?? '/';
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const LINGER_MS = 2_000;
const requestOnSocket = new WeakMap();

/**
 * When a response closes the connection before its request body was read (a 413 for an oversized upload), Node
 * closes the socket with unread bytes in it, and the kernel answers those with a reset that can overtake the
 * response: the client sees "connection reset" instead of the 413. So on such a close send FIN, keep reading and
 * discarding for a moment (a "lingering close"), and close once the client stops sending or after LINGER_MS.
 * @param {import('node:net').Socket} socket
 */
function lingerWhenClosingEarly(socket) {
  const destroySoon = socket.destroySoon;
  socket.destroySoon = function lingeringDestroySoon() {
    const request = requestOnSocket.get(socket);
    if (!request || request.complete) return destroySoon.call(socket);
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(timer));
    socket.on('data', () => undefined);
    socket.end();
    socket.resume();
  };
}

const server = http.createServer((request, response) => {
  requestOnSocket.set(request.socket, request);
  if (!pathDecodes(request.url)) {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    response.end('Bad request: this address is not valid (its percent-encoding is broken).');
    return;
  }
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? '';
  finishCachedResponse(request, response);
  handle(request, response).catch((error) => {
    console.error('[server] unhandled request error:', error);
    if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Something went wrong on our side.');
  });
});
server.on('connection', lingerWhenClosingEarly);
server.on('upgrade', (request, socket, head) => {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? '';
  upgrade(request, socket, head).catch(() => socket.destroy());
});

server.listen(port, hostname, () => {
  console.log(`[server] Claimdesk listening on http://${hostname}:${port} (${process.env.NODE_ENV})`);
});

let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Finish requests in flight, then close Next (and with it the database); give up after 10 s.
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => {
      app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  });
}
