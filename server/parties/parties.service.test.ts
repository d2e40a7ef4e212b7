import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/server/audit/schema';
import { createActor } from '@/server/actors/actors.service';
import { createDossier, deleteDossier } from '@/server/dossiers/dossiers.service';
import { actorInput, callerFor, dossierInput, expectTrpcError, snapshotDatabase, unique } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { listPartiesForDossier } from './parties.service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

const editor = () => callerFor(database.db, users.editor);
const viewer = () => callerFor(database.db, users.viewer);

const newActor = (name: string, kind: 'state' | 'person' = 'person') =>
  createActor(database.db, users.editor, actorInput({ name: `${name} ${unique('a')}`, kind, countryCode: kind === 'state' ? 'AM' : null }));

async function setting() {
  const dossier = await createDossier(database.db, users.editor, dossierInput());
  const [armenia, azerbaijan, russia] = [await newActor('Armenia', 'state'), await newActor('Azerbaijan', 'state'), await newActor('Russia', 'state')];
  return { dossier, armenia, azerbaijan, russia };
}

const order = async (dossierId: string) => (await viewer().parties.list({ dossierId })).map((party) => party.actor.id);

describe('parties', () => {
  it('adds actors in order, with a role, and lists them with their actor', async () => {
    const { dossier, armenia, azerbaijan, russia } = await setting();
    const first = await editor().parties.add({ dossierId: dossier.id, actorId: azerbaijan.id, role: 'party' });
    await editor().parties.add({ dossierId: dossier.id, actorId: armenia.id, role: 'party' });
    await editor().parties.add({ dossierId: dossier.id, actorId: russia.id, role: 'mediator' });
    expect(first).toMatchObject({ position: 0, role: 'party', version: 1 });
    const listed = await viewer().parties.list({ dossierId: dossier.id });
    expect(listed).toEqual([
      { id: first.id, version: 1, role: 'party', position: 0, actor: { id: azerbaijan.id, name: azerbaijan.name, kind: 'state', countryCode: 'AM' } },
      expect.objectContaining({ role: 'party', position: 1, actor: expect.objectContaining({ id: armenia.id }) }),
      expect.objectContaining({ role: 'mediator', position: 2, actor: expect.objectContaining({ id: russia.id }) }),
    ]);
    const publicList = await listPartiesForDossier(database.db, dossier.id);
    expect(publicList[0]).not.toHaveProperty('version');
    expect(publicList.map((party) => party.actor.id)).toEqual([azerbaijan.id, armenia.id, russia.id]);

    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'party'), eq(auditLog.entityId, first.id)));
    expect(audit).toMatchObject([{ action: 'create', dossierId: dossier.id }]);
  });

  it('refuses the same actor twice with CONFLICT naming it, and a deleted or unknown actor', async () => {
    const { dossier, armenia } = await setting();
    await editor().parties.add({ dossierId: dossier.id, actorId: armenia.id, role: 'party' });
    const before = await snapshotDatabase(database.db);
    const error = await expectTrpcError(editor().parties.add({ dossierId: dossier.id, actorId: armenia.id, role: 'mediator' }), 'CONFLICT', 'actorId:');
    expect(error.message).toContain(armenia.name);
    await expectTrpcError(editor().parties.add({ dossierId: dossier.id, actorId: crypto.randomUUID(), role: 'party' }), 'NOT_FOUND', 'actorId:');
    await expectTrpcError(editor().parties.add({ dossierId: crypto.randomUUID(), actorId: armenia.id, role: 'party' }), 'NOT_FOUND');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('lets only one of two simultaneous adds of the same actor through', async () => {
    const { dossier, armenia } = await setting();
    const results = await Promise.allSettled([
      editor().parties.add({ dossierId: dossier.id, actorId: armenia.id, role: 'party' }),
      editor().parties.add({ dossierId: dossier.id, actorId: armenia.id, role: 'party' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT' });
    expect(String(refused.reason.message)).toMatch(/^actorId: .* is already a party of this dossier\.$/);
    expect(await order(dossier.id)).toEqual([armenia.id]);
  });

  it('moves a party earlier and later, and does nothing at either end', async () => {
    const { dossier, armenia, azerbaijan, russia } = await setting();
    const a = await editor().parties.add({ dossierId: dossier.id, actorId: azerbaijan.id, role: 'party' });
    await editor().parties.add({ dossierId: dossier.id, actorId: armenia.id, role: 'party' });
    const c = await editor().parties.add({ dossierId: dossier.id, actorId: russia.id, role: 'mediator' });

    const movedUp = await editor().parties.move({ id: c.id, version: c.version, to: 'earlier' });
    expect(movedUp).toMatchObject({ position: 1, version: 2 });
    expect(await order(dossier.id)).toEqual([azerbaijan.id, russia.id, armenia.id]);

    const atTop = await editor().parties.move({ id: a.id, version: a.version, to: 'earlier' });
    expect(atTop).toMatchObject({ position: 0, version: 1 });
    const movedDown = await editor().parties.move({ id: a.id, version: a.version, to: 'later' });
    expect(movedDown).toMatchObject({ position: 1, version: 2 });
    expect(await order(dossier.id)).toEqual([russia.id, azerbaijan.id, armenia.id]);

    // A stale version is refused.
    await expectTrpcError(editor().parties.move({ id: a.id, version: 1, to: 'later' }), 'CONFLICT');
  });

  it('changes a role at the current version, and removes a party (which may then be added again)', async () => {
    const { dossier, armenia, russia } = await setting();
    const party = await editor().parties.add({ dossierId: dossier.id, actorId: russia.id, role: 'party' });
    await editor().parties.add({ dossierId: dossier.id, actorId: armenia.id, role: 'party' });
    const changed = await editor().parties.update({ id: party.id, version: 1, role: 'mediator' });
    expect(changed).toMatchObject({ role: 'mediator', version: 2 });
    await expectTrpcError(editor().parties.update({ id: party.id, version: 1, role: 'other' }), 'CONFLICT');

    const removed = await editor().parties.remove({ id: party.id, version: 2 });
    expect(removed.deletedAt).not.toBeNull();
    expect(await order(dossier.id)).toEqual([armenia.id]);
    const again = await editor().parties.add({ dossierId: dossier.id, actorId: russia.id, role: 'mediator' });
    expect(again).toMatchObject({ position: 2, role: 'mediator' });
    expect(await order(dossier.id)).toEqual([armenia.id, russia.id]);
  });

  it("freezes a deleted dossier's parties", async () => {
    const { dossier, armenia } = await setting();
    const party = await editor().parties.add({ dossierId: dossier.id, actorId: armenia.id, role: 'party' });
    const current = await viewer().dossiers.byId({ id: dossier.id });
    await deleteDossier(database.db, users.editor, { id: dossier.id, version: current.version });
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(editor().parties.update({ id: party.id, version: 1, role: 'other' }), 'NOT_FOUND');
    await expectTrpcError(editor().parties.move({ id: party.id, version: 1, to: 'later' }), 'NOT_FOUND');
    await expectTrpcError(editor().parties.remove({ id: party.id, version: 1 }), 'NOT_FOUND');
    await expectTrpcError(viewer().parties.list({ dossierId: dossier.id }), 'NOT_FOUND');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('lets viewers read and editors write', async () => {
    const { dossier, armenia } = await setting();
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(viewer().parties.add({ dossierId: dossier.id, actorId: armenia.id, role: 'party' }), 'FORBIDDEN');
    await expectTrpcError(callerFor(database.db, null).parties.list({ dossierId: dossier.id }), 'UNAUTHORIZED');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });
});
