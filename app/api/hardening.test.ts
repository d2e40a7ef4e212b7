import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuthOptions } from '@/server/auth/auth-options';
import { readSessionToken } from '@/server/auth/session';
import { setAppDatabaseForTesting } from '@/server/db';
import { createDossier } from '@/server/dossiers/dossiers.service';
import { dossierInput, signedInCookie, unique, unreachableDatabase } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, TEST_PASSWORD, type TestUsers } from '@/server/testing/test-database';
import { userSessions } from '@/server/users/schema';
import { createUser, setUserActive } from '@/server/users/users.service';
import { GET as authGet, POST as authPost } from './auth/[...nextauth]/route';
import { GET as trpcGet, POST as trpcPost } from './trpc/[trpc]/route';
import { GET as deskCsv } from './export/[slug]/sources.csv/route';
import { GET as publicCsv } from '../(public)/d/[slug]/sources.csv/route';

/**
 * The tRPC and next-auth route handlers, called the way Next calls them: a Request in, a Response out. This is the
 * real HTTP path — request context, session cookie, batching, body limits, outage handling — on a real database.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  setAppDatabaseForTesting(database);
});
afterAll(async () => {
  setAppDatabaseForTesting(undefined);
  await database.cleanup();
});

const BASE = 'http://localhost:3000';
const SQL_TRACES = [/select /i, /insert /i, /failed query/i, /params:/i, /ECONNREFUSED/, /127\.0\.0\.1/];

function trpcQuery(path: string, input: unknown, cookie?: string) {
  const url = `${BASE}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return trpcGet(new Request(url, { headers: cookie ? { cookie } : {} }));
}

function trpcBatch(paths: string[], inputs: unknown[], cookie?: string, method: 'GET' | 'POST' = 'GET') {
  const body = Object.fromEntries(inputs.map((input, index) => [index, { json: input }]));
  if (method === 'GET') {
    const url = `${BASE}/api/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(body))}`;
    return trpcGet(new Request(url, { headers: cookie ? { cookie } : {} }));
  }
  return trpcPost(
    new Request(`${BASE}/api/trpc/${paths.join(',')}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

const authParams = (...segments: string[]) => ({ params: Promise.resolve({ nextauth: segments }) });

describe('tRPC over HTTP', () => {
  it('reads the user from the session cookie on every request: a disabled user is refused on the next one', async () => {
    const account = await createUser(database.db, users.admin, { email: `${unique('http')}@test.example`, role: 'editor', password: TEST_PASSWORD });
    const cookie = await signedInCookie(database.db, account.id);
    const first = await trpcQuery('users.me', undefined, cookie);
    expect(first.status).toBe(200);
    expect(JSON.stringify(await first.json())).toContain(account.email);
    await setUserActive(database.db, users.admin, { id: account.id, active: false });
    const second = await trpcQuery('users.me', undefined, cookie);
    expect(second.status).toBe(401);
  });

  it('marks every answer private and not to be stored, desk data or not', async () => {
    const cookie = await signedInCookie(database.db, users.viewer.id);
    for (const response of [await trpcQuery('users.me', undefined, cookie), await trpcQuery('dossiers.listPublished', undefined), await trpcQuery('users.me', undefined)]) {
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('refuses a batch larger than the cap without running any of it', async () => {
    const cookie = await signedInCookie(database.db, users.viewer.id);
    const calls = 50;
    const response = await trpcBatch(Array(calls).fill('users.changeOwnPassword'), Array(calls).fill({ currentPassword: 'guess', newPassword: 'another passphrase' }), cookie, 'POST');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('Batch call exceeds maximum size');
    const ok = await trpcBatch(Array(20).fill('users.me'), Array(20).fill(undefined), cookie);
    expect(ok.status).toBe(200);
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const cookie = await signedInCookie(database.db, users.editor.id);
    const dossier = await createDossier(database.db, users.editor, dossierInput());
    const response = await trpcBatch(['sources.create'], [{ dossierId: dossier.id, title: 'x'.repeat(2 * 1024 * 1024) }], cookie, 'POST');
    expect(response.status).toBe(413);
  });

  it('answers 503 with Retry-After and no SQL while the database is down, signed in or not, and recovers', async () => {
    const cookie = await signedInCookie(database.db, users.editor.id);
    const down = await unreachableDatabase();
    setAppDatabaseForTesting(down);
    try {
      for (const response of [await trpcQuery('users.me', undefined, cookie), await trpcQuery('dossiers.listPublished', undefined)]) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        const text = await response.text();
        for (const trace of SQL_TRACES) expect(text).not.toMatch(trace);
        expect(text).not.toContain(users.editor.email);
        expect(text).toContain('cannot be reached');
      }
    } finally {
      setAppDatabaseForTesting(database);
      await down.close();
    }
    expect((await trpcQuery('users.me', undefined, cookie)).status).toBe(200);
  });
});

describe('CSV routes during an outage', () => {
  it('answer 503 with Retry-After and no SQL, and work again once the database is back', async () => {
    const cookie = await signedInCookie(database.db, users.viewer.id);
    const params = { params: Promise.resolve({ slug: 'any-story' }) };
    const down = await unreachableDatabase();
    setAppDatabaseForTesting(down);
    try {
      for (const response of [
        await publicCsv(new Request(`${BASE}/d/any-story/sources.csv`), params),
        await deskCsv(new Request(`${BASE}/api/export/any-story/sources.csv`, { headers: { cookie } }), params),
      ]) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        const text = await response.text();
        for (const trace of SQL_TRACES) expect(text).not.toMatch(trace);
      }
    } finally {
      setAppDatabaseForTesting(database);
      await down.close();
    }
    expect((await publicCsv(new Request(`${BASE}/d/any-story/sources.csv`), params)).status).toBe(404);
  });
});

describe('next-auth routes', () => {
  // next-auth's own handlers (CSRF, the credentials callback, sign-out) need a Next request scope, so the full
  // browser flow is covered by the Playwright and chaos suites; these call the parts in front of it and our hooks.
  const claimsOf = async (cookie: string) => (await readSessionToken(decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1))))!;

  it('the session endpoint answers from the database, with the sign-in’s own end, and never re-issues the cookie', async () => {
    const cookie = await signedInCookie(database.db, users.viewer.id);
    const session = await authGet(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie } }), authParams('session'));
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('private, no-store');
    const body = (await session.json()) as { user: { email: string }; expires: string };
    expect(body.user.email).toBe(users.viewer.email);
    expect(new Date(body.expires).getTime()).toBe((await claimsOf(cookie)).endsAt * 1000);
    expect(session.headers.getSetCookie()).toEqual([]);
  });

  it('signing out ends the session on the server: the old cookie is refused afterwards and cleared', async () => {
    const cookie = await signedInCookie(database.db, users.editor.id);
    expect((await trpcQuery('users.me', undefined, cookie)).status).toBe(200);
    const claims = await claimsOf(cookie);
    // What next-auth calls when POST /api/auth/signout succeeds.
    await buildAuthOptions().events!.signOut!({ token: { sub: claims.userId, sid: claims.sessionId, end: claims.endsAt }, session: null as never });
    const [row] = await database.db.select().from(userSessions).where(eq(userSessions.id, claims.sessionId));
    expect(row?.revokedReason).toBe('sign-out');
    expect((await trpcQuery('users.me', undefined, cookie)).status).toBe(401);
    const session = await authGet(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie } }), authParams('session'));
    expect(await session.json()).toEqual({});
    expect(session.headers.getSetCookie().join()).toMatch(/Max-Age=0/);
  });

  it('answers {} for a disabled user’s session, never their details', async () => {
    const account = await createUser(database.db, users.admin, { email: `${unique('gone')}@test.example`, role: 'viewer', password: TEST_PASSWORD });
    const cookie = await signedInCookie(database.db, account.id);
    await setUserActive(database.db, users.admin, { id: account.id, active: false });
    const session = await authGet(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie } }), authParams('session'));
    const text = await session.text();
    expect(JSON.parse(text)).toEqual({});
    expect(text).not.toContain(account.email);
  });

  it('the session endpoint answers 503 with Retry-After while the database is down', async () => {
    const cookie = await signedInCookie(database.db, users.viewer.id);
    const down = await unreachableDatabase();
    setAppDatabaseForTesting(down);
    try {
      const session = await authGet(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie } }), authParams('session'));
      expect(session.status).toBe(503);
      expect(session.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(session.headers.getSetCookie()).toEqual([]);
    } finally {
      setAppDatabaseForTesting(database);
      await down.close();
    }
  });

  it('answers 413 to a sign-in body over 16 KiB', async () => {
    const response = await authPost(
      new NextRequest(`${BASE}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `email=a&password=${'x'.repeat(64 * 1024)}`,
      }),
      authParams('callback', 'credentials'),
    );
    expect(response.status).toBe(413);
  });

  it('answers a sign-in during an outage with 503 and an error code, never SQL, the email or the address', async () => {
    const down = await unreachableDatabase();
    setAppDatabaseForTesting(down);
    try {
      const response = await authPost(
        new NextRequest(`${BASE}/api/auth/callback/credentials`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
          body: new URLSearchParams({ csrfToken: 'x', email: users.viewer.email, password: TEST_PASSWORD, json: 'true' }),
        }),
        authParams('callback', 'credentials'),
      );
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      const text = await response.text();
      expect(JSON.parse(text).url).toMatch(/\/login\?error=ServiceUnavailable$/);
      for (const trace of SQL_TRACES) expect(text).not.toMatch(trace);
      expect(text).not.toContain(users.viewer.email);
      expect(text).not.toContain('203.0.113.9');
    } finally {
      setAppDatabaseForTesting(database);
      await down.close();
    }
  });
});
