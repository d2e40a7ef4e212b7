import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream } from '@/server/csv/csv';
import { ServiceError } from '@/server/errors';
import { createSource, deleteSource } from '@/server/sources/sources.service';
import { callerFor, expectTrpcError, readCsv, sourceInput } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { listAlignmentParties } from './reaction-parts';
import { alignmentHeaders, deskReactionColumns, iterateDeskReactions, perSignatory, publicReactionColumns } from './reactions.csv';
import { reactionFilters, type CreateReactionInput } from './reactions.input';
import {
  getPublicReaction,
  getPublicReactionsOverview,
  getPublicReactionsFingerprint,
  iteratePublicReactions,
  PUBLIC_REACTIONS_PER_ENTITY,
  type PublicReactionsOverview,
} from './reactions.public';
import { createReaction, deleteReaction, type ReactionDetail } from './reactions.service';
import { makeReactionScene, type ReactionScene } from './reactions.test-helpers';
import { setWatchListMembers, setWatchListPublic } from '@/server/watch-lists/watch-lists.service';

/**
 * What readers get of reactions (the overview behind the public section and the embed, one reaction, the public
 * CSV) and the desk CSV's rows. Every reaction carries the canary in its internal notes and tags: neither may reach
 * any public output.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let scene: ReactionScene;
let draft: ReactionScene;

const CANARY = 'CANARY-reactions-public-51c7';
const TAG_CANARY = 'canary-tag-51c7';

const r = {} as Record<
  'joint' | 'macron' | 'erdogan' | 'guterres' | 'zakharova' | 'putin' | 'rama' | 'pope' | 'minsk' | 'armenia' | 'unsourced' | 'lostSource' | 'deleted' | 'draft',
  ReactionDetail
> & { germany: ReactionDetail[] };

const day = (iso: string) => new Date(iso);

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  scene = await makeReactionScene(database.db, users.editor, { published: true });
  draft = await makeReactionScene(database.db, users.editor, { published: false });
  const { actors: a, parties: p, mediators: m } = scene;
  const create = (actorIds: string[], overrides: Partial<CreateReactionInput>) =>
    createReaction(database.db, users.editor, scene.input(actorIds, { internalNotes: `${CANARY} note`, tags: [TAG_CANARY, 'plain'], ...overrides }));

  r.joint = await create([a.france.id, a.germany.id, a.italy.id, a.eu.id], {
    primaryStance: 'ceasefire',
    reactedAt: day('2020-09-27T12:00:00Z'),
    quote: 'We call for an immediate cessation of hostilities.',
    paraphrase: '',
    channel: 'communique',
  });
  r.macron = await create([a.macron.id], { primaryStance: 'condemns', targets: [p.azerbaijan.id], reactedAt: day('2020-09-28T09:00:00Z') });
  r.erdogan = await create([a.erdogan.id], {
    primaryStance: 'supports_party',
    targets: [p.azerbaijan.id],
    reactedAt: day('2020-09-27T10:00:00Z'),
    quote: 'Turkey will stand with Azerbaijan with all its means.',
    originalText: 'Türkiye, Azerbaycan’ın yanında olmaya devam edecektir.',
    originalLanguage: 'tr',
  });
  r.guterres = await create([a.guterres.id], { speakerId: a.dujarric.id, primaryStance: 'concern', reactedAt: day('2020-09-27T15:00:00Z') });
  r.zakharova = await create([a.zakharova.id], { primaryStance: 'talks', reactedAt: day('2020-09-27T13:00:00Z') });
  // An edited alignment: the desk judged Putin's call for talks as siding with Armenia.
  r.putin = await create([a.putin.id], {
    primaryStance: 'talks',
    reactedAt: day('2020-09-29T09:00:00Z'),
    alignments: [{ partyId: p.armenia.id, alignment: 'with' }],
  });
  // Rama speaks as OSCE chairman-in-office: his reaction counts for the OSCE, not Albania.
  r.rama = await create([], { actors: [{ actorId: a.rama.id, countsForId: a.osce.id }], primaryStance: 'mediation', reactedAt: day('2020-09-27T16:00:00Z') });
  r.pope = await create([a.pope.id], { primaryStance: 'sympathy', stances: ['ceasefire'], reactedAt: null });
  r.minsk = await create([m.minskGroup.id], { primaryStance: 'mediation', reactedAt: day('2020-09-27T17:00:00Z') });
  r.armenia = await create([p.armenia.id], { primaryStance: 'condemns', targets: [p.azerbaijan.id], reactedAt: day('2020-09-27T08:00:00Z') });
  r.germany = [];
  for (let index = 0; index < 5; index++) {
    r.germany.push(await create([a.germany.id], { primaryStance: 'concern', reactedAt: day(`2020-10-0${index + 1}T10:00:00Z`) }));
  }

  // Not public: no source, a source since deleted, a deleted reaction, a draft dossier's reaction.
  r.unsourced = await create([a.stateDepartment.id], { primaryStance: 'concern', paraphrase: 'UNSOURCED-REACTION', sources: [] });
  const doomed = await createSource(database.db, users.editor, sourceInput(scene.dossier.id, { title: 'Doomed', url: 'https://example.com/doomed' }));
  r.lostSource = await create([a.unitedStates.id], { primaryStance: 'concern', paraphrase: 'LOST-SOURCE-REACTION', sources: [{ sourceId: doomed.id, excerpt: '' }] });
  await deleteSource(database.db, users.editor, { id: doomed.id, version: doomed.version });
  r.deleted = await create([a.albania.id], { primaryStance: 'condemns', paraphrase: 'DELETED-REACTION' });
  await deleteReaction(database.db, users.editor, { id: r.deleted.id, version: r.deleted.version });
  r.draft = await createReaction(database.db, users.editor, draft.input([draft.actors.france.id], { paraphrase: 'DRAFT-REACTION' }));
});
afterAll(() => database.cleanup());

const overview = (by?: string) => getPublicReactionsOverview(database.db, scene.dossier.slug, { by });
const names = (view: PublicReactionsOverview) => view.groups.map((group) => [group.group, group.entities.map((entity) => entity.entity.name)]);
const entity = (view: PublicReactionsOverview, name: string) => view.groups.flatMap((group) => group.entities).find((item) => item.entity.name === name)!;

async function publicCsv(dossierId: string, slug: string): Promise<string> {
  const parties = await listAlignmentParties(database.db, dossierId);
  return readCsv(csvStream(perSignatory(slug, iteratePublicReactions(database.db, dossierId)), publicReactionColumns(parties)));
}
const rowsOf = (text: string) => parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
const headerOf = (text: string) => (parse(text.replace(/^\uFEFF/, ''), { to_line: 1 }) as string[][])[0];

describe('the public reactions overview', () => {
  it('groups reacting entities as reference works do: mediators, organisations, states alphabetically, others, parties', async () => {
    const view = await overview();
    expect(names(view)).toEqual([
      ['mediator', ['OSCE Minsk Group']],
      ['organisation', ['European Union', 'OSCE', 'United Nations']],
      ['state', ['France', 'Germany', 'Italy', 'Russia', 'Turkey']],
      ['other', ['Holy See']],
      ['party', ['Armenia']],
    ]);
    expect(view.dossier).toEqual({ id: scene.dossier.id, slug: scene.dossier.slug, title: scene.dossier.title });
    expect(view.parties).toEqual([
      { id: scene.parties.azerbaijan.id, name: 'Azerbaijan', countryCode: 'AZ' },
      { id: scene.parties.armenia.id, name: 'Armenia', countryCode: 'AM' },
    ]);
    // No watch list, or one the desk keeps private: nothing to say publicly.
    expect(view.notYetReacted).toBeNull();
  });

  it('rolls people up to what they act for (Macron → France, Dujarric → Guterres → UN, Zakharova → MFA → Russia), and honours an override (Rama → OSCE)', async () => {
    const view = await overview();
    expect(entity(view, 'France').reactions.map((reaction) => reaction.id)).toEqual([r.joint.id, r.macron.id]);
    expect(entity(view, 'United Nations').reactions[0]).toMatchObject({ id: r.guterres.id, speaker: { name: 'Stéphane Dujarric' } });
    expect(entity(view, 'Russia').reactions.map((reaction) => reaction.id)).toEqual([r.zakharova.id, r.putin.id]);
    expect(entity(view, 'OSCE').reactions.map((reaction) => reaction.id)).toEqual([r.rama.id]);
    expect(entity(view, 'OSCE').reactions[0]!.signatories).toEqual([
      { actor: expect.objectContaining({ name: 'Edi Rama', kind: 'person' }), countsFor: expect.objectContaining({ name: 'OSCE' }) },
    ]);
    expect(view.groups.flatMap((group) => group.entities).map((item) => item.entity.name)).not.toContain('Albania');
    // A joint statement counts once for each signatory's entity.
    for (const name of ['France', 'Germany', 'Italy', 'European Union']) expect(entity(view, name).reactions[0]!.id).toBe(r.joint.id);
  });

  it('combines an entity’s reactions per party, and counts entities per party and reactions per primary stance', async () => {
    const view = await overview();
    const [az, am] = [scene.parties.azerbaijan.id, scene.parties.armenia.id];
    // France: the joint ceasefire call (neutral) and Macron condemning Azerbaijan (against) → against Azerbaijan.
    expect(entity(view, 'France').alignments).toEqual([
      { partyId: az, alignment: 'against' },
      { partyId: am, alignment: 'neutral' },
    ]);
    expect(entity(view, 'Turkey').alignments).toEqual([
      { partyId: az, alignment: 'with' },
      { partyId: am, alignment: 'against' },
    ]);
    // Russia: Zakharova's call for talks (neutral) and Putin's, edited to "with Armenia".
    expect(entity(view, 'Russia').alignments).toEqual([
      { partyId: az, alignment: 'neutral' },
      { partyId: am, alignment: 'with' },
    ]);
    expect(entity(view, 'Russia')).toMatchObject({ reactionCount: 2, primaryStance: 'talks', firstReactedAt: day('2020-09-27T13:00:00Z') });
    expect(entity(view, 'France')).toMatchObject({ primaryStance: 'ceasefire', firstReactedAt: day('2020-09-27T12:00:00Z') });
    expect(entity(view, 'Holy See')).toMatchObject({ primaryStance: 'sympathy', firstReactedAt: null });

    expect(view.total).toBe(15);
    const stanceCounts = Object.fromEntries(view.countsByStance.map((item) => [item.stance, item.count]));
    expect(view.countsByStance.map((item) => item.stance)[0]).toBe('ceasefire');
    expect(stanceCounts).toEqual({
      ceasefire: 1,
      talks: 2,
      mediation: 2,
      supports_party: 1,
      condemns: 2,
      concern: 6,
      sympathy: 1,
      humanitarian_aid: 0,
      sanctions: 0,
      neutral: 0,
      other: 0,
    });
    // Ten reacting entities (Armenia's own statement is left out of the alignment counts).
    expect(view.countsByAlignment).toEqual([
      { partyId: az, counts: { with: 1, neutral: 8, against: 1, unclear: 0 } },
      { partyId: am, counts: { with: 1, neutral: 8, against: 1, unclear: 0 } },
    ]);
  });

  it(`shows an entity’s earliest ${PUBLIC_REACTIONS_PER_ENTITY} reactions, and all of them with by=<entity>`, async () => {
    const view = await overview();
    const germany = entity(view, 'Germany');
    expect(germany.reactionCount).toBe(6);
    expect(germany.reactions.map((reaction) => reaction.id)).toEqual([r.joint.id, ...r.germany.slice(0, PUBLIC_REACTIONS_PER_ENTITY - 1).map((reaction) => reaction.id)]);

    const only = await overview(scene.actors.germany.id);
    expect(names(only)).toEqual([['state', ['Germany']]]);
    expect(only.groups[0]!.entities[0]!.reactions.map((reaction) => reaction.id)).toEqual([r.joint.id, ...r.germany.map((reaction) => reaction.id)]);
    // Counts stay the dossier's.
    expect(only.total).toBe(15);
    expect(only.countsByAlignment).toEqual(view.countsByAlignment);

    // An entity without a public reaction: nothing listed.
    expect((await overview(scene.actors.unitedStates.id)).groups).toEqual([]);
  });

  it('leaves out reactions without a live source, deleted ones, and other dossiers’ reactions', async () => {
    const view = await overview();
    const ids = view.groups.flatMap((group) => group.entities.flatMap((item) => item.reactions.map((reaction) => reaction.id)));
    const text = JSON.stringify(view);
    for (const hidden of [r.unsourced, r.lostSource, r.deleted, r.draft]) {
      expect(ids).not.toContain(hidden.id);
      expect(text).not.toContain(hidden.id);
    }
    for (const marker of ['UNSOURCED-REACTION', 'LOST-SOURCE-REACTION', 'DELETED-REACTION', 'DRAFT-REACTION', 'United States', 'Albania']) {
      expect(text).not.toContain(marker);
    }
  });

  it('lists the watch list’s members without a public reaction once the desk makes the list public', async () => {
    const { actors: a } = scene;
    // France reacted publicly (through Macron too); the United States only without a source, Albania only deleted.
    const list = await setWatchListMembers(database.db, users.editor, {
      dossierId: scene.dossier.id,
      version: 1,
      actorIds: [a.france.id, a.unitedStates.id, a.albania.id, a.russia.id],
    });
    expect((await overview()).notYetReacted).toBeNull();
    const shown = await setWatchListPublic(database.db, users.editor, { dossierId: scene.dossier.id, version: list.version, isPublic: true });
    const view = await overview();
    expect(view.notYetReacted).toEqual([
      { id: a.albania.id, name: 'Albania', kind: 'state', title: '', countryCode: 'AL' },
      { id: a.unitedStates.id, name: 'United States', kind: 'state', title: '', countryCode: 'US' },
    ]);
    await setWatchListPublic(database.db, users.editor, { dossierId: scene.dossier.id, version: shown.version, isPublic: false });
    expect((await overview()).notYetReacted).toBeNull();
  });

  it('is NOT_FOUND for a draft dossier and an unknown slug', async () => {
    for (const slug of [draft.dossier.slug, 'no-such-dossier']) {
      await expect(getPublicReactionsOverview(database.db, slug, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('gives a reaction readers’ fields only: no tags, internal notes, versions or authors', async () => {
    const view = await overview();
    const joint = entity(view, 'France').reactions[0]!;
    expect(Object.keys(joint).sort()).toEqual(
      [
        'id',
        'reactedAt',
        'reactedPrecision',
        'channel',
        'stances',
        'primaryStance',
        'quote',
        'originalText',
        'originalLanguage',
        'paraphrase',
        'signatories',
        'speaker',
        'targets',
        'alignments',
        'sources',
      ].sort(),
    );
    expect(joint.signatories.map((signatory) => [signatory.actor.name, signatory.countsFor.countryCode])).toEqual([
      ['France', 'FR'],
      ['Germany', 'DE'],
      ['Italy', 'IT'],
      ['European Union', null],
    ]);
    expect(Object.keys(joint.signatories[0]!.actor).sort()).toEqual(['countryCode', 'id', 'kind', 'name', 'title']);
    expect(Object.keys(joint.sources[0]!.source).sort()).toEqual(['id', 'outlet', 'publishedAt', 'reliability', 'title', 'url']);
    const text = JSON.stringify(view);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(TAG_CANARY);
    expect(text).not.toMatch(/internalNotes|"tags"|"version"|createdBy|updatedBy/);
  });
});

describe('one public reaction', () => {
  it('is the reader’s view of it, with its dossier', async () => {
    const reaction = await getPublicReaction(database.db, scene.dossier.slug, r.erdogan.id);
    expect(reaction).toMatchObject({
      id: r.erdogan.id,
      primaryStance: 'supports_party',
      originalLanguage: 'tr',
      targets: [{ id: scene.parties.azerbaijan.id, name: 'Azerbaijan' }],
      alignments: [
        { party: { id: scene.parties.azerbaijan.id, name: 'Azerbaijan' }, alignment: 'with' },
        { party: { id: scene.parties.armenia.id, name: 'Armenia' }, alignment: 'against' },
      ],
      sources: [{ source: { url: scene.source.url } }],
      dossier: { slug: scene.dossier.slug, title: scene.dossier.title },
    });
    expect(JSON.stringify(reaction)).not.toContain(CANARY);
    expect(JSON.stringify(reaction)).not.toContain(TAG_CANARY);
  });

  it.each([
    ['a reaction without a source', () => [scene.dossier.slug, r.unsourced.id]],
    ['a reaction whose only source was deleted', () => [scene.dossier.slug, r.lostSource.id]],
    ['a deleted reaction', () => [scene.dossier.slug, r.deleted.id]],
    ['a draft dossier’s reaction', () => [draft.dossier.slug, r.draft.id]],
    ['a reaction asked for under another dossier', () => [draft.dossier.slug, r.joint.id]],
    ['an unknown id', () => [scene.dossier.slug, crypto.randomUUID()]],
  ])('is NOT_FOUND for %s', async (_label, target) => {
    const [slug, id] = target();
    const error = await getPublicReaction(database.db, slug!, id!).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('NOT_FOUND');
  });
});

describe('reactions CSV', () => {
  it('public: one row per reaction and signatory, a joint statement’s rows sharing its id, with country codes', async () => {
    const text = await publicCsv(scene.dossier.id, scene.dossier.slug);
    expect(headerOf(text)).toEqual([
      'reaction_id', 'dossier', 'signatory', 'signatory_kind', 'signatory_country_code', 'counts_for', 'counts_for_kind',
      'counts_for_country_code', 'speaker', 'stances', 'primary_stance', 'targets', 'alignment_azerbaijan', 'alignment_armenia',
      'quote', 'original_text', 'original_language', 'paraphrase', 'reacted_at', 'reacted_precision', 'channel', 'source_urls',
    ]);
    const rows = rowsOf(text);
    // 15 public reactions, the joint one with four signatories.
    expect(rows).toHaveLength(18);
    expect(new Set(rows.map((row) => row.reaction_id)).size).toBe(15);
    const joint = rows.filter((row) => row.reaction_id === r.joint.id);
    expect(joint.map((row) => [row.signatory, row.signatory_kind, row.signatory_country_code, row.counts_for_country_code])).toEqual([
      ['France', 'state', 'FR', 'FR'],
      ['Germany', 'state', 'DE', 'DE'],
      ['Italy', 'state', 'IT', 'IT'],
      ['European Union', 'international_organisation', '', ''],
    ]);
    expect(joint[0]).toMatchObject({
      dossier: scene.dossier.slug,
      stances: 'ceasefire',
      primary_stance: 'ceasefire',
      alignment_azerbaijan: 'neutral',
      alignment_armenia: 'neutral',
      quote: 'We call for an immediate cessation of hostilities.',
      reacted_at: '2020-09-27T12:00:00.000Z',
      reacted_precision: 'day',
      channel: 'communique',
      source_urls: scene.source.url,
    });
    expect(rows.find((row) => row.reaction_id === r.macron.id)).toMatchObject({
      signatory: 'Emmanuel Macron',
      signatory_kind: 'person',
      signatory_country_code: '',
      counts_for: 'France',
      counts_for_country_code: 'FR',
      targets: 'Azerbaijan',
      alignment_azerbaijan: 'against',
    });
    expect(rows.find((row) => row.reaction_id === r.guterres.id)).toMatchObject({ counts_for: 'United Nations', speaker: 'Stéphane Dujarric' });
    expect(rows.find((row) => row.reaction_id === r.rama.id)).toMatchObject({ signatory_country_code: '', counts_for: 'OSCE' });
    expect(rows.find((row) => row.reaction_id === r.pope.id)).toMatchObject({ stances: 'sympathy; ceasefire', counts_for: 'Holy See', counts_for_country_code: 'VA', reacted_at: '' });
    expect(rows.find((row) => row.reaction_id === r.putin.id)).toMatchObject({ alignment_armenia: 'with', alignment_azerbaijan: 'neutral' });
    // Earliest first, undated last.
    expect(rows[0]!.reaction_id).toBe(r.armenia.id);
    expect(rows.at(-1)!.reaction_id).toBe(r.pope.id);
  });

  it('public: no tags, internal notes or non-public reactions', async () => {
    const text = await publicCsv(scene.dossier.id, scene.dossier.slug);
    for (const hidden of [CANARY, TAG_CANARY, 'internal_notes', 'tags', 'UNSOURCED-REACTION', 'LOST-SOURCE-REACTION', 'DELETED-REACTION', r.unsourced.id, r.deleted.id]) {
      expect(text).not.toContain(hidden);
    }
    await expect(publicCsv(draft.dossier.id, draft.dossier.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('public: reads the reactions a batch at a time in the same order', async () => {
    const all = [];
    for await (const reaction of iteratePublicReactions(database.db, scene.dossier.id)) all.push(reaction.id);
    const batched = [];
    for await (const reaction of iteratePublicReactions(database.db, scene.dossier.id, 2)) batched.push(reaction.id);
    expect(batched).toEqual(all);
    expect(all).toHaveLength(15);
  });

  it('desk: every field, tags and notes too, one row per signatory, with the table’s filters', async () => {
    const parties = await listAlignmentParties(database.db, scene.dossier.id);
    const desk = (filters: Partial<typeof defaults>) =>
      readCsv(
        csvStream(perSignatory(scene.dossier.slug, iterateDeskReactions(database.db, scene.dossier.id, { ...defaults, ...filters }, 3)), deskReactionColumns(parties)),
      );
    const defaults = reactionFilters.parse({});
    const all = await desk({});
    expect(headerOf(all)).toEqual(
      expect.arrayContaining(['reaction_id', 'alignment_azerbaijan', 'counts_for_overridden', 'tags', 'internal_notes', 'needs_source', 'deleted_at']),
    );
    const rows = rowsOf(all);
    // 15 public + 2 needing a source; the joint reaction has four rows.
    expect(rows).toHaveLength(20);
    expect(all).toContain(`${CANARY} note`);
    expect(rows.find((row) => row.reaction_id === r.joint.id)!.tags).toBe(`${TAG_CANARY}; plain`);
    expect(rows.find((row) => row.reaction_id === r.unsourced.id)).toMatchObject({ needs_source: 'yes', live_source_count: '0', source_urls: '' });
    expect(rows.find((row) => row.reaction_id === r.rama.id)).toMatchObject({ counts_for: 'OSCE', counts_for_overridden: 'yes' });

    const talks = rowsOf(await desk({ stance: ['talks'] }));
    expect(talks.map((row) => row.reaction_id).sort()).toEqual([r.zakharova.id, r.putin.id].sort());
    const deleted = rowsOf(await desk({ deleted: true }));
    expect(deleted.map((row) => row.reaction_id)).toEqual([r.deleted.id]);
    const french = rowsOf(await desk({ actor: [scene.actors.france.id], sort: 'reacted', order: 'asc' }));
    expect(french.map((row) => row.signatory)).toEqual(['France', 'Germany', 'Italy', 'European Union', 'Emmanuel Macron']);
  });

  it('alignment headers: one per party, folded to ASCII, unique', () => {
    expect(
      alignmentHeaders([
        { id: '1', name: 'Azerbaijan' },
        { id: '2', name: 'Nagorno-Karabakh (Artsakh) authorities' },
        { id: '3', name: 'Côte d’Ivoire' },
        { id: '4', name: 'Cote d Ivoire' },
        { id: '5', name: '=== ' },
      ]),
    ).toEqual([
      'alignment_azerbaijan',
      'alignment_nagorno_karabakh_artsakh_authorities',
      'alignment_cote_d_ivoire',
      'alignment_cote_d_ivoire_2',
      'alignment_party_5',
    ]);
  });

  it('fingerprint: null for a draft, changes with a public reaction', async () => {
    expect(await getPublicReactionsFingerprint(database.db, draft.dossier.slug)).toBeNull();
    const before = await getPublicReactionsFingerprint(database.db, scene.dossier.slug);
    expect(before?.dossierId).toBe(scene.dossier.id);
    const late = await createReaction(database.db, users.editor, scene.input([scene.actors.italy.id], { primaryStance: 'concern' }));
    const after = await getPublicReactionsFingerprint(database.db, scene.dossier.slug);
    expect(after!.fingerprint).not.toBe(before!.fingerprint);
    await deleteReaction(database.db, users.editor, { id: late.id, version: late.version });
  });
});

describe('the public procedures', () => {
  it('serve the overview and one reaction to a signed-out reader, without tags or notes', async () => {
    const reader = callerFor(database.db, null);
    const view = await reader.reactions.listPublic({ slug: scene.dossier.slug });
    expect(view.total).toBe(15);
    const byGermany = await reader.reactions.listPublic({ slug: scene.dossier.slug, by: scene.actors.germany.id });
    expect(byGermany.groups[0]!.entities[0]!.reactions).toHaveLength(6);
    const one = await reader.reactions.publicById({ slug: scene.dossier.slug, id: r.joint.id });
    expect(one.signatories).toHaveLength(4);
    expect(one.reactedAt).toEqual(day('2020-09-27T12:00:00Z'));
    for (const text of [JSON.stringify(view), JSON.stringify(byGermany), JSON.stringify(one)]) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(TAG_CANARY);
    }
  });

  it('answer NOT_FOUND for drafts and non-public reactions, BAD_REQUEST for a bad id', async () => {
    const reader = callerFor(database.db, null);
    await expectTrpcError(reader.reactions.listPublic({ slug: draft.dossier.slug }), 'NOT_FOUND');
    await expectTrpcError(reader.reactions.publicById({ slug: scene.dossier.slug, id: r.unsourced.id }), 'NOT_FOUND');
    await expectTrpcError(reader.reactions.publicById({ slug: draft.dossier.slug, id: r.draft.id }), 'NOT_FOUND');
    await expectTrpcError(reader.reactions.listPublic({ slug: scene.dossier.slug, by: 'not-an-id' }), 'BAD_REQUEST');
    await expectTrpcError(reader.reactions.publicById({ slug: scene.dossier.slug, id: 'not-an-id' }), 'BAD_REQUEST');
  });
});
