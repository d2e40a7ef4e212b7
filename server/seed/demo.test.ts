import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithPassword } from '@/server/auth/sign-in';
import { callerFor, countRows, snapshotDatabase } from '@/server/testing/fixtures';
import { createTestDatabase } from '@/server/testing/test-database';
import { findUserByEmail } from '@/server/users/users.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo';

const fixturePath = path.join(process.cwd(), 'server/seed/fixtures/nagorno-karabakh-2020.txt');
const sharedSeedPath = path.join(process.cwd(), '../shared/seed/000_738479bd73d0e05e.txt');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let countsAfterFirstRun: Record<string, number>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  countsAfterFirstRun = await countRows(database.db);
});
afterAll(() => database.cleanup());

describe('demo seed', () => {
  it('changes nothing when run a second time (every table, audit log included)', async () => {
    expect(countsAfterFirstRun).toMatchObject({ users: 3, dossiers: 1, sources: 1 });
    expect(countsAfterFirstRun.audit_log).toBeGreaterThan(0);
    const before = await snapshotDatabase(database.db);
    await seedDemo(database.db);
    expect(await countRows(database.db)).toEqual(countsAfterFirstRun);
    // Not a single value changed either (no re-stamped updated_at, no bumped version).
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('publishes the demo dossier with the seed article as its one source, without inventing a URL', async () => {
    const reader = callerFor(database.db, null);
    const dossier = await reader.dossiers.publicBySlug({ slug: 'nagorno-karabakh-2020' });
    expect(dossier).toMatchObject({ slug: 'nagorno-karabakh-2020', eventsStartOn: '2020-09-27' });

    const firstLine = fs.readFileSync(fixturePath, 'utf8').split(/\r?\n/)[0]!.trim();
    expect(firstLine.length).toBeGreaterThan(10);
    const { items } = await reader.sources.listPublic({ slug: 'nagorno-karabakh-2020' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: firstLine, url: null, archiveUrl: null });
    expect(items[0]!.publishedAt?.toISOString().slice(0, 10)).toBe('2020-09-28');
  });

  it('creates the demo accounts with their roles and the documented password', async () => {
    expect(DEMO_ACCOUNTS.map((account) => [account.email, account.role])).toEqual([
      ['admin@example.org', 'admin'],
      ['editor@example.org', 'editor'],
      ['viewer@example.org', 'viewer'],
    ]);
    for (const account of DEMO_ACCOUNTS) {
      const result = await signInWithPassword(database.db, { email: account.email, password: DEMO_PASSWORD, address: null });
      expect(result).toMatchObject({ ok: true, user: { role: account.role } });
    }
  });

  it('attributes the seeded rows to the demo admin in the audit log, and keeps the notes on the desk', async () => {
    const admin = (await findUserByEmail(database.db, 'admin@example.org'))!;
    const desk = callerFor(database.db, { id: admin.id, email: admin.email, name: admin.name, role: admin.role, mustChangePassword: false });
    const dossier = await desk.dossiers.bySlug({ slug: 'nagorno-karabakh-2020' });
    const activity = await desk.audit.dossierActivity({ dossierId: dossier.id });
    expect(activity.map((row) => row.action).sort()).toEqual(['create', 'create', 'publish']);
    expect(new Set(activity.map((row) => row.actorEmail))).toEqual(new Set(['admin@example.org']));
    const page = await desk.sources.list({ dossierId: dossier.id });
    expect(page.items[0]!.internalNotes).not.toBe('');
  });

  it.runIf(fs.existsSync(sharedSeedPath))('keeps its fixture identical to the shared seed text', () => {
    expect(fs.readFileSync(fixturePath)).toEqual(fs.readFileSync(sharedSeedPath));
  });
});
