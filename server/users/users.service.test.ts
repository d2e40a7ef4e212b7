import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/server/audit/schema';
import { signInWithPassword } from '@/server/auth/sign-in';
import { getSessionUser } from '@/server/auth/session';
import { callerFor, expectTrpcError, signedInCookie, snapshotDatabase, unique } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, TEST_PASSWORD, type TestUsers } from '@/server/testing/test-database';
import { users as usersTable } from './schema';
import { createUser, findActiveUser, setUserActive, setUserRole } from './users.service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

const admin = () => callerFor(database.db, users.admin);
const signIn = (email: string, password: string) => signInWithPassword(database.db, { email, password, address: null });
const email = (prefix: string) => `${unique(prefix)}@test.example`;

async function currentVersion(id: string) {
  const [row] = await database.db.select({ version: usersTable.version }).from(usersTable).where(eq(usersTable.id, id));
  return row!.version;
}

describe('users', () => {
  it('creates a user with a lower-cased email, returns no password hash and audits without one', async () => {
    const address = email('Reporter').replace('reporter', 'Reporter');
    const created = await createUser(database.db, users.admin, { email: ` ${address} `, name: 'Reporter', role: 'editor', password: 'eight ch' });
    expect(created).toMatchObject({ email: address.toLowerCase(), role: 'editor', active: true, version: 1 });
    expect(created).not.toHaveProperty('passwordHash');
    expect((await signIn(address, 'eight ch')).ok).toBe(true);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toMatchObject({ action: 'create', entityType: 'user', actorId: users.admin.id });
    expect(audit!.changes.role).toEqual({ before: null, after: 'editor' });
  });

  it('refuses a second account with the same email in any letter case, naming the field', async () => {
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(admin().users.create({ email: users.viewer.email.toUpperCase(), role: 'viewer' }), 'CONFLICT', 'email:');
    await expect(createUser(database.db, null, { email: users.editor.email, role: 'admin', password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('creates an account with a temporary password the admin passes on, to be changed at first sign-in', async () => {
    const address = email('temp');
    const { user, temporaryPassword } = await admin().users.create({ email: address, name: 'Temp', role: 'viewer' });
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    expect(user).toMatchObject({ email: address, mustChangePassword: true });
    const result = await signIn(address, temporaryPassword);
    expect(result).toMatchObject({ ok: true, user: { mustChangePassword: true } });

    const listed = await admin().users.list();
    expect(listed.find((row) => row.email === address)).toMatchObject({ role: 'viewer', active: true });
    for (const row of listed) expect(row).not.toHaveProperty('passwordHash');
  });

  it('changes a role, versioned and audited', async () => {
    const created = await createUser(database.db, users.admin, { email: email('promote'), role: 'viewer', password: TEST_PASSWORD });
    const updated = await admin().users.setRole({ id: created.id, version: created.version, role: 'editor' });
    expect(updated).toMatchObject({ role: 'editor', version: 2 });
    expect(updated).not.toHaveProperty('passwordHash');
    expect((await findActiveUser(database.db, created.id))?.role).toBe('editor');
    await expectTrpcError(admin().users.setRole({ id: created.id, version: created.version, role: 'admin' }), 'CONFLICT');
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id)).orderBy(auditLog.id);
    expect(audits.map((row) => row.action)).toEqual(['create', 'update']);
    expect(audits[1]!.changes).toEqual({ role: { before: 'viewer', after: 'editor' } });
  });

  it('disables an account: no more sign-in, no more session', async () => {
    const created = await createUser(database.db, users.admin, { email: email('leaver'), role: 'editor', password: TEST_PASSWORD });
    const disabled = await admin().users.setActive({ id: created.id, version: created.version, active: false });
    expect(disabled.active).toBe(false);
    expect(await findActiveUser(database.db, created.id)).toBeNull();
    expect(await signIn(created.email, TEST_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('resets a password: the old one stops working, the new one works, and the audit shows no hash', async () => {
    const created = await createUser(database.db, users.admin, { email: email('forgetful'), role: 'viewer', password: TEST_PASSWORD });
    const { temporaryPassword, user } = await admin().users.resetPassword({ id: created.id, version: created.version });
    expect(user).not.toHaveProperty('passwordHash');
    expect((await signIn(created.email, TEST_PASSWORD)).ok).toBe(false);
    expect(await signIn(created.email, temporaryPassword)).toMatchObject({ ok: true, user: { mustChangePassword: true } });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id)).orderBy(auditLog.id);
    expect(audits.at(-1)!.changes.password).toEqual({ before: '(hidden)', after: '(changed)' });
  });

  it('never writes a password hash into the audit log', async () => {
    const [row] = await database.db.select({ count: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.changes}::text like '%argon2%'`);
    expect(row!.count).toBe(0);
  });
});

describe('sign out everywhere', () => {
  it('ends every live session of a user, shows the count in the list, and audits it; the account stays active', async () => {
    const account = await createUser(database.db, users.admin, { email: `${unique('laptop')}@test.example`, role: 'editor', password: TEST_PASSWORD });
    const cookies = [await signedInCookie(database.db, account.id), await signedInCookie(database.db, account.id)];
    const listed = async () => (await callerFor(database.db, users.admin).users.list()).find((user) => user.id === account.id)!;
    expect((await listed()).liveSessions).toBe(2);

    expect(await callerFor(database.db, users.admin).users.endSessions({ id: account.id })).toEqual({ ended: 2 });
    for (const cookie of cookies) expect(await getSessionUser(database.db, cookie)).toBeNull();
    expect(await listed()).toMatchObject({ liveSessions: 0, active: true });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, account.id))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(entry).toMatchObject({ action: 'update', actorId: users.admin.id, changes: { sessions: { before: '2 signed in', after: 'all signed out' } } });
    // Signing in again works.
    expect((await signInWithPassword(database.db, { email: account.email, password: TEST_PASSWORD, address: null })).ok).toBe(true);
  });

  it('is for admins only, and names an unknown user', async () => {
    await expectTrpcError(callerFor(database.db, users.editor).users.endSessions({ id: users.viewer.id }), 'FORBIDDEN');
    await expectTrpcError(callerFor(database.db, users.admin).users.endSessions({ id: crypto.randomUUID() }), 'NOT_FOUND');
  });
});

describe('passwords', () => {
  it('refuses 7 characters and accepts 8, 64 and 128', async () => {
    await expect(createUser(database.db, null, { email: email('short'), role: 'viewer', password: 'x'.repeat(7) })).rejects.toThrow(/at least 8/);
    await expect(createUser(database.db, null, { email: email('long'), role: 'viewer', password: 'x'.repeat(129) })).rejects.toThrow(/at most 128/);
    for (const length of [8, 64, 128]) {
      const password = `${'pass phrase '.repeat(11)}`.slice(0, length);
      const created = await createUser(database.db, null, { email: email(`len${length}`), role: 'viewer', password });
      expect((await signIn(created.email, password)).ok, `${length} characters`).toBe(true);
    }
  });

  it('lets a user change their own password, knowing the current one', async () => {
    const created = await createUser(database.db, users.admin, { email: email('self'), role: 'viewer', password: TEST_PASSWORD });
    const self = callerFor(database.db, { id: created.id, email: created.email, name: '', role: 'viewer', mustChangePassword: false });
    await expectTrpcError(self.users.changeOwnPassword({ currentPassword: 'not it', newPassword: 'a new passphrase' }), 'BAD_REQUEST', 'currentPassword:');
    await expectTrpcError(self.users.changeOwnPassword({ currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(7) }), 'BAD_REQUEST', 'newPassword:');
    const sixtyFour = 'y'.repeat(64);
    await self.users.changeOwnPassword({ currentPassword: TEST_PASSWORD, newPassword: sixtyFour });
    expect((await signIn(created.email, TEST_PASSWORD)).ok).toBe(false);
    expect((await signIn(created.email, sixtyFour)).ok).toBe(true);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or disabled; with a second admin, either can be', async () => {
    // A fresh database would have only users.admin; make sure of it here.
    const admins = await database.db.select().from(usersTable).where(sql`${usersTable.role} = 'admin' and ${usersTable.active}`);
    expect(admins.map((row) => row.id)).toEqual([users.admin.id]);

    const before = await snapshotDatabase(database.db);
    await expectTrpcError(admin().users.setRole({ id: users.admin.id, version: await currentVersion(users.admin.id), role: 'editor' }), 'CONFLICT');
    await expectTrpcError(admin().users.setActive({ id: users.admin.id, version: await currentVersion(users.admin.id), active: false }), 'CONFLICT');
    await expect(setUserRole(database.db, null, { id: users.admin.id, role: 'viewer' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('last active admin') });
    expect(await snapshotDatabase(database.db)).toBe(before);

    // A disabled admin does not count.
    const dormant = await createUser(database.db, users.admin, { email: email('dormant'), role: 'admin', password: TEST_PASSWORD });
    await setUserActive(database.db, users.admin, { id: dormant.id, active: false });
    await expectTrpcError(admin().users.setRole({ id: users.admin.id, version: await currentVersion(users.admin.id), role: 'editor' }), 'CONFLICT');

    const second = await createUser(database.db, users.admin, { email: email('second'), role: 'admin', password: TEST_PASSWORD });
    await setUserRole(database.db, users.admin, { id: second.id, role: 'editor' });
    await setUserRole(database.db, users.admin, { id: second.id, role: 'admin' });
  });

  it('survives two admins demoting each other at the same moment: exactly one succeeds', async () => {
    const first = await createUser(database.db, users.admin, { email: email('duel-a'), role: 'admin', password: TEST_PASSWORD });
    const second = await createUser(database.db, users.admin, { email: email('duel-b'), role: 'admin', password: TEST_PASSWORD });
    // Leave only these two as active admins.
    const others = await database.db.select().from(usersTable).where(sql`${usersTable.role} = 'admin' and ${usersTable.active} and ${usersTable.id} not in (${first.id}, ${second.id})`);
    for (const other of others) await setUserRole(database.db, null, { id: other.id, role: 'editor' });

    const results = await Promise.allSettled([
      setUserRole(database.db, { id: first.id }, { id: second.id, role: 'viewer' }),
      setUserRole(database.db, { id: second.id }, { id: first.id, role: 'viewer' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')!.reason as { code?: string };
    expect(refusal.code).toBe('CONFLICT');
    const [remaining] = await database.db.select({ count: sql<number>`count(*)::int` }).from(usersTable).where(sql`${usersTable.role} = 'admin' and ${usersTable.active}`);
    expect(remaining!.count).toBe(1);
  });
});
