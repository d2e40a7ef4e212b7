import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { CACHED_RESPONSE_HEADER } from '@/server/http/cached-response.mjs';
import { registerDatabaseProbe } from '@/server/db/availability';
import { createTestDatabase } from '@/server/testing/test-database';
import { unreachableDatabase } from '@/server/testing/fixtures';

/** proxy.ts answers pages with a 503 while the database is unreachable, and lets them through once it is back. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let down: Awaited<ReturnType<typeof unreachableDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  down = await unreachableDatabase();
});
afterAll(async () => {
  registerDatabaseProbe(null);
  await down.close();
  await database.cleanup();
});

const page = (path: string) => proxy(new NextRequest(`http://localhost${path}`));

describe('proxy.ts database gate', () => {
  it('answers every page with a plain 503 and Retry-After while the database is down, then recovers by itself', async () => {
    registerDatabaseProbe(() => down.ping());
    for (const path of ['/', '/d/some-story', '/login']) {
      const response = await page(path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get('retry-after'), path).toMatch(/^\d+$/);
      const html = await response.text();
      expect(html).toContain('Claimdesk is unavailable');
      expect(html).not.toMatch(/ECONNREFUSED|select |127\.0\.0\.1/);
      // Still one policy, the page one; nothing to finish later (the 503 page has no scripts and is not cached).
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(response.headers.get(CACHED_RESPONSE_HEADER)).toBeNull();
    }
    // CSV routes answer their own 503 (text, not a page).
    expect((await page('/d/some-story/sources.csv')).status).not.toBe(503);

    registerDatabaseProbe(() => database.ping());
    const back = await page('/');
    expect(back.status).toBe(200);
    expect(back.headers.get('x-middleware-next')).toBe('1');
  });
});
