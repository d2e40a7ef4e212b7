import { eq, sql } from 'drizzle-orm';
import { decode, encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppDatabaseForTesting } from '@/server/db';
import { authSecret } from '@/server/env';
import { createDossier } from '@/server/dossiers/dossiers.service';
import { addressFromChain, clientAddress, markPeerHeaderStamped, PEER_HEADER, peerHeaderIsStamped } from '@/server/http/client-address';
import { callerFor, dossierInput, expectTrpcError, signedInCookie, sourceInput, unique, unreachableDatabase } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, TEST_PASSWORD, type TestUsers } from '@/server/testing/test-database';
import { loginThrottle, users as usersTable, userSessions } from '@/server/users/schema';
import { changeOwnPassword, createUser, resetUserPassword, setUserActive, setUserRole } from '@/server/users/users.service';
import { buildAuthOptions, SIGN_IN_LOCKED } from './auth-options';
import { ADDRESS_FAILURE_LIMIT, EMAIL_FAILURE_LIMIT, LOCK_MINUTES } from './login-throttle';
import { encodeSessionToken, getSessionUser, readSessionToken, SESSION_MAX_AGE_SECONDS, sessionCookieName } from './session';
import { openSession, revokeSession } from './sessions';
import { signInWithPassword } from './sign-in';

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

async function versionOf(userId: string) {
  const [row] = await database.db.select({ version: usersTable.version }).from(usersTable).where(eq(usersTable.id, userId));
  return row!.version;
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
    // The refused attempt that set the lock counted too.
    expect(row?.failures).toBe(EMAIL_FAILURE_LIMIT + 1);
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

  it(`checks at most ${EMAIL_FAILURE_LIMIT} passwords for one email when guesses arrive all at once`, async () => {
    const account = await newAccount();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        signInWithPassword(database.db, { email: account.email, password: `guess ${index}`, address: null }, async () => undefined),
      ),
    );
    const reasons = answers.map((answer) => (answer.ok ? 'ok' : answer.reason));
    expect(reasons.filter((reason) => reason === 'invalid').length).toBeLessThanOrEqual(EMAIL_FAILURE_LIMIT);
    expect(reasons.filter((reason) => reason === 'locked').length).toBeGreaterThanOrEqual(20 - EMAIL_FAILURE_LIMIT);
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

describe('signInWithPassword throttling, through real failures', () => {
  it('slows each further failure for an email more than the last, and applies the delay before checking', async () => {
    const account = await newAccount();
    const waits: number[] = [];
    const record = async (ms: number) => waits.push(ms);
    for (let attempt = 1; attempt < EMAIL_FAILURE_LIMIT; attempt++) {
      await signInWithPassword(database.db, { email: account.email, password: `wrong ${attempt}`, address: null }, record);
    }
    // No delay for the first failures, then a growing one.
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(new Set(waits).size).toBe(waits.length);
    // The right password is delayed too (the delay is read before the password is checked).
    const before = waits.length;
    expect((await signInWithPassword(database.db, { email: account.email, password: TEST_PASSWORD, address: null }, record)).ok).toBe(true);
    expect(waits.length).toBe(before + 1);
  });

  it(`locks a client address after ${ADDRESS_FAILURE_LIMIT} failures across many emails, then refuses even a right password from it`, async () => {
    const address = '198.51.100.77';
    const noWait = async () => undefined;
    for (let attempt = 0; attempt < ADDRESS_FAILURE_LIMIT; attempt++) {
      const result = await signInWithPassword(database.db, { email: `${unique('spray')}@test.example`, password: 'guess', address }, noWait);
      expect(result).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signInWithPassword(database.db, { email: users.viewer.email, password: TEST_PASSWORD, address }, noWait)).toEqual({
      ok: false,
      reason: 'locked',
    });
    // Another address is not affected.
    expect((await signInWithPassword(database.db, { email: users.viewer.email, password: TEST_PASSWORD, address: '198.51.100.78' }, noWait)).ok).toBe(true);
  });
});

describe('client address for sign-in limits', () => {
  it.each([
    [null, null, 0, null],
    ['', null, 0, null],
    [null, '203.0.113.7', 0, '203.0.113.7'],
    // Whatever the client put in X-Forwarded-For is ignored with no trusted proxies: the socket's peer counts.
    ['6.6.6.6', '203.0.113.7', 0, '203.0.113.7'],
    ['6.6.6.6, 7.7.7.7', '203.0.113.7', 0, '203.0.113.7'],
    // One proxy of ours: it connected to us (peer) and appended the client's address.
    ['6.6.6.6, 203.0.113.7', '10.0.0.2', 1, '203.0.113.7'],
    ['203.0.113.7, 10.0.0.3', '10.0.0.2', 2, '203.0.113.7'],
    // Fewer entries than trusted hops (someone bypassed the proxies): the left-most there is.
    [null, '203.0.113.7', 3, '203.0.113.7'],
    [' 2001:db8::1 ,  ', null, 0, '2001:db8::1'],
    [null, '::ffff:127.0.0.1', 0, '127.0.0.1'],
  ] as const)('forwarded %j, peer %j, %i trusted hops → %j', (forwardedFor, peer, hops, expected) => {
    expect(addressFromChain(forwardedFor, peer, hops)).toBe(expected);
  });

  it('reads the peer header only when our server stamped it, and then ignores a forged X-Forwarded-For', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6', [PEER_HEADER]: '203.0.113.7' });
    const wasStamped = peerHeaderIsStamped();
    try {
      markPeerHeaderStamped();
      expect(clientAddress(headers, 0)).toBe('203.0.113.7');
      expect(clientAddress({ 'x-forwarded-for': '1.2.3.4', [PEER_HEADER]: '203.0.113.7' }, 0)).toBe('203.0.113.7');
    } finally {
      if (!wasStamped) delete (globalThis as Record<symbol, unknown>)[Symbol.for('claimdesk.peerAddressStamped')];
    }
  });
});

describe('sessions', () => {
  const cookieFor = (userId: string) => signedInCookie(database.db, userId);
  const tokenOf = (cookie: string) => decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));

  it('lasts a working day, not a month', () => {
    expect(SESSION_MAX_AGE_SECONDS).toBeGreaterThanOrEqual(8 * 3600);
    expect(SESSION_MAX_AGE_SECONDS).toBeLessThanOrEqual(12 * 3600);
  });

  it('uses a __Secure- prefixed cookie name when cookies are secure', () => {
    expect(sessionCookieName(true)).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName(false)).toBe('next-auth.session-token');
  });

  it('reads the user from a valid session cookie, with the role from the database', async () => {
    expect(await getSessionUser(database.db, `theme=dark; ${await cookieFor(users.editor.id)}; other=1`)).toEqual(users.editor);
  });

  it('refuses missing, forged, expired, unknown-user, unknown-session and old-format sessions', async () => {
    expect(await getSessionUser(database.db, null)).toBeNull();
    expect(await getSessionUser(database.db, '')).toBeNull();
    expect(await getSessionUser(database.db, `${sessionCookieName()}=garbage`)).toBeNull();
    expect(await getSessionUser(database.db, `${sessionCookieName()}=%E0%A4%A`)).toBeNull();
    const session = await openSession(database.db, users.admin.id);
    const claims = { sub: users.admin.id, sid: session.id, end: Math.floor(session.expiresAt.getTime() / 1000) };
    const withToken = async (token: Record<string, unknown>, secret = authSecret(), maxAge?: number) =>
      `${sessionCookieName()}=${encodeURIComponent(await encode({ token, secret, maxAge }))}`;
    expect(await getSessionUser(database.db, await withToken(claims))).toEqual(users.admin);
    expect(await getSessionUser(database.db, await withToken(claims, 'someone-elses-secret-someone-elses-secret'))).toBeNull();
    expect(await getSessionUser(database.db, await withToken(claims, authSecret(), -120))).toBeNull();
    // A token whose own end has passed, even if the session row lives on.
    expect(await getSessionUser(database.db, await withToken({ ...claims, end: Math.floor(Date.now() / 1000) - 1 }))).toBeNull();
    // Someone else's session id, an unknown one, and another user's id under this session.
    expect(await getSessionUser(database.db, await withToken({ ...claims, sid: crypto.randomUUID() }))).toBeNull();
    expect(await getSessionUser(database.db, await withToken({ ...claims, sub: users.editor.id }))).toBeNull();
    expect(await getSessionUser(database.db, await withToken({ ...claims, sub: 'not-a-uuid' }))).toBeNull();
    // Tokens from before sessions were recorded (user id only) no longer work.
    expect(await getSessionUser(database.db, await withToken({ sub: users.admin.id }))).toBeNull();
    // The right token under another cookie name is not a session.
    expect(await getSessionUser(database.db, `session=${encodeURIComponent(await encode({ token: claims, secret: authSecret() }))}`)).toBeNull();
  });

  it('ends a working day after signing in however often the token is re-signed, and the database enforces it', async () => {
    const cookie = await cookieFor(users.viewer.id);
    const first = await decode({ token: tokenOf(cookie), secret: authSecret() });
    const signedInEnd = first!.end as number;
    expect(signedInEnd - Date.now() / 1000).toBeLessThanOrEqual(SESSION_MAX_AGE_SECONDS + 5);
    expect(first!.exp).toBe(signedInEnd);
    // Re-signing (what next-auth does when it refreshes a cookie) keeps the same end.
    const reissued = await decode({ token: await encodeSessionToken(first!, authSecret()), secret: authSecret() });
    expect(reissued!.exp).toBeLessThanOrEqual(signedInEnd);
    // The session row's end is checked too: moved into the past, the still-valid token stops working.
    const claims = await readSessionToken(tokenOf(cookie));
    await database.db.update(userSessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(userSessions.id, claims!.sessionId));
    expect(await getSessionUser(database.db, cookie)).toBeNull();
  });

  it('signing out ends that session only', async () => {
    const account = await newAccount('editor');
    const laptop = await cookieFor(account.id);
    const phone = await cookieFor(account.id);
    await revokeSession(database.db, (await readSessionToken(tokenOf(laptop)))!.sessionId);
    expect(await getSessionUser(database.db, laptop)).toBeNull();
    expect((await getSessionUser(database.db, phone))?.id).toBe(account.id);
  });

  it.each([
    ['the user changes their own password', async (account: { id: string; email: string }) => {
      const user = (await getSessionUser(database.db, await cookieFor(account.id)))!;
      await changeOwnPassword(database.db, user, { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' });
    }],
    ['an admin resets the password', async (account: { id: string }) => {
      await resetUserPassword(database.db, users.admin, { id: account.id, version: await versionOf(account.id) });
    }],
    ['an admin changes the role', async (account: { id: string }) => {
      await setUserRole(database.db, users.admin, { id: account.id, role: 'viewer' });
    }],
    ['an admin disables the account', async (account: { id: string }) => {
      await setUserActive(database.db, users.admin, { id: account.id, active: false });
    }],
  ])('ends every session of the user on their next request when %s', async (_what, change) => {
    const account = await newAccount('editor');
    const cookies = [await cookieFor(account.id), await cookieFor(account.id)];
    const dossier = await createDossier(database.db, users.editor, dossierInput());
    const before = await getSessionUser(database.db, cookies[0]!);
    await expect(callerFor(database.db, before).sources.create(sourceInput(dossier.id))).resolves.toBeTruthy();

    await change(account);
    for (const cookie of cookies) {
      const after = await getSessionUser(database.db, cookie);
      expect(after).toBeNull();
      await expectTrpcError(callerFor(database.db, after).sources.list({ dossierId: dossier.id }), 'UNAUTHORIZED');
    }
    // Re-enabling does not bring old sessions back: the person signs in again.
    await setUserActive(database.db, users.admin, { id: account.id, active: true });
    expect(await getSessionUser(database.db, cookies[0]!)).toBeNull();
    // Another user's session is untouched.
    expect(await getSessionUser(database.db, await cookieFor(users.viewer.id))).toEqual(users.viewer);
  });

  it('a same-role save (no change of role) leaves sessions alone', async () => {
    const account = await newAccount('editor');
    const cookie = await cookieFor(account.id);
    await setUserRole(database.db, users.admin, { id: account.id, role: 'editor' });
    expect((await getSessionUser(database.db, cookie))?.role).toBe('editor');
  });
});

describe('changing one’s own password', () => {
  it(`refuses after ${EMAIL_FAILURE_LIMIT} wrong current passwords, even the right one, with TOO_MANY_REQUESTS`, async () => {
    const account = await newAccount('viewer');
    const user = (await getSessionUser(database.db, await signedInCookie(database.db, account.id)))!;
    const caller = callerFor(database.db, user);
    for (let attempt = 1; attempt <= EMAIL_FAILURE_LIMIT; attempt++) {
      await expectTrpcError(caller.users.changeOwnPassword({ currentPassword: `wrong ${attempt}`, newPassword: 'another passphrase' }), 'BAD_REQUEST');
    }
    await expectTrpcError(caller.users.changeOwnPassword({ currentPassword: TEST_PASSWORD, newPassword: 'another passphrase' }), 'TOO_MANY_REQUESTS');
    // The password did not change: signing in with the old one still works.
    expect((await signIn(account.email, TEST_PASSWORD)).ok).toBe(true);
  });

  it('checks at most the limit of guesses sent all at once', async () => {
    const account = await newAccount('viewer');
    const user = (await getSessionUser(database.db, await signedInCookie(database.db, account.id)))!;
    const caller = callerFor(database.db, user);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        caller.users.changeOwnPassword({ currentPassword: `guess ${index}`, newPassword: 'another passphrase' }).then(
          () => 'OK',
          (error: { code?: string }) => error.code ?? 'ERROR',
        ),
      ),
    );
    expect(answers.filter((code) => code === 'BAD_REQUEST').length).toBeLessThanOrEqual(EMAIL_FAILURE_LIMIT);
    expect(answers.filter((code) => code === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(20 - EMAIL_FAILURE_LIMIT);
    expect(answers).not.toContain('OK');
  });

  it('a right current password clears the count', async () => {
    const account = await newAccount('viewer');
    const user = (await getSessionUser(database.db, await signedInCookie(database.db, account.id)))!;
    await expectTrpcError(callerFor(database.db, user).users.changeOwnPassword({ currentPassword: 'wrong', newPassword: 'another passphrase' }), 'BAD_REQUEST');
    await callerFor(database.db, user).users.changeOwnPassword({ currentPassword: TEST_PASSWORD, newPassword: 'another passphrase' });
    expect(await throttleRow(`password:${account.id}`)).toBeNull();
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

  it('signs in with the right credentials, opening a session that ends a working day later', async () => {
    const signedIn = (await authorize({ email: users.viewer.email, password: TEST_PASSWORD }, request)) as Record<string, unknown>;
    expect(signedIn).toEqual({
      id: users.viewer.id,
      email: users.viewer.email,
      name: users.viewer.name,
      sessionId: expect.any(String),
      sessionEndsAt: expect.any(Number),
    });
    const [session] = await database.db.select().from(userSessions).where(eq(userSessions.id, signedIn.sessionId as string));
    expect(session?.userId).toBe(users.viewer.id);
    expect(Math.abs((signedIn.sessionEndsAt as number) - session!.expiresAt.getTime() / 1000)).toBeLessThan(1);
  });

  it('counts failures against the address our server stamped, not the X-Forwarded-For the client sent', async () => {
    const wasStamped = peerHeaderIsStamped();
    markPeerHeaderStamped();
    try {
      const peer = '192.0.2.99';
      for (let attempt = 0; attempt < 3; attempt++) {
        await authorize({ email: `${unique('probe')}@test.example`, password: 'guess' }, { headers: { 'x-forwarded-for': `10.9.8.${attempt}`, [PEER_HEADER]: peer } });
      }
      expect((await throttleRow(`ip:${peer}`))?.failures).toBe(3);
      expect(await throttleRow('ip:10.9.8.0')).toBeNull();
    } finally {
      if (!wasStamped) delete (globalThis as Record<symbol, unknown>)[Symbol.for('claimdesk.peerAddressStamped')];
    }
  });

  it('turns a database outage into its own error code, never a message with SQL', async () => {
    const down = await unreachableDatabase();
    setAppDatabaseForTesting(down);
    try {
      await expect(authorize({ email: users.viewer.email, password: TEST_PASSWORD }, request)).rejects.toThrow(/^ServiceUnavailable$/);
    } finally {
      setAppDatabaseForTesting(database);
      await down.close();
    }
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
