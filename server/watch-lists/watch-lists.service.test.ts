import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors } from '@/server/actors/schema';
import { auditLog } from '@/server/audit/schema';
import { createDossier, deleteDossier, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { createReaction, deleteReaction } from '@/server/reactions/reactions.service';
import { makeReactionScene, type ReactionScene } from '@/server/reactions/reactions.test-helpers';
import { deleteSource } from '@/server/sources/sources.service';
import { callerFor, dossierInput, expectTrpcError, snapshotDatabase } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { notYetReacted, publicNotYetReacted } from './watch-lists.service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

const editor = () => callerFor(database.db, users.editor);
const viewer = () => callerFor(database.db, users.viewer);

const scene = (published = false) => makeReactionScene(database.db, users.editor, { published });

async function add(dossierId: string, actorIds: string[]) {
  const { version } = await viewer().watchLists.get({ dossierId });
  return editor().watchLists.addMembers({ dossierId, version, actorIds });
}

const reactedOf = (list: { members: Array<{ actor: { id: string }; reacted: boolean; firstReactedAt: Date | null }> }, id: string) =>
  list.members.find((member) => member.actor.id === id);

const auditOf = (dossierId: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'watch_list'), eq(auditLog.entityId, dossierId)))
    .orderBy(asc(auditLog.id));

const statesWithCode = async (code: string) =>
  (await database.db.select({ id: actors.id }).from(actors).where(and(eq(actors.countryCode, code), eq(actors.kind, 'state'), isNull(actors.deletedAt))))
    .length;

describe('watch list members', () => {
  it('starts empty at version 1, private', async () => {
    const { dossier } = await scene();
    expect(await viewer().watchLists.get({ dossierId: dossier.id })).toEqual({ dossierId: dossier.id, isPublic: false, version: 1, members: [] });
  });

  it('adds, removes and replaces members at the current version, one audit entry per change naming them', async () => {
    const { dossier, actors: a } = await scene();
    const added = await add(dossier.id, [a.france.id, a.germany.id]);
    expect(added.version).toBe(2);
    expect(added.members.map((member) => member.actor.name)).toEqual(['France', 'Germany']);

    // Adding one already there only appends the new one.
    const more = await editor().watchLists.addMembers({ dossierId: dossier.id, version: 2, actorIds: [a.germany.id, a.eu.id] });
    expect(more.members.map((member) => member.actor.name)).toEqual(['France', 'Germany', 'European Union']);

    const removed = await editor().watchLists.removeMember({ dossierId: dossier.id, version: 3, actorId: a.germany.id });
    expect(removed).toMatchObject({ version: 4, members: [{ actor: { name: 'France' } }, { actor: { name: 'European Union' } }] });
    await expectTrpcError(editor().watchLists.removeMember({ dossierId: dossier.id, version: 4, actorId: a.germany.id }), 'NOT_FOUND', 'actorId:');

    const replaced = await editor().watchLists.setMembers({ dossierId: dossier.id, version: 4, actorIds: [a.eu.id, a.russia.id] });
    expect(replaced.members.map((member) => member.actor.name)).toEqual(['European Union', 'Russia']);

    // Nothing changes: nothing is written.
    const same = await editor().watchLists.setMembers({ dossierId: dossier.id, version: 5, actorIds: [a.eu.id, a.russia.id] });
    expect(same.version).toBe(5);

    const audit = await auditOf(dossier.id);
    expect(audit.map((entry) => entry.changes)).toEqual([
      { members: { before: [], after: ['France', 'Germany'] } },
      { members: { before: ['France', 'Germany'], after: ['France', 'Germany', 'European Union'] } },
      { members: { before: ['France', 'Germany', 'European Union'], after: ['France', 'European Union'] } },
      { members: { before: ['France', 'European Union'], after: ['European Union', 'Russia'] } },
    ]);
    expect(audit.every((entry) => entry.dossierId === dossier.id && entry.action === 'update' && entry.actorId === users.editor.id)).toBe(true);
  });

  it('refuses a stale version with CONFLICT and an unknown actor with NOT_FOUND, writing nothing', async () => {
    const { dossier, actors: a } = await scene();
    await add(dossier.id, [a.france.id]);
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(editor().watchLists.addMembers({ dossierId: dossier.id, version: 1, actorIds: [a.germany.id] }), 'CONFLICT');
    await expectTrpcError(editor().watchLists.setPublic({ dossierId: dossier.id, version: 1, isPublic: true }), 'CONFLICT');
    await expectTrpcError(editor().watchLists.applyPreset({ dossierId: dossier.id, version: 1, preset: 'unsc', year: 2020 }), 'CONFLICT');
    await expectTrpcError(editor().watchLists.addMembers({ dossierId: dossier.id, version: 2, actorIds: [crypto.randomUUID()] }), 'NOT_FOUND', 'actorIds:');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('lets only one of two simultaneous changes at the same version through', async () => {
    const { dossier, actors: a } = await scene();
    const results = await Promise.allSettled([
      editor().watchLists.addMembers({ dossierId: dossier.id, version: 1, actorIds: [a.france.id] }),
      editor().watchLists.addMembers({ dossierId: dossier.id, version: 1, actorIds: [a.germany.id] }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect((await viewer().watchLists.get({ dossierId: dossier.id })).members).toHaveLength(1);
  });

  it('sets whether readers see it, audited', async () => {
    const { dossier } = await scene();
    const shown = await editor().watchLists.setPublic({ dossierId: dossier.id, version: 1, isPublic: true });
    expect(shown).toMatchObject({ isPublic: true, version: 2 });
    expect((await auditOf(dossier.id)).map((entry) => entry.changes)).toEqual([{ isPublic: { before: false, after: true } }]);
  });

  it("freezes a deleted dossier's list", async () => {
    const { dossier, actors: a } = await scene();
    await add(dossier.id, [a.france.id]);
    const current = await viewer().dossiers.byId({ id: dossier.id });
    await deleteDossier(database.db, users.editor, { id: dossier.id, version: current.version });
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(editor().watchLists.addMembers({ dossierId: dossier.id, version: 2, actorIds: [a.germany.id] }), 'NOT_FOUND');
    await expectTrpcError(editor().watchLists.removeMember({ dossierId: dossier.id, version: 2, actorId: a.france.id }), 'NOT_FOUND');
    await expectTrpcError(editor().watchLists.setPublic({ dossierId: dossier.id, version: 2, isPublic: true }), 'NOT_FOUND');
    await expectTrpcError(editor().watchLists.applyPreset({ dossierId: dossier.id, version: 2, preset: 'neighbours' }), 'NOT_FOUND');
    await expectTrpcError(viewer().watchLists.get({ dossierId: dossier.id }), 'NOT_FOUND');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('lets viewers read and editors write', async () => {
    const { dossier, actors: a } = await scene();
    await expectTrpcError(viewer().watchLists.addMembers({ dossierId: dossier.id, version: 1, actorIds: [a.france.id] }), 'FORBIDDEN');
    await expectTrpcError(viewer().watchLists.applyPreset({ dossierId: dossier.id, version: 1, preset: 'unsc', year: 2020 }), 'FORBIDDEN');
    await expectTrpcError(callerFor(database.db, null).watchLists.get({ dossierId: dossier.id }), 'UNAUTHORIZED');
    await expect(viewer().watchLists.previewPreset({ dossierId: dossier.id, preset: 'unsc', year: 2020 })).resolves.toBeTruthy();
  });
});

describe('who has reacted', () => {
  let s: ReactionScene;
  beforeAll(async () => {
    s = await scene(true);
    const a = s.actors;
    // Macron (→ France), on 1 October; Zakharova (→ MFA → Russia) on 29 September; Rama for the OSCE by override;
    // the United States without a source (desk only); Germany in a reaction deleted since.
    await createReaction(database.db, users.editor, s.input([a.macron.id], { reactedAt: new Date('2020-10-01T10:00:00Z') }));
    await createReaction(database.db, users.editor, s.input([a.zakharova.id], { reactedAt: new Date('2020-09-29T08:00:00Z') }));
    await createReaction(database.db, users.editor, s.input([a.lavrov.id], { reactedAt: new Date('2020-09-28T08:00:00Z') }));
    await createReaction(database.db, users.editor, s.input([a.rama.id], { actors: [{ actorId: a.rama.id, countsForId: a.osce.id }] }));
    await createReaction(database.db, users.editor, s.input([a.stateDepartment.id], { sources: [] }));
    const deleted = await createReaction(database.db, users.editor, s.input([a.germany.id]));
    await deleteReaction(database.db, users.editor, { id: deleted.id, version: deleted.version });
    await add(s.dossier.id, [a.france.id, a.russia.id, a.osce.id, a.albania.id, a.unitedStates.id, a.germany.id, a.macron.id, a.turkey.id]);
  });

  it('counts a signatory for itself and for the state or organisation it rolls up to, or is overridden to', async () => {
    const a = s.actors;
    const list = await viewer().watchLists.get({ dossierId: s.dossier.id });
    expect(reactedOf(list, a.france.id)).toMatchObject({ reacted: true, firstReactedAt: new Date('2020-10-01T10:00:00Z') });
    expect(reactedOf(list, a.macron.id)).toMatchObject({ reacted: true });
    // The earliest of Lavrov's and Zakharova's, both through the foreign ministry.
    expect(reactedOf(list, a.russia.id)).toMatchObject({ reacted: true, firstReactedAt: new Date('2020-09-28T08:00:00Z') });
    // Rama spoke for the OSCE, not Albania; undated.
    expect(reactedOf(list, a.osce.id)).toMatchObject({ reacted: true, firstReactedAt: null });
    expect(reactedOf(list, a.albania.id)).toMatchObject({ reacted: false, firstReactedAt: null });
    // The desk counts a reaction without a source; not a deleted one.
    expect(reactedOf(list, a.unitedStates.id)).toMatchObject({ reacted: true });
    expect(reactedOf(list, a.germany.id)).toMatchObject({ reacted: false });
    expect(reactedOf(list, a.turkey.id)).toMatchObject({ reacted: false });
  });

  it('for readers, counts only public reactions (a live source), by name', async () => {
    const a = s.actors;
    const desk = await notYetReacted(database.db, s.dossier.id, { publicOnly: false });
    expect(desk.map((actor) => actor.name)).toEqual(['Albania', 'Germany', 'Turkey']);
    const readers = await notYetReacted(database.db, s.dossier.id, { publicOnly: true });
    expect(readers.map((actor) => actor.name)).toEqual(['Albania', 'Germany', 'Turkey', 'United States']);
    expect(readers[0]).toEqual({ id: a.albania.id, name: 'Albania', kind: 'state', title: '', countryCode: 'AL' });

    // Not public until the desk says so.
    expect(await publicNotYetReacted(database.db, s.dossier.id)).toBeNull();
    const { version } = await viewer().watchLists.get({ dossierId: s.dossier.id });
    await editor().watchLists.setPublic({ dossierId: s.dossier.id, version, isPublic: true });
    expect((await publicNotYetReacted(database.db, s.dossier.id))?.map((actor) => actor.name)).toEqual(['Albania', 'Germany', 'Turkey', 'United States']);
  });

  it('drops a reaction from the public count when its only source is deleted, and all of them when the dossier is unpublished', async () => {
    const scene2 = await scene(true);
    const a = scene2.actors;
    await createReaction(database.db, users.editor, scene2.input([a.erdogan.id]));
    await add(scene2.dossier.id, [a.turkey.id]);
    expect(await notYetReacted(database.db, scene2.dossier.id, { publicOnly: true })).toEqual([]);

    const dossier = await viewer().dossiers.byId({ id: scene2.dossier.id });
    const draft = await setDossierPublished(database.db, users.editor, { id: dossier.id, version: dossier.version, published: false });
    expect((await notYetReacted(database.db, scene2.dossier.id, { publicOnly: true })).map((actor) => actor.name)).toEqual(['Turkey']);
    await setDossierPublished(database.db, users.editor, { id: draft.id, version: draft.version, published: true });

    await deleteSource(database.db, users.editor, { id: scene2.source.id, version: scene2.source.version });
    expect((await notYetReacted(database.db, scene2.dossier.id, { publicOnly: true })).map((actor) => actor.name)).toEqual(['Turkey']);
    expect(await notYetReacted(database.db, scene2.dossier.id, { publicOnly: false })).toEqual([]);
  });
});

describe('presets', () => {
  it('previews the UNSC of a year: existing states found by country code, the rest to be created; writes nothing', async () => {
    const { dossier, actors: a } = await scene();
    await add(dossier.id, [a.france.id]);
    const before = await snapshotDatabase(database.db);
    const preview = await viewer().watchLists.previewPreset({ dossierId: dossier.id, preset: 'unsc', year: 2020 });
    expect(await snapshotDatabase(database.db)).toBe(before);
    expect(preview).toMatchObject({ preset: 'unsc', year: 2020, note: null });
    expect(preview.candidates).toHaveLength(15);
    expect(preview.candidates.map((candidate) => candidate.key)).toEqual(['CN', 'FR', 'RU', 'GB', 'US', 'BE', 'DO', 'EE', 'DE', 'ID', 'NE', 'VC', 'ZA', 'TN', 'VN']);
    const byKey = new Map(preview.candidates.map((candidate) => [candidate.key, candidate]));
    expect(byKey.get('CN')).toMatchObject({ name: 'China', kind: 'state', countryCode: 'CN', actorId: null, alreadyMember: false, reason: 'Permanent member' });
    expect(byKey.get('FR')?.actorId).toEqual(expect.any(String));
    expect(byKey.get('VC')).toMatchObject({ name: 'Saint Vincent and the Grenadines', reason: 'Elected member in 2020' });
  });

  it('applies the UNSC preset once: missing states are created (audited as the editor), a second time adds and creates nothing', async () => {
    const { dossier, actors: a } = await scene();
    await add(dossier.id, [a.france.id]);
    const frenchStates = await statesWithCode('FR');
    const applied = await editor().watchLists.applyPreset({ dossierId: dossier.id, version: 2, preset: 'unsc', year: 2026 });
    expect(applied.version).toBe(3);
    expect(applied.members).toHaveLength(15);
    expect(applied.added).toBe(14);
    const latvia = applied.members.find((member) => member.actor.countryCode === 'LV')!;
    expect(latvia.actor).toMatchObject({ name: 'Latvia', kind: 'state' });
    expect(await statesWithCode('LV')).toBe(1);
    expect(await statesWithCode('FR')).toBe(frenchStates);
    const created = await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'actor'), eq(auditLog.entityId, latvia.actor.id)));
    expect(created).toMatchObject([{ action: 'create', actorId: users.editor.id }]);

    const again = await editor().watchLists.applyPreset({ dossierId: dossier.id, version: 3, preset: 'unsc', year: 2026 });
    expect(again).toMatchObject({ version: 3, added: 0, created: 0 });
    expect(await statesWithCode('LV')).toBe(1);
    // Another dossier reuses the states created for the first.
    const other = await scene();
    const reused = await editor().watchLists.applyPreset({ dossierId: other.dossier.id, version: 1, preset: 'unsc', year: 2026 });
    expect(reused.created).toBe(0);
    expect(reused.members.find((member) => member.actor.countryCode === 'LV')?.actor.id).toBe(latvia.actor.id);
    expect((await auditOf(dossier.id)).length).toBe(2);
  });

  it("adds the parties' land neighbours, the parties themselves left out", async () => {
    const { dossier } = await scene();
    const preview = await viewer().watchLists.previewPreset({ dossierId: dossier.id, preset: 'neighbours' });
    expect(preview.candidates.map((candidate) => [candidate.key, candidate.reason])).toEqual([
      ['GE', 'Borders Azerbaijan and Armenia'],
      ['IR', 'Borders Azerbaijan and Armenia'],
      ['RU', 'Borders Azerbaijan'],
      ['TR', 'Borders Azerbaijan and Armenia'],
    ]);
    const applied = await editor().watchLists.applyPreset({ dossierId: dossier.id, version: 1, preset: 'neighbours' });
    expect(applied.members.map((member) => member.actor.countryCode)).toEqual(['GE', 'IR', 'RU', 'TR']);
    expect(applied.members[1]!.actor.name).toBe('Iran');
  });

  it("adds the parties' regional organisations, found by name or alias, else created as international organisations", async () => {
    const { dossier } = await scene();
    const preview = await viewer().watchLists.previewPreset({ dossierId: dossier.id, preset: 'regional' });
    expect(preview.candidates.map((candidate) => [candidate.key, candidate.reason])).toEqual([
      ['osce', 'Members: Azerbaijan and Armenia'],
      ['coe', 'Members: Azerbaijan and Armenia'],
      ['cis', 'Members: Azerbaijan and Armenia'],
      ['csto', 'Member: Armenia'],
      ['ots', 'Member: Azerbaijan'],
      ['oic', 'Member: Azerbaijan'],
    ]);
    // The scene's "OSCE" is found by its alias.
    expect(preview.candidates[0]).toMatchObject({ name: 'OSCE', actorId: expect.any(String) });
    const applied = await editor().watchLists.applyPreset({ dossierId: dossier.id, version: 1, preset: 'regional' });
    expect(applied.members.map((member) => [member.actor.name, member.actor.kind])).toEqual([
      ['OSCE', 'international_organisation'],
      ['Council of Europe', 'international_organisation'],
      ['Commonwealth of Independent States', 'international_organisation'],
      ['Collective Security Treaty Organization', 'international_organisation'],
      ['Organization of Turkic States', 'international_organisation'],
      ['Organisation of Islamic Cooperation', 'international_organisation'],
    ]);
    const [cis] = await database.db.select().from(actors).where(eq(actors.id, applied.members[2]!.actor.id));
    expect(cis!.aliases).toEqual(['CIS']);
  });

  it('explains an empty preset when the dossier has no party states', async () => {
    const dossier = await createDossier(database.db, users.editor, dossierInput());
    const preview = await viewer().watchLists.previewPreset({ dossierId: dossier.id, preset: 'neighbours' });
    expect(preview.candidates).toEqual([]);
    expect(preview.note).toMatch(/no party that is a state/);
  });
});
