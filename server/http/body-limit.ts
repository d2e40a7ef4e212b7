/**
 * Request bodies are refused past a per-route limit before they are read whole: a declared Content-Length over the
 * limit is answered at once, and a streamed (chunked) body is cut off as soon as it passes the limit, so memory
 * never holds more than `maxBytes` of it.
 */
export const TRPC_BODY_LIMIT_BYTES = 1024 * 1024;
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

export function payloadTooLarge(maxBytes: number): Response {
  return Response.json(
    { error: `The request body is larger than this endpoint accepts (${Math.round(maxBytes / 1024)} KiB).` },
    { status: 413, headers: { Connection: 'close', 'Cache-Control': 'no-store' } },
  );
}

/** The request with its body read into memory (at most maxBytes), or a 413 Response to send instead. */
export async function withBodyLimit(request: Request, maxBytes: number): Promise<Request | Response> {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return request;
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > maxBytes)) {
    await request.body.cancel().catch(() => undefined);
    return payloadTooLarge(maxBytes);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
}
