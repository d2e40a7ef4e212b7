import { describe, expect, it } from 'vitest';
import { withBodyLimit } from './body-limit';

/** A request body that streams `chunks` chunks of `size` bytes, counting how many were pulled. */
function streamingRequest(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request('http://localhost/api/trpc/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('withBodyLimit', () => {
  it('answers 413 at once when the declared length is over the limit, without reading the body', async () => {
    const { request, pulled } = streamingRequest(1000, 1024);
    const headers = new Headers({ 'content-length': String(200 * 1024 * 1024) });
    const declared = new Request(request, { headers, duplex: 'half' } as RequestInit);
    const answer = await withBodyLimit(declared, 16 * 1024);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(413);
    // A stream pulls a chunk or two ahead on its own; the point is that the other 998 were never read.
    expect(pulled()).toBeLessThan(5);
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    const { request, pulled } = streamingRequest(200_000, 1024);
    const answer = await withBodyLimit(request, 64 * 1024);
    expect((answer as Response).status).toBe(413);
    expect(await (answer as Response).json()).toEqual({ error: expect.stringContaining('64 KiB') });
    expect(pulled()).toBeLessThan(70);
  });

  it('passes a body within the limit through unchanged', async () => {
    const body = JSON.stringify({ 0: { json: { title: 'Ünïcode ✓' } } });
    const answer = await withBodyLimit(new Request('http://localhost/api/trpc/x', { method: 'POST', body, headers: { 'content-type': 'application/json' } }), 1024);
    expect(answer).toBeInstanceOf(Request);
    expect(await (answer as Request).text()).toBe(body);
    expect((answer as Request).headers.get('content-type')).toBe('application/json');
  });

  it('leaves GET requests alone', async () => {
    const request = new Request('http://localhost/api/trpc/x?input=%7B%7D');
    expect(await withBodyLimit(request, 10)).toBe(request);
  });
});
