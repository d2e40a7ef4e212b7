import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors } from '@/server/actors/schema';
import { auditLog } from '@/server/audit/schema';
import { deleteDossier } from '@/server/dossiers/dossiers.service';
import { deleteSource } from '@/server/sources/sources.service';
import { makeSource } from '@/server/claims/claims.test-helpers';
import { callerFor, countRows, expectTrpcError, randomId, type Caller } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import type { CreateReactionInput, ReactionFilters } from './reactions.input';
import type { ReactionDetail } from './reactions.service';
import { makeReactionActor, makeReactionScene, updateInputOf, type ReactionScene } from './reactions.test-helpers';
import { reactionAlignments } from './schema';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let editor: Caller;
let viewer: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  editor = callerFor(database.db, users.editor);
  viewer = callerFor(database.db, users.viewer);
});
afterAll(() => database.cleanup());

const scene = (published = false) => makeReactionScene(database.db, users.editor, { published });

const create = (s: ReactionScene, actorIds: string[], overrides: Partial<CreateReactionInput> = {}) => editor.reactions.create(s.input(actorIds, overrides));

const savedAlignments = (reactionId: string) =>
  database.db
    .select({ partyId: reactionAlignments.partyActorId, alignment: reactionAlignments.alignment, edited: reactionAlignments.edited })
    .from(reactionAlignments)
    .where(eq(reactionAlignments.reactionId, reactionId))
    .orderBy(asc(reactionAlignments.partyActorId));

const byParty = (detail: ReactionDetail) => Object.fromEntries(detail.alignments.map((row) => [row.party.name, [row.alignment, row.edited]]));

const auditEntries = (reactionId: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'reaction'), eq(auditLog.entityId, reactionId)))
    .orderBy(asc(auditLog.id));

describe('reactions: create and read', () => {
  it('stores a joint statement with four signatories in order, each counting for itself, and audits the child rows', async () => {
    const s = await scene();
    const { france, germany, italy, eu } = s.actors;
    const joint = await create(s, [france.id, germany.id, italy.id, eu.id], {
      primaryStance: 'ceasefire',
      stances: ['talks'],
      quote: 'We call for an immediate cessation of hostilities.',
      paraphrase: '',
      reactedAt: new Date('2020-09-28T14:00:00Z'),
      reactedPrecision: 'exact',
      channel: 'communique',
      tags: ['joint', 'joint'],
      internalNotes: 'Checked against the Élysée release.',
      sources: [{ sourceId: s.source.id, excerpt: 'called for an immediate ceasefire' }],
    });
    expect(joint).toMatchObject({ version: 1, dossierId: s.dossier.id, stances: ['ceasefire', 'talks'], primaryStance: 'ceasefire', tags: ['joint'] });
    expect(joint).not.toHaveProperty('searchVector');
    expect(joint.dossier).toEqual({ id: s.dossier.id, slug: s.dossier.slug, title: s.dossier.title });
    expect(joint.signatories.map((row) => [row.actor.name, row.countsFor.name, row.overridden])).toEqual([
      ['France', 'France', false],
      ['Germany', 'Germany', false],
      ['Italy', 'Italy', false],
      ['European Union', 'European Union', false],
    ]);
    expect(joint.needsSource).toBe(false);
    expect(joint.sources).toEqual([{ source: expect.objectContaining({ id: s.source.id, deletedAt: null }), excerpt: 'called for an immediate ceasefire' }]);
    expect(byParty(joint)).toEqual({ Azerbaijan: ['neutral', false], Armenia: ['neutral', false] });

    const read = await viewer.reactions.byId({ id: joint.id });
    expect(read).toEqual(joint);

    const [entry] = await auditEntries(joint.id);
    expect(entry).toMatchObject({ action: 'create', dossierId: s.dossier.id, actorId: users.editor.id });
    expect(entry!.changes).toMatchObject({
      quote: { before: null, after: 'We call for an immediate cessation of hostilities.' },
      actors: { before: [], after: ['France', 'Germany', 'Italy', 'European Union'] },
      alignments: { before: [], after: ['Armenia: neutral', 'Azerbaijan: neutral'] },
      sources: { before: [], after: ['World reacts: “called for an immediate ceasefire”'] },
    });
    expect(entry!.changes).not.toHaveProperty('searchVector');
    // No targets: nothing to record.
    expect(entry!.changes).not.toHaveProperty('targets');
  });

  it('rolls signatories and speakers up their affiliations, and honours a per-reaction override', async () => {
    const s = await scene();
    const { lavrov, zakharova, guterres, dujarric, pope, rama, osce, putin, macron } = s.actors;
    const russia = await create(s, [lavrov.id], { speakerId: zakharova.id, primaryStance: 'talks' });
    expect(russia.signatories).toEqual([{ actor: expect.objectContaining({ name: 'Sergey Lavrov' }), countsFor: expect.objectContaining({ name: 'Russia', kind: 'state', countryCode: 'RU' }), overridden: false }]);
    expect(russia.speaker).toMatchObject({ id: zakharova.id, name: 'Maria Zakharova', title: 'Foreign Ministry spokeswoman' });

    const un = await create(s, [guterres.id], { speakerId: dujarric.id });
    expect(un.signatories[0]!.countsFor).toMatchObject({ name: 'United Nations', kind: 'international_organisation' });

    const holySee = await create(s, [pope.id], { primaryStance: 'sympathy' });
    expect(holySee.signatories[0]!.countsFor).toMatchObject({ name: 'Holy See', kind: 'religious_authority', countryCode: 'VA' });

    const chair = await create(s, [rama.id], { actors: [{ actorId: rama.id, countsForId: osce.id }], primaryStance: 'mediation' });
    expect(chair.signatories).toEqual([{ actor: expect.objectContaining({ name: 'Edi Rama' }), countsFor: expect.objectContaining({ id: osce.id, name: 'OSCE' }), overridden: true }]);
    const [entry] = await auditEntries(chair.id);
    expect(entry!.changes.actors).toEqual({ before: [], after: ['Edi Rama (counts for OSCE)'] });

    // Without the override, the same person counts for Albania.
    const albania = await create(s, [rama.id]);
    expect(albania.signatories[0]!.countsFor.name).toBe('Albania');

    // Two heads of state in one reaction count for their own states.
    const pair = await create(s, [putin.id, macron.id]);
    expect(pair.signatories.map((row) => row.countsFor.name)).toEqual(['Russia', 'France']);
  });

  it('adds the primary stance to the stances, primary first then taxonomy order', async () => {
    const s = await scene();
    const added = await create(s, [s.actors.macron.id], { primaryStance: 'condemns', stances: ['sympathy', 'ceasefire'] });
    expect(added.stances).toEqual(['condemns', 'ceasefire', 'sympathy']);
    const kept = await create(s, [s.actors.macron.id], { primaryStance: 'talks', stances: ['mediation', 'talks', 'ceasefire'] });
    expect(kept.stances).toEqual(['talks', 'ceasefire', 'mediation']);
    const alone = await create(s, [s.actors.macron.id], { primaryStance: 'other', stances: [] });
    expect(alone.stances).toEqual(['other']);
  });

  it('needs a quote or a paraphrase', async () => {
    const s = await scene();
    const before = await countRows(database.db);
    await expectTrpcError(create(s, [s.actors.macron.id], { quote: '', paraphrase: '' }), 'BAD_REQUEST', 'paraphrase: A reaction needs a quote or a paraphrase.');
    await expectTrpcError(create(s, [s.actors.macron.id], { quote: '  ', paraphrase: ' ' }), 'BAD_REQUEST', 'paraphrase:');
    await expectTrpcError(
      create(s, [s.actors.macron.id], { paraphrase: 'Said something.', originalText: 'Полный текст', originalLanguage: '' }),
      'BAD_REQUEST',
      'originalLanguage:',
    );
    expect(await countRows(database.db)).toEqual(before);
    const quoted = await create(s, [s.actors.macron.id], { quote: 'Turkey’s warlike messages are reckless.', paraphrase: '' });
    expect(quoted.quote).toBe('Turkey’s warlike messages are reckless.');
  });
});

describe('reactions: alignments', () => {
  it('saves the defaults from stance and target, one row per party, none edited', async () => {
    const s = await scene();
    const { azerbaijan, armenia } = s.parties;
    const support = await create(s, [s.actors.erdogan.id], { primaryStance: 'supports_party', targets: [azerbaijan.id], quote: 'full support' });
    expect(byParty(support)).toEqual({ Azerbaijan: ['with', false], Armenia: ['against', false] });
    expect(support.targets).toEqual([{ id: azerbaijan.id, name: 'Azerbaijan' }]);
    expect(await savedAlignments(support.id)).toEqual(
      [
        { partyId: azerbaijan.id, alignment: 'with', edited: false },
        { partyId: armenia.id, alignment: 'against', edited: false },
      ].sort((a, b) => a.partyId.localeCompare(b.partyId)),
    );

    const condemns = await create(s, [s.actors.macron.id], { primaryStance: 'condemns', stances: ['ceasefire'], targets: [armenia.id] });
    expect(byParty(condemns)).toEqual({ Azerbaijan: ['neutral', false], Armenia: ['against', false] });
  });

  it('keeps the editor’s alignments (edited) and re-defaults the others when stances or targets change', async () => {
    const s = await scene();
    const { azerbaijan, armenia } = s.parties;
    const first = await create(s, [s.actors.erdogan.id], { primaryStance: 'supports_party', targets: [azerbaijan.id], alignments: [{ partyId: armenia.id, alignment: 'neutral' }] });
    expect(byParty(first)).toEqual({ Azerbaijan: ['with', false], Armenia: ['neutral', true] });

    const second = await editor.reactions.update(updateInputOf(first, { primaryStance: 'ceasefire', stances: [], targets: [] }));
    expect(second.version).toBe(2);
    expect(byParty(second)).toEqual({ Azerbaijan: ['neutral', false], Armenia: ['neutral', true] });

    // An edited alignment equal to the default stays edited (the form sends only the ones the editor set).
    const third = await editor.reactions.update(updateInputOf(second, { alignments: [{ partyId: azerbaijan.id, alignment: 'unclear' }] }));
    expect(byParty(third)).toEqual({ Azerbaijan: ['unclear', true], Armenia: ['neutral', false] });

    const entries = await auditEntries(first.id);
    expect(entries.at(-1)!.changes).toMatchObject({
      alignments: { before: ['Armenia: neutral (set by hand)', 'Azerbaijan: neutral'], after: ['Armenia: neutral', 'Azerbaijan: unclear (set by hand)'] },
    });
  });

  it('targets and alignments must be parties of the dossier (role party)', async () => {
    const s = await scene();
    const other = await scene();
    const before = await countRows(database.db);
    await expectTrpcError(create(s, [s.actors.macron.id], { targets: [s.actors.russia.id] }), 'BAD_REQUEST', 'targets: “Russia” is not a party of this dossier.');
    await expectTrpcError(create(s, [s.actors.macron.id], { targets: [s.mediators.minskGroup.id] }), 'BAD_REQUEST', 'targets: “OSCE Minsk Group” is not a party');
    await expectTrpcError(create(s, [s.actors.macron.id], { targets: [randomId()] }), 'BAD_REQUEST', 'targets: This actor is not a party');
    await expectTrpcError(
      create(s, [s.actors.macron.id], { alignments: [{ partyId: s.actors.turkey.id, alignment: 'with' }] }),
      'BAD_REQUEST',
      'alignments: “Turkey” is not a party of this dossier.',
    );
    await expectTrpcError(create(s, [s.actors.macron.id], { targets: [other.parties.azerbaijan.id] }), 'BAD_REQUEST', 'targets: “Azerbaijan” is not a party');
    expect(await countRows(database.db)).toEqual(before);
  });
});

describe('reactions: references', () => {
  it('signatories, speaker and overrides must be live actors; an override a state or organisation', async () => {
    const s = await scene();
    const { macron, rama, holySee, putin } = s.actors;
    const gone = await makeReactionActor(database.db, { name: 'Gone', kind: 'person' });
    await database.db.update(actors).set({ deletedAt: new Date() }).where(eq(actors.id, gone.id));
    const before = await countRows(database.db);

    await expectTrpcError(create(s, [randomId()]), 'NOT_FOUND', 'actors.0.actorId:');
    await expectTrpcError(create(s, [macron.id, gone.id]), 'BAD_REQUEST', 'actors.1.actorId: “Gone” was deleted');
    await expectTrpcError(create(s, [macron.id], { speakerId: randomId() }), 'NOT_FOUND', 'speakerId:');
    await expectTrpcError(create(s, [macron.id], { speakerId: gone.id }), 'BAD_REQUEST', 'speakerId:');
    await expectTrpcError(create(s, [macron.id], { speakerId: macron.id }), 'BAD_REQUEST', 'speakerId: “Emmanuel Macron” is already a signatory');
    await expectTrpcError(
      create(s, [], { actors: [{ actorId: macron.id, countsForId: null }, { actorId: rama.id, countsForId: holySee.id }] }),
      'BAD_REQUEST',
      'actors.1.countsForId: A reaction can count only for a state or an international organisation; “Holy See” is neither.',
    );
    await expectTrpcError(create(s, [], { actors: [{ actorId: rama.id, countsForId: putin.id }] }), 'BAD_REQUEST', 'actors.0.countsForId:');
    await expectTrpcError(create(s, [], { actors: [{ actorId: rama.id, countsForId: randomId() }] }), 'NOT_FOUND', 'actors.0.countsForId:');
    expect(await countRows(database.db)).toEqual(before);
  });

  it('sources must be live sources of the same dossier; a source deleted after it was cited does not block editing', async () => {
    const s = await scene();
    const other = await scene();
    const deleted = await makeSource(database.db, users.editor, s.dossier.id, { title: 'Retracted' });
    await deleteSource(database.db, users.editor, { id: deleted.id, version: deleted.version });
    const before = await countRows(database.db);
    await expectTrpcError(
      create(s, [s.actors.macron.id], { sources: [{ sourceId: other.source.id, excerpt: '' }] }),
      'BAD_REQUEST',
      'sources: A reaction can only cite sources logged in its own dossier.',
    );
    await expectTrpcError(create(s, [s.actors.macron.id], { sources: [{ sourceId: randomId(), excerpt: '' }] }), 'BAD_REQUEST', 'sources:');
    await expectTrpcError(create(s, [s.actors.macron.id], { sources: [{ sourceId: deleted.id, excerpt: '' }] }), 'BAD_REQUEST', 'sources: “Retracted” was deleted');
    expect(await countRows(database.db)).toEqual(before);

    const cited = await makeSource(database.db, users.editor, s.dossier.id);
    const reaction = await create(s, [s.actors.macron.id], { sources: [{ sourceId: cited.id, excerpt: 'kept' }] });
    await deleteSource(database.db, users.editor, { id: cited.id, version: cited.version });
    const read = await viewer.reactions.byId({ id: reaction.id });
    expect(read.needsSource).toBe(true);
    expect(read.sources[0]!.source.deletedAt).not.toBeNull();
    const edited = await editor.reactions.update(updateInputOf(read, { paraphrase: 'Edited.' }));
    expect(edited.paraphrase).toBe('Edited.');
  });
});

describe('reactions: update, delete, restore', () => {
  it('refuses a stale version, writing nothing', async () => {
    const s = await scene();
    const first = await create(s, [s.actors.putin.id], { paraphrase: 'Called for restraint.' });
    await editor.reactions.update(updateInputOf(first, { paraphrase: 'Called for an end to the fighting.' }));
    const before = await countRows(database.db);
    await expectTrpcError(editor.reactions.update(updateInputOf(first, { paraphrase: 'Something else' })), 'CONFLICT', 'This reaction was changed by someone else');
    await expectTrpcError(editor.reactions.delete({ id: first.id, version: 1 }), 'CONFLICT');
    expect(await countRows(database.db)).toEqual(before);
    expect((await viewer.reactions.byId({ id: first.id })).paraphrase).toBe('Called for an end to the fighting.');
  });

  it('records signatories, targets, alignments and sources changed by an update in the same entry', async () => {
    const s = await scene();
    const first = await create(s, [s.actors.macron.id], { primaryStance: 'concern' });
    const second = await editor.reactions.update(
      updateInputOf(first, {
        actors: [
          { actorId: s.actors.macron.id, countsForId: null },
          { actorId: s.actors.germany.id, countsForId: null },
        ],
        primaryStance: 'condemns',
        stances: [],
        targets: [s.parties.azerbaijan.id],
        sources: [],
      }),
    );
    expect(second.needsSource).toBe(true);
    const [, change] = await auditEntries(first.id);
    expect(change).toMatchObject({ action: 'update', actorId: users.editor.id });
    expect(change!.changes).toEqual({
      stances: { before: ['concern'], after: ['condemns'] },
      primaryStance: { before: 'concern', after: 'condemns' },
      actors: { before: ['Emmanuel Macron'], after: ['Emmanuel Macron', 'Germany'] },
      targets: { before: [], after: ['Azerbaijan'] },
      alignments: { before: ['Armenia: neutral', 'Azerbaijan: neutral'], after: ['Armenia: neutral', 'Azerbaijan: against'] },
      sources: { before: ['World reacts'], after: [] },
    });
  });

  it('deletes softly and restores', async () => {
    const s = await scene();
    const reaction = await create(s, [s.actors.macron.id]);
    const deleted = await editor.reactions.delete({ id: reaction.id, version: reaction.version });
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted).not.toHaveProperty('searchVector');
    expect((await viewer.reactions.list({ dossierId: s.dossier.id })).items).toEqual([]);
    expect((await viewer.reactions.list({ dossierId: s.dossier.id, deleted: true })).items.map((item) => item.id)).toEqual([reaction.id]);
    expect((await viewer.reactions.byId({ id: reaction.id })).deletedAt).not.toBeNull();
    await expectTrpcError(editor.reactions.update(updateInputOf(reaction, { version: deleted.version })), 'NOT_FOUND');
    await expectTrpcError(editor.reactions.delete({ id: reaction.id, version: deleted.version }), 'NOT_FOUND');

    const restored = await editor.reactions.restore({ id: reaction.id, version: deleted.version });
    expect(restored).toMatchObject({ deletedAt: null, version: 3 });
    expect((await viewer.reactions.list({ dossierId: s.dossier.id })).items.map((item) => item.id)).toEqual([reaction.id]);
    expect((await auditEntries(reaction.id)).map((entry) => entry.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('a deleted dossier freezes its reactions', async () => {
    const s = await scene();
    const reaction = await create(s, [s.actors.macron.id]);
    await deleteDossier(database.db, users.editor, { id: s.dossier.id, version: s.dossier.version });
    const before = await countRows(database.db);
    await expectTrpcError(create(s, [s.actors.macron.id]), 'NOT_FOUND', 'Dossier not found.');
    await expectTrpcError(editor.reactions.update(updateInputOf(reaction, { paraphrase: 'Changed.' })), 'NOT_FOUND', 'This reaction’s dossier was deleted');
    await expectTrpcError(editor.reactions.delete({ id: reaction.id, version: reaction.version }), 'NOT_FOUND', 'This reaction’s dossier was deleted');
    expect(await countRows(database.db)).toEqual(before);
    await expectTrpcError(viewer.reactions.byId({ id: randomId() }), 'NOT_FOUND', 'Reaction not found.');
  });
});

describe('reactions: list, count, timeline', () => {
  /**
   * Seven reactions of the 2020 war, each named by its tag:
   * joint   France, Germany, Italy, EU: ceasefire + talks, communiqué, 27 Sep 10:00 exact
   * pope    Pope Francis: sympathy, speech, 27 Sep (day, stored at noon)
   * lavrov  Lavrov via Zakharova: talks, statement, 28 Sep 08:00 exact
   * erdogan Erdoğan: supports Azerbaijan, social media, 27 Sep 09:00 exact
   * rama    Edi Rama for the OSCE: ceasefire + mediation, statement, undated
   * un      Guterres via Dujarric: concern, phone call, 27 Sep approximate (15:00)
   * macron  Macron: condemns Azerbaijan + ceasefire, speech, 30 Sep (day)
   */
  let s: ReactionScene;
  const tagged = new Map<string, string>();

  beforeAll(async () => {
    s = await scene();
    const a = s.actors;
    const add = async (tag: string, actorIds: string[], overrides: Partial<CreateReactionInput>) => {
      const reaction = await create(s, actorIds, { tags: [tag], ...overrides });
      tagged.set(reaction.id, tag);
    };
    await add('joint', [a.france.id, a.germany.id, a.italy.id, a.eu.id], {
      primaryStance: 'ceasefire',
      stances: ['talks'],
      channel: 'communique',
      reactedAt: new Date('2020-09-27T10:00:00Z'),
      reactedPrecision: 'exact',
      quote: 'We urge an immediate ceasefire.',
      paraphrase: '',
    });
    await add('pope', [a.pope.id], { primaryStance: 'sympathy', channel: 'speech', reactedAt: new Date('2020-09-27T12:00:00Z'), paraphrase: 'Prayed for peace in the Caucasus.' });
    await add('lavrov', [a.lavrov.id], {
      speakerId: a.zakharova.id,
      primaryStance: 'talks',
      reactedAt: new Date('2020-09-28T08:00:00Z'),
      reactedPrecision: 'exact',
      paraphrase: 'Moscow is ready to host negotiations.',
    });
    await add('erdogan', [a.erdogan.id], {
      primaryStance: 'supports_party',
      targets: [s.parties.azerbaijan.id],
      channel: 'social_media',
      reactedAt: new Date('2020-09-27T09:00:00Z'),
      reactedPrecision: 'exact',
      quote: 'Turkey stands with Azerbaijan with all its means.',
      paraphrase: '',
    });
    await add('rama', [], {
      actors: [{ actorId: a.rama.id, countsForId: a.osce.id }],
      primaryStance: 'ceasefire',
      stances: ['mediation'],
      reactedAt: null,
      paraphrase: 'The OSCE chair called on both sides to stop fighting and offered to mediate.',
    });
    await add('un', [a.guterres.id], {
      speakerId: a.dujarric.id,
      primaryStance: 'concern',
      channel: 'phone_call',
      reactedAt: new Date('2020-09-27T15:00:00Z'),
      reactedPrecision: 'approximate',
      paraphrase: 'The Secretary-General is extremely concerned.',
    });
    await add('macron', [a.macron.id], {
      primaryStance: 'condemns',
      stances: ['ceasefire'],
      targets: [s.parties.azerbaijan.id],
      channel: 'speech',
      reactedAt: new Date('2020-09-30T00:00:00Z'),
      paraphrase: 'Condemned the offensive and demanded that the fighting stop.',
    });
  });

  const listTags = async (filters: Partial<ReactionFilters> = {}) => {
    const page = await viewer.reactions.list({ dossierId: s.dossier.id, ...filters, limit: 200 });
    const count = await viewer.reactions.count({ dossierId: s.dossier.id, ...filters });
    const tags = page.items.map((item) => tagged.get(item.id)!);
    expect(count, JSON.stringify(filters)).toBe(tags.length);
    return tags.sort();
  };

  it('lists every live reaction with its parts, live source counts and needs-source flag', async () => {
    const page = await viewer.reactions.list({ dossierId: s.dossier.id, limit: 200 });
    expect(page.items).toHaveLength(7);
    expect(page.nextCursor).toBeNull();
    const joint = page.items.find((item) => tagged.get(item.id) === 'joint')!;
    expect(joint).toMatchObject({ liveSourceCount: 1, needsSource: false, stances: ['ceasefire', 'talks'] });
    expect(joint).not.toHaveProperty('searchVector');
    expect(joint.signatories).toHaveLength(4);
    expect(joint.alignments.map((row) => row.party.name)).toEqual(['Azerbaijan', 'Armenia']);
    expect(await viewer.reactions.count({ dossierId: s.dossier.id })).toBe(7);
  });

  it('narrows by search, stance, channel, target and date range', async () => {
    expect(await listTags({ search: 'ceasefire' })).toEqual(['joint']);
    expect(await listTags({ search: 'fighting' })).toEqual(['macron', 'rama']);
    expect(await listTags({ search: 'negotiation' })).toEqual(['lavrov']);
    expect(await listTags({ stance: ['ceasefire'] })).toEqual(['joint', 'macron', 'rama']);
    expect(await listTags({ stance: ['mediation', 'sympathy'] })).toEqual(['pope', 'rama']);
    expect(await listTags({ channel: ['speech', 'phone_call'] })).toEqual(['macron', 'pope', 'un']);
    expect(await listTags({ target: [s.parties.azerbaijan.id] })).toEqual(['erdogan', 'macron']);
    expect(await listTags({ target: [s.parties.armenia.id] })).toEqual([]);
    expect(await listTags({ reactedFrom: '2020-09-27', reactedTo: '2020-09-27' })).toEqual(['erdogan', 'joint', 'pope', 'un']);
    expect(await listTags({ reactedFrom: '2020-09-28' })).toEqual(['lavrov', 'macron']);
    expect(await listTags({ reactedTo: '2020-09-26' })).toEqual([]);
    await expectTrpcError(viewer.reactions.list({ dossierId: s.dossier.id, reactedFrom: '2020-10-02', reactedTo: '2020-10-01' }), 'BAD_REQUEST', 'reactedTo:');
  });

  it('narrows by alignment, towards one party or any', async () => {
    const { azerbaijan, armenia } = s.parties;
    expect(await listTags({ alignment: ['with'] })).toEqual(['erdogan']);
    expect(await listTags({ alignment: ['against'] })).toEqual(['erdogan', 'macron']);
    expect(await listTags({ alignment: ['against'], alignmentParty: azerbaijan.id })).toEqual(['macron']);
    expect(await listTags({ alignment: ['against'], alignmentParty: armenia.id })).toEqual(['erdogan']);
    expect(await listTags({ alignment: ['neutral'], alignmentParty: armenia.id })).toEqual(['joint', 'lavrov', 'macron', 'pope', 'rama', 'un']);
    // A party alone (no alignment chosen) does not narrow.
    expect(await listTags({ alignmentParty: armenia.id })).toHaveLength(7);
  });

  it('narrows by the kind of what signatories count for, and by actor (signatory, counted-for or speaker)', async () => {
    const a = s.actors;
    expect(await listTags({ actorKind: ['international_organisation'] })).toEqual(['joint', 'rama', 'un']);
    expect(await listTags({ actorKind: ['state'] })).toEqual(['erdogan', 'joint', 'lavrov', 'macron']);
    expect(await listTags({ actorKind: ['religious_authority'] })).toEqual(['pope']);
    expect(await listTags({ actorKind: ['person', 'government_body'] })).toEqual([]);
    expect(await listTags({ actor: [a.russia.id] })).toEqual(['lavrov']);
    expect(await listTags({ actor: [a.zakharova.id] })).toEqual(['lavrov']);
    expect(await listTags({ actor: [a.osce.id] })).toEqual(['rama']);
    expect(await listTags({ actor: [a.albania.id] })).toEqual([]);
    expect(await listTags({ actor: [a.rama.id] })).toEqual(['rama']);
    expect(await listTags({ actor: [a.france.id] })).toEqual(['joint', 'macron']);
    expect(await listTags({ actor: [a.un.id, a.holySee.id] })).toEqual(['pope', 'un']);
    expect(await listTags({ actor: [a.eu.id], stance: ['talks'] })).toEqual(['joint']);
  });

  it('an override counts a signatory elsewhere for that reaction only', async () => {
    const own = await scene();
    const { rama, osce, albania } = own.actors;
    const chair = await create(own, [], { actors: [{ actorId: rama.id, countsForId: osce.id }] });
    const premier = await create(own, [rama.id]);
    const ids = async (filters: Partial<ReactionFilters>) =>
      (await viewer.reactions.list({ dossierId: own.dossier.id, ...filters })).items.map((item) => item.id);
    expect(await ids({ actor: [albania.id] })).toEqual([premier.id]);
    expect(await ids({ actor: [osce.id] })).toEqual([chair.id]);
    expect(await ids({ actorKind: ['international_organisation'] })).toEqual([chair.id]);
    expect(await ids({ actorKind: ['state'] })).toEqual([premier.id]);
    expect((await ids({ actor: [rama.id] })).sort()).toEqual([chair.id, premier.id].sort());
  });

  it('pages with keyset cursors in every sort, both orders, undated last', async () => {
    for (const sort of ['reacted', 'created', 'stance', 'channel'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const all = (await viewer.reactions.list({ dossierId: s.dossier.id, sort, order, limit: 200 })).items.map((item) => item.id);
        const paged: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: Array<{ id: string }>; nextCursor: string | null } = await viewer.reactions.list({ dossierId: s.dossier.id, sort, order, limit: 2, cursor });
          expect(page.items.length).toBeLessThanOrEqual(2);
          paged.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(paged, `${sort} ${order}`).toEqual(all);
        expect(all).toHaveLength(7);
      }
    }
    const ascending = (await viewer.reactions.list({ dossierId: s.dossier.id, sort: 'reacted', order: 'asc' })).items.map((item) => tagged.get(item.id));
    expect(ascending).toEqual(['erdogan', 'joint', 'pope', 'un', 'lavrov', 'macron', 'rama']);
    const descending = (await viewer.reactions.list({ dossierId: s.dossier.id, sort: 'reacted', order: 'desc' })).items.map((item) => tagged.get(item.id));
    expect(descending).toEqual(['macron', 'lavrov', 'un', 'pope', 'joint', 'erdogan', 'rama']);
    const byStance = (await viewer.reactions.list({ dossierId: s.dossier.id, sort: 'stance', order: 'asc' })).items.map((item) => item.primaryStance);
    expect(byStance).toEqual(['ceasefire', 'ceasefire', 'talks', 'supports_party', 'condemns', 'concern', 'sympathy']);
    await expectTrpcError(viewer.reactions.list({ dossierId: s.dossier.id, cursor: 'garbage' }), 'BAD_REQUEST', 'cursor:');
  });

  it('lists deleted reactions apart, and the timeline leaves them out', async () => {
    const pope = [...tagged].find(([, tag]) => tag === 'pope')![0];
    const detail = await viewer.reactions.byId({ id: pope });
    const deleted = await editor.reactions.delete({ id: pope, version: detail.version });
    try {
      expect(await listTags()).not.toContain('pope');
      expect(await listTags({ deleted: true })).toEqual(['pope']);
      expect(await listTags({ deleted: true, actorKind: ['religious_authority'] })).toEqual(['pope']);
      const timeline = await viewer.reactions.timeline({ dossierId: s.dossier.id });
      expect(timeline.flatMap((day) => day.hours.flatMap((hour) => hour.reactions.map((item) => tagged.get(item.id))))).not.toContain('pope');
    } finally {
      await editor.reactions.restore({ id: pope, version: deleted.version });
    }
  });

  it('timeline: by day and hour, earliest first; known-to-the-day first in its day; undated last', async () => {
    const timeline = await viewer.reactions.timeline({ dossierId: s.dossier.id });
    const shape = timeline.map((day) => ({ day: day.day, hours: day.hours.map((hour) => [hour.hour, hour.reactions.map((item) => tagged.get(item.id))]) }));
    expect(shape).toEqual([
      {
        day: '2020-09-27',
        hours: [
          [null, ['pope', 'un']],
          [9, ['erdogan']],
          [10, ['joint']],
        ],
      },
      { day: '2020-09-28', hours: [[8, ['lavrov']]] },
      { day: '2020-09-30', hours: [[null, ['macron']]] },
      { day: null, hours: [[null, ['rama']]] },
    ]);
    const first = timeline[0]!.hours[1]!.reactions[0]!;
    expect(first.signatories[0]!.countsFor.name).toBe('Turkey');
    expect(await viewer.reactions.timeline({ dossierId: (await scene()).dossier.id })).toEqual([]);
  });
});
