import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/server/audit/schema';
import { claimAbout, claims } from '@/server/claims/schema';
import { createDossier, deleteDossier } from '@/server/dossiers/dossiers.service';
import type { ServiceError } from '@/server/errors';
import { listParties } from '@/server/parties/parties.service';
import { createReaction, getReaction } from '@/server/reactions/reactions.service';
import { makeReactionActor, makeReactionScene } from '@/server/reactions/reactions.test-helpers';
import { addWatchListMembers, getWatchList } from '@/server/watch-lists/watch-lists.service';
import { actorInput, callerFor, dossierInput, expectTrpcError, snapshotDatabase, unique } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { actors, dossierParties } from './schema';
import type { CreateActorInput } from './actors.input';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

const editor = () => callerFor(database.db, users.editor);
const viewer = () => callerFor(database.db, users.viewer);
const admin = () => callerFor(database.db, users.admin);

/** A name no other test uses, so duplicate checks only see this test's actors. */
const name = (text: string) => `${text} ${unique('t').replace(/\D+/g, ' ')}`;
const create = (overrides: Partial<CreateActorInput>) => editor().actors.create({ ...actorInput(), ...overrides });

async function newClaim(dossierId: string, claimantId: string, about: string[] = []) {
  const [claim] = await database.db.insert(claims).values({ dossierId, claimantId, statement: 'Shelling since the morning' }).returning();
  if (about.length) await database.db.insert(claimAbout).values(about.map((actorId) => ({ claimId: claim!.id, actorId })));
  return claim!;
}

describe('actors: create, read, update, delete, restore', () => {
  it('stores the fields, folds name and aliases into match keys, and audits', async () => {
    const state = await create({ name: 'Azerbaijan', kind: 'state', countryCode: 'az', aliases: [' Republic of Azerbaijan ', 'azerbaijan', ''] });
    expect(state).toMatchObject({ name: 'Azerbaijan', kind: 'state', countryCode: 'AZ', aliases: ['Republic of Azerbaijan'], version: 1 });
    expect(state.matchKeys).toEqual(['azerbaijan', 'republic of azerbaijan']);

    const ministry = await create({ name: 'Defence Ministry of Azerbaijan', kind: 'government_body', affiliationId: state.id, description: 'Ministry' });
    const read = await viewer().actors.byId({ id: state.id });
    expect(read.affiliates).toEqual([{ id: ministry.id, name: 'Defence Ministry of Azerbaijan', kind: 'government_body', title: '' }]);
    expect((await viewer().actors.byId({ id: ministry.id })).affiliation).toEqual({ id: state.id, name: 'Azerbaijan' });

    const [listed] = (await viewer().actors.list({ search: 'Defence Ministry of Azerbaijan', limit: 10 })).items;
    expect(listed).toMatchObject({ id: ministry.id, affiliation: { id: state.id, name: 'Azerbaijan' } });
    expect(listed).not.toHaveProperty('internalNotes');

    const updated = await editor().actors.update({ ...actorInput(), ...ministry, name: 'Ministry of Defence (Azerbaijan)', aliases: ['MoD AZ'], id: ministry.id, version: 1 });
    expect(updated).toMatchObject({ version: 2, matchKeys: ['ministry of defence azerbaijan', 'mod az'] });

    const history = await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'actor'), eq(auditLog.entityId, ministry.id)));
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(history[1]!.changes).toMatchObject({ name: { before: 'Defence Ministry of Azerbaijan', after: 'Ministry of Defence (Azerbaijan)' } });

    const deleted = await editor().actors.delete({ id: ministry.id, version: 2 });
    expect(deleted.deletedAt).not.toBeNull();
    const live = await viewer().actors.list({ search: 'Ministry of Defence', limit: 50 });
    expect(live.items.map((item) => item.id)).not.toContain(ministry.id);
    const bin = await viewer().actors.list({ search: 'Ministry of Defence', deleted: true, limit: 50 });
    expect(bin.items.map((item) => item.id)).toContain(ministry.id);
    const restored = await editor().actors.restore({ id: ministry.id, version: deleted.version });
    expect(restored).toMatchObject({ deletedAt: null, version: 4 });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const person = await create({ name: name('Hikmet Hajiyev'), title: 'Aide' });
    await editor().actors.update({ ...actorInput(), name: person.name, title: 'Assistant to the President', id: person.id, version: 1 });
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(
      editor().actors.update({ ...actorInput(), name: person.name, title: 'Spokesman', id: person.id, version: 1 }),
      'CONFLICT',
      'This actor was changed by someone else',
    );
    await expectTrpcError(editor().actors.delete({ id: person.id, version: 1 }), 'CONFLICT');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('requires a valid ISO alpha-2 code for a state, naming the field', async () => {
    const before = await snapshotDatabase(database.db);
    const missing = await expectTrpcError(create({ name: name('Armenia'), kind: 'state', countryCode: null }), 'BAD_REQUEST', 'countryCode:');
    expect(missing.message).toBe('countryCode: Country is required for a state');
    const bad = await expectTrpcError(create({ name: name('Armenia'), kind: 'state', countryCode: 'XX' }), 'BAD_REQUEST', 'countryCode:');
    expect(bad.message).toContain('ISO 3166-1 alpha-2');
    await expectTrpcError(create({ name: name('Armenia'), kind: 'state', countryCode: 'ARM' }), 'BAD_REQUEST', 'countryCode:');
    // Not a state: the code stays optional, but must still be real when given.
    await expectTrpcError(create({ name: name('Armenpress'), kind: 'media', countryCode: 'QQ' }), 'BAD_REQUEST', 'countryCode:');
    expect(await snapshotDatabase(database.db)).toBe(before);
    await expect(create({ name: name('Armenia'), kind: 'state', countryCode: 'AM' })).resolves.toMatchObject({ countryCode: 'AM' });
  });
});

describe('bad input', () => {
  it.each([
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(201) }],
    ['kind', { kind: 'warlord' }],
    ['aliases.0', { aliases: ['x'.repeat(201)] }],
    ['aliases', { aliases: Array.from({ length: 51 }, (_, index) => `Alias ${index}`) }],
    ['affiliationId', { affiliationId: 'France' }],
    ['description', { description: 'x'.repeat(2001) }],
    ['internalNotes', { internalNotes: 'x'.repeat(10_001) }],
  ])('refuses a bad %s with BAD_REQUEST naming it, and changes nothing', async (field, change) => {
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(editor().actors.create({ ...actorInput({ name: name('Valid') }), ...(change as object) } as CreateActorInput), 'BAD_REQUEST', `${field}:`);
    expect(await snapshotDatabase(database.db)).toBe(before);
  });
});

describe('duplicate warning', () => {
  it('warns on a name matching another name or alias, ignoring case, accents and punctuation', async () => {
    const karabakh = await create({ name: 'Nagorno-Karabakh', kind: 'other', aliases: ['Artsakh', 'Upper Karabakh'] });
    const before = await snapshotDatabase(database.db);
    for (const attempt of ['nagorno karabakh', 'NAGORNO–KARABAKH', 'Nagórno-Karabakh!', 'artsakh', 'Upper  Karabakh']) {
      const error = await expectTrpcError(create({ name: attempt }), 'CONFLICT', 'name:');
      expect(error.message).toContain('“Nagorno-Karabakh”');
      expect((error.cause as ServiceError).details).toEqual({ duplicates: [{ id: karabakh.id, name: 'Nagorno-Karabakh' }] });
    }
    // An alias of the new actor matching the existing name is a duplicate too.
    await expectTrpcError(create({ name: 'Republic of Artsakh', aliases: ['Nagorno Karabakh'] }), 'CONFLICT', 'name:');
    expect(await snapshotDatabase(database.db)).toBe(before);

    expect(await viewer().actors.findDuplicates({ name: 'ARTSAKH' })).toEqual([
      { id: karabakh.id, name: 'Nagorno-Karabakh', kind: 'other', matchedOn: 'Artsakh' },
    ]);
    expect(await viewer().actors.findDuplicates({ name: 'Artsakh', exceptId: karabakh.id })).toEqual([]);
    expect(await viewer().actors.findDuplicates({ name: 'Karabakh' })).toEqual([]);
  });

  it('saves anyway with allowDuplicate, and does not warn again on an unchanged name', async () => {
    const first = await create({ name: 'Shusha' });
    const second = await create({ name: 'shusha', allowDuplicate: true });
    expect(second.id).not.toBe(first.id);
    // Editing another field of the accepted duplicate does not repeat the warning…
    const edited = await editor().actors.update({ ...actorInput(), name: 'shusha', title: 'City', id: second.id, version: 1 });
    expect(edited.title).toBe('City');
    // …but a new alias that matches someone else does.
    await expectTrpcError(
      editor().actors.update({ ...actorInput(), name: 'shusha', aliases: ['Nagorno Karabakh'], id: second.id, version: 2 }),
      'CONFLICT',
      'name:',
    );
  });

  it('ignores deleted actors', async () => {
    const gone = await create({ name: name('Gone') });
    await editor().actors.delete({ id: gone.id, version: 1 });
    await expect(create({ name: gone.name })).resolves.toMatchObject({ name: gone.name });
  });
});

describe('search', () => {
  it('finds by name prefix and substring, and by alias, case-, accent- and punctuation-insensitively', async () => {
    const karabakh = await create({ name: 'Nagorno-Karabakh Republic', aliases: ['Artsakh Republic'], allowDuplicate: true });
    const byAlias = await viewer().actors.search({ query: 'artsakh rep' });
    expect(byAlias.find((hit) => hit.id === karabakh.id)).toMatchObject({ name: 'Nagorno-Karabakh Republic', matchedAlias: 'Artsakh Republic' });
    const byName = await viewer().actors.search({ query: 'karabakh rep' });
    expect(byName.find((hit) => hit.id === karabakh.id)).toMatchObject({ matchedAlias: null });
    const byPunctuation = await viewer().actors.search({ query: 'nagorno karabakh republic' });
    expect(byPunctuation[0]).toMatchObject({ id: karabakh.id });

    const erdogan = await create({ name: 'Recep Tayyip Erdoğan', kind: 'person', title: 'President' });
    expect((await viewer().actors.search({ query: 'erdogan' })).map((hit) => hit.id)).toEqual([erdogan.id]);
    expect((await viewer().actors.search({ query: 'ERDOĞ' })).map((hit) => hit.id)).toEqual([erdogan.id]);
    expect(await viewer().actors.search({ query: 'erdogan', kinds: ['state'] })).toEqual([]);
    const listed = await viewer().actors.list({ search: 'erdogan', limit: 10 });
    expect(listed.items.map((item) => item.id)).toEqual([erdogan.id]);
  });

  it('ranks an exact name or alias first, and treats LIKE wildcards as text', async () => {
    const exact = await create({ name: 'UN', kind: 'international_organisation', aliases: ['United Nations'] });
    await create({ name: 'UNICEF', kind: 'international_organisation' });
    expect((await viewer().actors.search({ query: 'un' }))[0]).toMatchObject({ id: exact.id });
    expect((await viewer().actors.search({ query: 'united nations' }))[0]).toMatchObject({ id: exact.id, matchedAlias: 'United Nations' });
    expect(await viewer().actors.search({ query: '%' })).toEqual([]);
    expect(await viewer().actors.search({ query: '_' })).toEqual([]);
    expect((await viewer().actors.list({ search: '%', limit: 10 })).items).toEqual([]);
  });

  it('pages the list by name with a cursor', async () => {
    const prefix = unique('Paged').replace(/\W+/g, ' ');
    for (const letter of ['C', 'A', 'B']) await create({ name: `${prefix} ${letter}` });
    const first = await viewer().actors.list({ search: prefix, limit: 2 });
    expect(first.items.map((item) => item.name)).toEqual([`${prefix} A`, `${prefix} B`]);
    const second = await viewer().actors.list({ search: prefix, limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ name: `${prefix} C` }], nextCursor: null });
  });
});

describe('affiliations', () => {
  it('refuses an actor as its own affiliation and any circle, naming the field', async () => {
    const russia = await create({ name: name('Russia'), kind: 'state', countryCode: 'RU' });
    const ministry = await create({ name: name('Russian Foreign Ministry'), kind: 'government_body', affiliationId: russia.id });
    const zakharova = await create({ name: name('Maria Zakharova'), affiliationId: ministry.id, title: 'Spokeswoman' });
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(
      editor().actors.update({ ...actorInput(), name: russia.name, kind: 'state', countryCode: 'RU', affiliationId: russia.id, id: russia.id, version: 1 }),
      'BAD_REQUEST',
      'affiliationId: an actor cannot be its own affiliation',
    );
    await expectTrpcError(
      editor().actors.update({ ...actorInput(), name: russia.name, kind: 'state', countryCode: 'RU', affiliationId: zakharova.id, id: russia.id, version: 1 }),
      'BAD_REQUEST',
      'affiliationId:',
    );
    await expectTrpcError(create({ name: name('Nobody'), affiliationId: crypto.randomUUID() }), 'BAD_REQUEST', 'affiliationId:');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });
});

describe('merge', () => {
  it('moves every reference — claims, about, parties, affiliations — and keeps one row where both were named', async () => {
    const dossier = await createDossier(database.db, users.editor, dossierInput());
    const other = await createDossier(database.db, users.editor, dossierInput());
    const keep = await create({ name: name('Armenia'), kind: 'state', countryCode: 'AM', aliases: ['Hayastan'] });
    const dupe = await create({ name: name('Republic of Armenia'), kind: 'state', countryCode: 'AM', aliases: ['RA'], title: 'State', internalNotes: 'dupe notes' });
    const azerbaijan = await create({ name: name('Azerbaijan'), kind: 'state', countryCode: 'AZ' });
    const spokesman = await create({ name: name('Armenian MoD spokesman'), affiliationId: dupe.id });
    const leaver = await create({ name: name('Former envoy'), affiliationId: dupe.id });
    await editor().actors.delete({ id: leaver.id, version: 1 });

    const byDupe = await newClaim(dossier.id, dupe.id, [azerbaijan.id]);
    const aboutBoth = await newClaim(dossier.id, azerbaijan.id, [keep.id, dupe.id]);
    const aboutDupe = await newClaim(other.id, azerbaijan.id, [dupe.id]);

    // Both are parties of `dossier` (one column after the merge); only the duplicate is a party of `other`.
    await editor().parties.add({ dossierId: dossier.id, actorId: keep.id, role: 'party' });
    await editor().parties.add({ dossierId: dossier.id, actorId: dupe.id, role: 'party' });
    await editor().parties.add({ dossierId: other.id, actorId: dupe.id, role: 'mediator' });
    await deleteDossier(database.db, users.editor, { id: other.id, version: other.version });

    await expectTrpcError(editor().actors.merge({ fromId: dupe.id, intoId: keep.id }), 'FORBIDDEN');
    const merged = await admin().actors.merge({ fromId: dupe.id, intoId: keep.id });
    expect(merged).toMatchObject({ id: keep.id, title: 'State', aliases: ['Hayastan', dupe.name, 'RA'] });
    expect(merged.internalNotes).toContain('dupe notes');

    const claimRows = await database.db.select().from(claims);
    expect(claimRows.find((claim) => claim.id === byDupe.id)).toMatchObject({ claimantId: keep.id, version: 2 });
    expect(claimRows.find((claim) => claim.id === aboutBoth.id)).toMatchObject({ version: 2 });
    const about = await database.db.select().from(claimAbout);
    expect(about.filter((row) => row.actorId === dupe.id)).toEqual([]);
    expect(about.filter((row) => row.claimId === aboutBoth.id).map((row) => row.actorId)).toEqual([keep.id]);
    expect(about.filter((row) => row.claimId === byDupe.id).map((row) => row.actorId)).toEqual([azerbaijan.id]);
    expect(about.filter((row) => row.claimId === aboutDupe.id).map((row) => row.actorId)).toEqual([keep.id]);

    expect((await listParties(database.db, dossier.id)).map((party) => party.actor.id)).toEqual([keep.id]);
    const otherParties = await database.db.select().from(dossierParties).where(eq(dossierParties.dossierId, other.id));
    expect(otherParties).toMatchObject([{ actorId: keep.id, role: 'mediator', deletedAt: null }]);

    const affiliates = await database.db.select().from(actors).where(eq(actors.affiliationId, keep.id));
    expect(affiliates.map((row) => row.id).sort()).toEqual([spokesman.id, leaver.id].sort());

    const gone = await viewer().actors.byId({ id: dupe.id });
    expect(gone).toMatchObject({ mergedIntoId: keep.id });
    expect(gone.deletedAt).not.toBeNull();
    await expectTrpcError(editor().actors.restore({ id: dupe.id, version: gone.version }), 'BAD_REQUEST');
    // The merged name now finds the target.
    expect((await viewer().actors.findDuplicates({ name: dupe.name })).map((hit) => hit.id)).toEqual([keep.id]);

    const audited = await database.db.select().from(auditLog).where(eq(auditLog.entityType, 'actor'));
    expect(audited.filter((entry) => entry.entityId === dupe.id).at(-1)).toMatchObject({ action: 'delete', changes: { mergedIntoId: { before: null, after: keep.id } } });
    expect(audited.filter((entry) => entry.entityId === keep.id).at(-1)).toMatchObject({ action: 'update' });
  });

  it('moves reactions and watch lists too: signatories (one row where both signed), overrides, speakers, targets, alignments, members', async () => {
    const scene = await makeReactionScene(database.db, users.editor);
    const { france, germany, rama, macron } = scene.actors;
    const dupe = await makeReactionActor(database.db, { name: name('French Republic'), countryCode: 'FR' });
    const bySome = await createReaction(database.db, users.editor, scene.input([dupe.id, germany.id]));
    const byBoth = await createReaction(database.db, users.editor, scene.input([france.id, dupe.id]));
    const overridden = await createReaction(database.db, users.editor, scene.input([rama.id], { actors: [{ actorId: rama.id, countsForId: dupe.id }] }));
    const spoken = await createReaction(database.db, users.editor, scene.input([macron.id], { speakerId: dupe.id }));
    await addWatchListMembers(database.db, users.editor, { dossierId: scene.dossier.id, version: 1, actorIds: [dupe.id, germany.id] });

    await admin().actors.merge({ fromId: dupe.id, intoId: france.id });

    expect((await getReaction(database.db, bySome.id)).signatories.map((s) => s.actor.id)).toEqual([france.id, germany.id]);
    const both = await getReaction(database.db, byBoth.id);
    expect(both.signatories.map((s) => s.actor.id)).toEqual([france.id]);
    expect(both.version).toBe(2);
    expect((await getReaction(database.db, overridden.id)).signatories[0]).toMatchObject({ countsFor: { id: france.id }, overridden: true });
    expect((await getReaction(database.db, spoken.id)).speaker?.id).toBe(france.id);
    const watched = await getWatchList(database.db, scene.dossier.id);
    expect(watched.members.map((member) => member.actor.id).sort()).toEqual([france.id, germany.id].sort());
  });

  it('refuses to merge an actor into itself, into one that acts for it, or a missing one', async () => {
    const state = await create({ name: name('Turkey'), kind: 'state', countryCode: 'TR' });
    const ministry = await create({ name: name('Turkish Defence Ministry'), kind: 'government_body', affiliationId: state.id });
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(admin().actors.merge({ fromId: state.id, intoId: state.id }), 'BAD_REQUEST', 'intoId:');
    await expectTrpcError(admin().actors.merge({ fromId: state.id, intoId: ministry.id }), 'BAD_REQUEST', 'intoId:');
    await expectTrpcError(admin().actors.merge({ fromId: crypto.randomUUID(), intoId: state.id }), 'NOT_FOUND');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });
});

describe('access', () => {
  it('lets viewers read but not write', async () => {
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(viewer().actors.create(actorInput({ name: name('Viewer made') })), 'FORBIDDEN');
    await expectTrpcError(callerFor(database.db, null).actors.search({ query: 'a' }), 'UNAUTHORIZED');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });
});
