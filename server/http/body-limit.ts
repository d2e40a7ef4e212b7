/**
 * Request bodies are refused past a per-route limit before they are read whole: a declared Content-Length over the
 * limit is answered at once, and a streamed (chunked) body is cut off as soon as it passes the limit, so memory
 * never holds more than `maxBytes` of it.
 */
export const TRPC_BODY_LIMIT_BYTES = 1024 * 1024;
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Article intake's calls that carry a whole article (100,000 characters) or a saved review (up to 1,000,000
 * characters of JSON, MAX_DRAFT_BYTES in server/intake/intake.input.ts): up to three UTF-8 bytes per character
 * (“ ” — and most non-Latin scripts), so what zod accepts is never refused here first.
 */
export const INTAKE_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
const LARGE_BODY_PROCEDURES = new Set(['intake.analyze', 'intake.saveDraft', 'intake.accept']);

/**
 * The body limit of a tRPC request by the procedures its path names (`/api/trpc/a.b,c.d` for a batch): the intake
 * limit when one of them carries an article, the usual one otherwise. Each call's input still meets its own zod limits.
 */
export function trpcBodyLimit(url: string, endpoint = '/api/trpc'): number {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(`${endpoint}/`)) return TRPC_BODY_LIMIT_BYTES;
  let procedures: string[];
  try {
    procedures = decodeURIComponent(pathname.slice(endpoint.length + 1)).split(',');
  } catch {
    return TRPC_BODY_LIMIT_BYTES;
  }
  return procedures.some((path) => LARGE_BODY_PROCEDURES.has(path)) ? INTAKE_BODY_LIMIT_BYTES : TRPC_BODY_LIMIT_BYTES;
}

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
