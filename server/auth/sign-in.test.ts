import { eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppDatabaseForTesting } from '@/server/db';
import { authSecret } from '@/server/env';
import { createDossier } from '@/server/dossiers/dossiers.service';
import { callerFor, dossierInput, expectTrpcError, sourceInput, unique } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, TEST_PASSWORD, type TestUsers } from '@/server/testing/test-database';
import { loginThrottle } from '@/server/users/schema';
import { createUser, setUserActive, setUserRole } from '@/server/users/users.service';
import { buildAuthOptions, SIGN_IN_LOCKED } from './auth-options';
import { EMAIL_FAILURE_LIMIT, LOCK_MINUTES } from './login-throttle';
import { getSessionUser, SESSION_MAX_AGE_SECONDS, sessionCookieName } from './session';
import { clientAddress, signInWithPassword } from './sign-in';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

const signIn = (email: string, password: string, address: string | null = null) =>
  signInWithPassword(database.db, { email, password, address });

async function newAccount(role: 'viewer' | 'editor' | 'admin' = 'editor') {
  const email = `${unique(role)}@test.example`;
  const user = await createUser(database.db, users.admin, { email, role, password: TEST_PASSWORD });
  return { ...user, email };
}

async function throttleRow(key: string) {
  const [row] = await database.db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row ?? null;
}

describe('signInWithPassword', () => {
  it('signs in with the right email and password, ignoring the email’s letter case and spaces', async () => {
    const result = await signIn(`  ${users.editor.email.toUpperCase()} `, TEST_PASSWORD);
    expect(result).toEqual({ ok: true, user: { ...users.editor } });
  });

  it('gives the same answer for an unknown email, a wrong password and a disabled account', async () => {
    const disabled = await newAccount();
    await setUserActive(database.db, users.admin, { id: disabled.id, active: false });
    const answers = await Promise.all([
      signIn(`${unique('nobody')}@test.example`, TEST_PASSWORD),
      signIn(users.viewer.email, 'wrong password'),
      signIn(disabled.email, TEST_PASSWORD),
    ]);
    expect(answers).toEqual([
      { ok: false, reason: 'invalid' },
      { ok: false, reason: 'invalid' },
      { ok: false, reason: 'invalid' },
    ]);
  });

  it(`locks an email after ${EMAIL_FAILURE_LIMIT} failures, even against the right password, counting in the database`, async () => {
    const account = await newAccount();
    for (let attempt = 1; attempt <= EMAIL_FAILURE_LIMIT; attempt++) {
      expect(await signIn(account.email, `wrong ${attempt}`)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signIn(account.email, TEST_PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    expect(await signIn(account.email.toUpperCase(), TEST_PASSWORD)).toEqual({ ok: false, reason: 'locked' });

    const row = await throttleRow(`email:${account.email}`);
    expect(row?.failures).toBe(EMAIL_FAILURE_LIMIT);
    const lockedFor = row!.lockedUntil!.getTime() - Date.now();
    expect(lockedFor).toBeGreaterThan((LOCK_MINUTES - 1) * 60_000);
    expect(lockedFor).toBeLessThanOrEqual(LOCK_MINUTES * 60_000 + 5_000);

    // Another account is not affected.
    expect((await signIn(users.viewer.email, TEST_PASSWORD)).ok).toBe(true);

    // Once the lock has expired (moved into the past here), the right password works and clears the counter.
    await database.db
      .update(loginThrottle)
      .set({ lockedUntil: sql`now() - interval '1 minute'`, windowStartedAt: sql`now() - interval '1 hour'` })
      .where(eq(loginThrottle.key, `email:${account.email}`));
    expect((await signIn(account.email, TEST_PASSWORD)).ok).toBe(true);
    expect(await throttleRow(`email:${account.email}`)).toBeNull();
  });

  it('starts counting again after the window has passed', async () => {
    const account = await newAccount();
    await signIn(account.email, 'wrong');
    await signIn(account.email, 'wrong');
    await database.db
      .update(loginThrottle)
      .set({ windowStartedAt: sql`now() - interval '1 hour'` })
      .where(eq(loginThrottle.key, `email:${account.email}`));
    await signIn(account.email, 'wrong');
    expect((await throttleRow(`email:${account.email}`))?.failures).toBe(1);
  });

  it('refuses every email from a client address that is locked, and counts failures per address', async () => {
    await signIn(`${unique('spray')}@test.example`, 'guess', '203.0.113.7');
    await signIn(`${unique('spray')}@test.example`, 'guess', '203.0.113.7');
    expect((await throttleRow('ip:203.0.113.7'))?.failures).toBe(2);

    await database.db.insert(loginThrottle).values({ key: 'ip:198.51.100.9', failures: 30, lockedUntil: sql`now() + interval '10 minutes'` });
    expect(await signIn(users.viewer.email, TEST_PASSWORD, '198.51.100.9')).toEqual({ ok: false, reason: 'locked' });
    expect((await signIn(users.viewer.email, TEST_PASSWORD, '198.51.100.10')).ok).toBe(true);
    // A good sign-in from an address does not clear that address's counter.
    await signIn(users.editor.email, TEST_PASSWORD, '203.0.113.7');
    expect((await throttleRow('ip:203.0.113.7'))?.failures).toBe(2);
  });
});

describe('clientAddress', () => {
  it.each([
    [null, 0, null],
    [undefined, 0, null],
    ['', 0, null],
    ['203.0.113.7', 0, '203.0.113.7'],
    // The right-most entry was added by the server itself; left-most ones are whatever the client sent.
    ['6.6.6.6, 203.0.113.7', 0, '203.0.113.7'],
    ['6.6.6.6, 203.0.113.7, 10.0.0.2', 1, '203.0.113.7'],
    ['203.0.113.7, 10.0.0.3, 10.0.0.2', 2, '203.0.113.7'],
    ['203.0.113.7', 3, '203.0.113.7'],
    [' 2001:db8::1 ,  ', 0, '2001:db8::1'],
    [',,', 0, null],
  ] as const)('%j with %i trusted proxy hops → %j', (header, hops, expected) => {
    expect(clientAddress(header, hops)).toBe(expected);
  });
});

describe('sessions', () => {
  const cookieFor = async (userId: string, options: { secret?: string; maxAge?: number } = {}) =>
    `theme=dark; ${sessionCookieName()}=${encodeURIComponent(await encode({ token: { sub: userId }, secret: options.secret ?? authSecret(), maxAge: options.maxAge }))}; other=1`;

  it('lasts a working day, not a month', () => {
    expect(SESSION_MAX_AGE_SECONDS).toBeGreaterThanOrEqual(8 * 3600);
    expect(SESSION_MAX_AGE_SECONDS).toBeLessThanOrEqual(12 * 3600);
  });

  it('uses a __Secure- prefixed cookie name when cookies are secure', () => {
    expect(sessionCookieName(true)).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName(false)).toBe('next-auth.session-token');
  });

  it('reads the user from a valid session cookie, with the role from the database', async () => {
    expect(await getSessionUser(database.db, await cookieFor(users.editor.id))).toEqual(users.editor);
  });

  it('refuses missing, forged, expired and unknown-user sessions', async () => {
    expect(await getSessionUser(database.db, null)).toBeNull();
    expect(await getSessionUser(database.db, '')).toBeNull();
    expect(await getSessionUser(database.db, `${sessionCookieName()}=garbage`)).toBeNull();
    expect(await getSessionUser(database.db, await cookieFor(users.admin.id, { secret: 'someone-elses-secret-someone-elses-secret' }))).toBeNull();
    expect(await getSessionUser(database.db, await cookieFor(users.admin.id, { maxAge: -120 }))).toBeNull();
    expect(await getSessionUser(database.db, await cookieFor(crypto.randomUUID()))).toBeNull();
    expect(await getSessionUser(database.db, await cookieFor('not-a-uuid'))).toBeNull();
    // The right token under another cookie name is not a session.
    const token = await encode({ token: { sub: users.admin.id }, secret: authSecret() });
    expect(await getSessionUser(database.db, `session=${token}`)).toBeNull();
  });

  it("refuses a disabled user's old session cookie on its next request", async () => {
    const account = await newAccount('editor');
    const cookie = await cookieFor(account.id);
    const before = await getSessionUser(database.db, cookie);
    expect(before?.id).toBe(account.id);
    const dossier = await createDossier(database.db, users.editor, dossierInput());
    await expect(callerFor(database.db, before).sources.create(sourceInput(dossier.id))).resolves.toBeTruthy();

    await setUserActive(database.db, users.admin, { id: account.id, active: false });

    const after = await getSessionUser(database.db, cookie);
    expect(after).toBeNull();
    await expectTrpcError(callerFor(database.db, after).sources.list({ dossierId: dossier.id }), 'UNAUTHORIZED');
    await expectTrpcError(callerFor(database.db, after).users.me(), 'UNAUTHORIZED');

    // Enabled again: the same cookie works again, because nothing about access lives in the token.
    await setUserActive(database.db, users.admin, { id: account.id, active: true });
    expect((await getSessionUser(database.db, cookie))?.id).toBe(account.id);
  });

  it('applies a demotion on the next request', async () => {
    const account = await newAccount('editor');
    const cookie = await cookieFor(account.id);
    const dossier = await createDossier(database.db, users.editor, dossierInput());
    const asEditor = callerFor(database.db, await getSessionUser(database.db, cookie));
    await expect(asEditor.sources.create(sourceInput(dossier.id))).resolves.toBeTruthy();

    await setUserRole(database.db, users.admin, { id: account.id, role: 'viewer' });

    const demoted = await getSessionUser(database.db, cookie);
    expect(demoted?.role).toBe('viewer');
    await expectTrpcError(callerFor(database.db, demoted).sources.create(sourceInput(dossier.id)), 'FORBIDDEN');
    // Still a viewer: reading the desk works.
    await expect(callerFor(database.db, demoted).sources.list({ dossierId: dossier.id })).resolves.toMatchObject({ items: [expect.anything()] });
  });
});

describe('the login form (next-auth authorize)', () => {
  type Authorize = (credentials: Record<string, unknown> | undefined, request: { headers: Record<string, string> }) => Promise<unknown>;
  let authorize: Authorize;

  beforeAll(() => {
    setAppDatabaseForTesting(database);
    const provider = buildAuthOptions().providers[0] as unknown as { options: { authorize: Authorize } };
    authorize = provider.options.authorize;
  });
  afterAll(() => setAppDatabaseForTesting(undefined));

  const request = { headers: { 'x-forwarded-for': '192.0.2.44' } };

  it('signs in with the right credentials and returns only the id, email and name', async () => {
    expect(await authorize({ email: users.viewer.email, password: TEST_PASSWORD }, request)).toEqual({
      id: users.viewer.id,
      email: users.viewer.email,
      name: users.viewer.name,
    });
  });

  it('answers null (one generic message) for wrong or malformed credentials, never an error page', async () => {
    for (const credentials of [
      { email: users.viewer.email, password: 'wrong' },
      { email: users.viewer.email, password: '' },
      { email: '', password: TEST_PASSWORD },
      { email: 'x'.repeat(300), password: TEST_PASSWORD },
      { email: users.viewer.email, password: 'x'.repeat(10_000) },
      { email: 'a\u0000@test.example', password: TEST_PASSWORD },
      { email: 42, password: null },
      undefined,
    ]) {
      expect(await authorize(credentials as Record<string, unknown> | undefined, request), JSON.stringify(credentials)).toBeNull();
    }
  });

  it('reports a locked account with its own error code', async () => {
    const account = await newAccount();
    await database.db.insert(loginThrottle).values({ key: `email:${account.email}`, failures: EMAIL_FAILURE_LIMIT, lockedUntil: sql`now() + interval '10 minutes'` });
    await expect(authorize({ email: account.email, password: TEST_PASSWORD }, request)).rejects.toThrow(SIGN_IN_LOCKED);
  });

  it('keeps sessions for a working day', () => {
    const options = buildAuthOptions();
    expect(options.session?.strategy).toBe('jwt');
    expect(options.session?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
    expect(options.jwt?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
  });
});
