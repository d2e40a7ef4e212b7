import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createActor } from '@/server/actors/actors.service';
import { actors } from '@/server/actors/schema';
import { auditLog } from '@/server/audit/schema';
import { makeActor, makeDossier, makeParty, makeSource } from '@/server/claims/claims.test-helpers';
import { claimAbout, claims, claimSources } from '@/server/claims/schema';
import { deleteDossier } from '@/server/dossiers/dossiers.service';
import type { Dossier } from '@/server/dossiers/schema';
import { recordExpiredPages } from '@/server/public-cache/public-cache.test-helpers';
import { publicDossierTag } from '@/server/public-cache/tags';
import { reactionActors, reactions, reactionSources } from '@/server/reactions/schema';
import { sources } from '@/server/sources/schema';
import { deleteSource } from '@/server/sources/sources.service';
import { actorInput, callerFor, expectTrpcError, randomId, snapshotDatabase, trpcErrorOf, unique, type Caller } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { ServiceError } from '@/server/errors';
import type { AcceptIntakeFormValues } from './intake.input';
import { sourceTexts } from './schema';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let editor: Caller;
let admin: Caller;
let viewer: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  editor = callerFor(database.db, users.editor);
  admin = callerFor(database.db, users.admin);
  viewer = callerFor(database.db, users.viewer);
});
afterAll(() => database.cleanup());

const ARTICLE = [
  'BAKU, Sept 28 (Reuters) - French President Nicolas Sarkozy urged an immediate ceasefire on Monday.',
  'Azerbaijan’s Defence Ministry said at least 20 Armenian soldiers were injured near Terter.',
].join(' ');
const [SENTENCE_1, SENTENCE_2] = ['French President Nicolas Sarkozy urged an immediate ceasefire on Monday.', 'Azerbaijan’s Defence Ministry said at least 20 Armenian soldiers were injured near Terter.'];

/** A dossier with two parties in the directory (written straight to their table, so no name clashes between tests). */
async function scene(published = false) {
  const dossier = await makeDossier(database.db, users.editor, published);
  const azerbaijan = await makeActor(database.db, { name: unique('Azerbaijan') });
  const armenia = await makeActor(database.db, { name: unique('Armenia') });
  await makeParty(database.db, dossier.id, azerbaijan.id, 0);
  await makeParty(database.db, dossier.id, armenia.id, 1);
  return { dossier, azerbaijan, armenia };
}

const reaction = (overrides: Record<string, unknown> = {}) => ({
  actors: [{ actorRef: 'new:france', countsForRef: null }],
  speakerRef: 'new:sarkozy',
  reactedAt: '2020-09-28',
  reactedPrecision: 'day' as const,
  channel: 'statement' as const,
  primaryStance: 'ceasefire' as const,
  stances: ['ceasefire' as const],
  targets: [],
  alignments: [],
  quote: '',
  originalText: '',
  originalLanguage: '',
  paraphrase: 'Urged an immediate ceasefire.',
  tags: [],
  internalNotes: '',
  excerpt: SENTENCE_1,
  ...overrides,
});

const claim = (claimantRef: string, aboutRefs: string[], overrides: Record<string, unknown> = {}) => ({
  claimantRef,
  aboutRefs,
  statement: 'At least 20 Armenian soldiers were injured near Terter.',
  quoteKind: 'paraphrase' as const,
  category: 'casualties' as const,
  wounded: 20,
  woundedAtLeast: true,
  excerpt: SENTENCE_2,
  ...overrides,
});

/** The whole intake of ARTICLE: a new source, France and Sarkozy (acting for France, declared before it), a reaction and a claim. */
function fullIntake(s: Awaited<ReturnType<typeof scene>>, overrides: Partial<AcceptIntakeFormValues> = {}): AcceptIntakeFormValues {
  const france = unique('France');
  return {
    dossierId: s.dossier.id,
    text: ARTICLE,
    source: {
      kind: 'new',
      fields: {
        url: `https://example.com/${unique('wire')}`,
        title: 'Clashes continue near Terter',
        outlet: 'Reuters',
        author: '',
        kind: 'news_report',
        language: 'en',
        publishedAt: '2020-09-28',
        retrievedAt: null,
        archiveUrl: null,
        reliability: 'B',
        internalNotes: '',
      },
    },
    newActors: [
      { ref: 'new:sarkozy', name: unique('Nicolas Sarkozy'), kind: 'person', countryCode: 'FR', title: 'President', affiliationRef: 'new:france' },
      { ref: 'new:france', name: france, kind: 'state', countryCode: 'FR', title: '' },
    ],
    reactions: [reaction()],
    claims: [claim(s.azerbaijan.id, [s.armenia.id])],
    ...overrides,
  };
}

const auditedCreates = (entityIds: string[]) =>
  database.db
    .select({ entityType: auditLog.entityType, entityId: auditLog.entityId, dossierId: auditLog.dossierId, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(inArray(auditLog.entityId, entityIds), eq(auditLog.action, 'create')))
    .orderBy(asc(auditLog.id));

describe('intake drafts', () => {
  it('keeps one draft per user and dossier: saved, replaced, resumed, discarded; another user’s is separate', async () => {
    const { dossier } = await scene();
    expect(await editor.intake.draft({ dossierId: dossier.id })).toBeNull();

    await editor.intake.saveDraft({ dossierId: dossier.id, state: { text: ARTICLE, ticked: ['r1', 'r2'] } });
    const saved = await editor.intake.saveDraft({ dossierId: dossier.id, state: { text: ARTICLE, ticked: ['r2'] } });
    await admin.intake.saveDraft({ dossierId: dossier.id, state: { text: 'Another article.', ticked: [] } });

    const resumed = await editor.intake.draft({ dossierId: dossier.id });
    expect(resumed).toEqual({ state: { text: ARTICLE, ticked: ['r2'] }, updatedAt: saved.updatedAt });
    expect((await admin.intake.draft({ dossierId: dossier.id }))?.state).toEqual({ text: 'Another article.', ticked: [] });

    expect(await editor.intake.discardDraft({ dossierId: dossier.id })).toEqual({ discarded: true });
    expect(await editor.intake.draft({ dossierId: dossier.id })).toBeNull();
    expect(await editor.intake.discardDraft({ dossierId: dossier.id })).toEqual({ discarded: false });
    expect((await admin.intake.draft({ dossierId: dossier.id }))?.state).toEqual({ text: 'Another article.', ticked: [] });
  });

  it('keeps a draft of the largest allowed size and refuses a bigger one with a 400 naming the state', async () => {
    const { dossier } = await scene();
    const big = { text: 'é'.repeat(999_900) };
    await editor.intake.saveDraft({ dossierId: dossier.id, state: big });
    expect((await editor.intake.draft({ dossierId: dossier.id }))?.state).toEqual(big);
    await expectTrpcError(editor.intake.saveDraft({ dossierId: dossier.id, state: { text: 'x'.repeat(1_000_000) } }), 'BAD_REQUEST', 'state:');
  });

  it('refuses a draft for an unknown or deleted dossier, and hides a deleted dossier’s draft', async () => {
    const { dossier } = await scene();
    await editor.intake.saveDraft({ dossierId: dossier.id, state: { text: ARTICLE } });
    await expectTrpcError(editor.intake.saveDraft({ dossierId: randomId(), state: {} }), 'NOT_FOUND');
    await deleteDossier(database.db, users.editor, { id: dossier.id, version: dossier.version });
    await expectTrpcError(editor.intake.saveDraft({ dossierId: dossier.id, state: {} }), 'NOT_FOUND');
    expect(await editor.intake.draft({ dossierId: dossier.id })).toBeNull();
  });

  it('is an editor’s tool: a viewer may not read, save or discard drafts, analyse or accept', async () => {
    const { dossier } = await scene();
    await expectTrpcError(viewer.intake.draft({ dossierId: dossier.id }), 'FORBIDDEN');
    await expectTrpcError(viewer.intake.saveDraft({ dossierId: dossier.id, state: {} }), 'FORBIDDEN');
    await expectTrpcError(viewer.intake.discardDraft({ dossierId: dossier.id }), 'FORBIDDEN');
    await expectTrpcError(viewer.intake.analyze({ dossierId: dossier.id, text: ARTICLE, publishedOn: null }), 'FORBIDDEN');
    await expectTrpcError(viewer.intake.sourcesWithText({ dossierId: dossier.id }), 'FORBIDDEN');
    await expectTrpcError(viewer.intake.sourceText({ sourceId: randomId() }), 'FORBIDDEN');
    await expectTrpcError(viewer.intake.accept(fullIntake(await scene())), 'FORBIDDEN');
  });
});

describe('accepting an intake', () => {
  const expired = recordExpiredPages();

  it('creates the source with its text, new actors (one acting for another), the reaction and the claim citing the source with their sentences, audited, and ends the draft', async () => {
    const s = await scene(true);
    await editor.intake.saveDraft({ dossierId: s.dossier.id, state: { text: ARTICLE } });
    await admin.intake.saveDraft({ dossierId: s.dossier.id, state: { text: ARTICLE } });
    const input = fullIntake(s);
    expired.reset();
    const result = await editor.intake.accept(input);

    expect(Object.keys(result.actorIds).sort()).toEqual(['new:france', 'new:sarkozy']);
    expect(result.reactionIds).toHaveLength(1);
    expect(result.claimIds).toHaveLength(1);
    const franceId = result.actorIds['new:france']!;
    const sarkozyId = result.actorIds['new:sarkozy']!;

    const [source] = await database.db.select().from(sources).where(eq(sources.id, result.sourceId));
    expect(source).toMatchObject({ dossierId: s.dossier.id, title: 'Clashes continue near Terter', outlet: 'Reuters', createdBy: users.editor.id });
    expect(await editor.intake.sourceText({ sourceId: result.sourceId })).toEqual({ text: ARTICLE });
    expect(await editor.intake.sourcesWithText({ dossierId: s.dossier.id })).toEqual([
      { id: result.sourceId, title: 'Clashes continue near Terter', outlet: 'Reuters', url: source!.url, publishedAt: source!.publishedAt, characters: ARTICLE.length },
    ]);
    // The source's own list does not carry the text.
    const listed = await editor.sources.list({ dossierId: s.dossier.id });
    expect(JSON.stringify(listed)).not.toContain('Terter had');
    expect(listed.items[0]).not.toHaveProperty('text');

    const created = await database.db.select().from(actors).where(inArray(actors.id, [franceId, sarkozyId]));
    const byId = new Map(created.map((row) => [row.id, row]));
    expect(byId.get(franceId)).toMatchObject({ kind: 'state', countryCode: 'FR', affiliationId: null });
    expect(byId.get(sarkozyId)).toMatchObject({ kind: 'person', title: 'President', affiliationId: franceId });

    const reactionId = result.reactionIds[0]!;
    const [savedReaction] = await database.db.select().from(reactions).where(eq(reactions.id, reactionId));
    expect(savedReaction).toMatchObject({ dossierId: s.dossier.id, primaryStance: 'ceasefire', speakerId: sarkozyId, paraphrase: 'Urged an immediate ceasefire.' });
    expect(await database.db.select({ actorId: reactionActors.actorId }).from(reactionActors).where(eq(reactionActors.reactionId, reactionId))).toEqual([{ actorId: franceId }]);
    expect(await database.db.select({ sourceId: reactionSources.sourceId, excerpt: reactionSources.excerpt }).from(reactionSources).where(eq(reactionSources.reactionId, reactionId))).toEqual([
      { sourceId: result.sourceId, excerpt: SENTENCE_1 },
    ]);

    const claimId = result.claimIds[0]!;
    const [savedClaim] = await database.db.select().from(claims).where(eq(claims.id, claimId));
    expect(savedClaim).toMatchObject({ claimantId: s.azerbaijan.id, category: 'casualties', wounded: 20, woundedAtLeast: true });
    expect(await database.db.select({ actorId: claimAbout.actorId }).from(claimAbout).where(eq(claimAbout.claimId, claimId))).toEqual([{ actorId: s.armenia.id }]);
    expect(await database.db.select({ sourceId: claimSources.sourceId, excerpt: claimSources.excerpt }).from(claimSources).where(eq(claimSources.claimId, claimId))).toEqual([
      { sourceId: result.sourceId, excerpt: SENTENCE_2 },
    ]);

    // One audit entry per record, by the editor; the dossier's records name the dossier.
    const entries = await auditedCreates([result.sourceId, franceId, sarkozyId, reactionId, claimId]);
    expect(entries.map((entry) => [entry.entityType, entry.entityId, entry.dossierId, entry.actorId])).toEqual(
      expect.arrayContaining([
        ['source', result.sourceId, s.dossier.id, users.editor.id],
        ['actor', franceId, null, users.editor.id],
        ['actor', sarkozyId, null, users.editor.id],
        ['reaction', reactionId, s.dossier.id, users.editor.id],
        ['claim', claimId, s.dossier.id, users.editor.id],
      ]),
    );
    expect(entries).toHaveLength(5);
    // Readers' cached pages of the (published) dossier are expired.
    expect(expired.tags()).toContain(publicDossierTag(s.dossier.id));

    // The editor's draft ended with the accept; the admin's draft of the same dossier stays.
    expect(await editor.intake.draft({ dossierId: s.dossier.id })).toBeNull();
    expect(await admin.intake.draft({ dossierId: s.dossier.id })).not.toBeNull();
  });

  it('leaves nothing behind when a late record fails, names it and its field, and keeps the draft', async () => {
    const s = await scene();
    await editor.intake.saveDraft({ dossierId: s.dossier.id, state: { text: ARTICLE } });
    const before = await snapshotDatabase(database.db);
    const input = fullIntake(s, {
      claims: [claim(s.azerbaijan.id, [s.armenia.id]), claim(randomId(), [], { statement: 'A second claim.' })],
    });
    const error = await expectTrpcError(editor.intake.accept(input), 'BAD_REQUEST', 'claims.1.claimantRef: Claim 2: The claimant must be an actor in the directory');
    expect((error.cause as ServiceError).details).toMatchObject({ field: 'claims.1.claimantRef', item: 'Claim 2' });
    expect(await snapshotDatabase(database.db)).toEqual(before);
    expect(await editor.intake.draft({ dossierId: s.dossier.id })).not.toBeNull();
  });

  it('names the reaction and the field a service refuses (no quote or paraphrase; a signatory not in the directory)', async () => {
    const s = await scene();
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(
      editor.intake.accept(fullIntake(s, { reactions: [reaction(), reaction({ paraphrase: '', quote: '' })] })),
      'BAD_REQUEST',
      'reactions.1.paraphrase: Reaction 2: A reaction needs a quote or a paraphrase.',
    );
    await expectTrpcError(
      editor.intake.accept(fullIntake(s, { reactions: [reaction({ actors: [{ actorRef: randomId(), countsForRef: null }] })] })),
      'NOT_FOUND',
      'reactions.0.actors.0.actorRef: Reaction 1: The signatory was not found in the actor directory.',
    );
    await expectTrpcError(
      editor.intake.accept(fullIntake(s, { reactions: [reaction({ targets: [randomId()] })] })),
      'BAD_REQUEST',
      'reactions.0.targets: Reaction 1:',
    );
    expect(await snapshotDatabase(database.db)).toEqual(before);
  });

  it('cites an existing source of the dossier, keeping the text it already holds', async () => {
    const s = await scene();
    const existing = await makeSource(database.db, users.editor, s.dossier.id);
    const first = await editor.intake.accept({
      ...fullIntake(s, { newActors: [], reactions: [] }),
      source: { kind: 'existing', sourceId: existing.id },
    });
    expect(first).toEqual({ sourceId: existing.id, actorIds: {}, reactionIds: [], claimIds: [expect.any(String)] });
    expect(await editor.intake.sourceText({ sourceId: existing.id })).toEqual({ text: ARTICLE });

    await editor.intake.accept({
      ...fullIntake(s, { newActors: [], reactions: [], text: 'A later reading of the same article.' }),
      source: { kind: 'existing', sourceId: existing.id },
    });
    expect(await editor.intake.sourceText({ sourceId: existing.id })).toEqual({ text: ARTICLE });
    expect(await database.db.select().from(sources).where(eq(sources.dossierId, s.dossier.id))).toHaveLength(1);
  });

  it('refuses a source of another dossier or a deleted one, and then hides its text', async () => {
    const s = await scene();
    const other = await scene();
    const foreign = await makeSource(database.db, users.editor, other.dossier.id);
    const intake = (sourceId: string) => ({ ...fullIntake(s, { newActors: [], reactions: [] }), source: { kind: 'existing' as const, sourceId } });
    await expectTrpcError(editor.intake.accept(intake(foreign.id)), 'NOT_FOUND', 'source.sourceId: Source:');
    await expectTrpcError(editor.intake.accept(intake(randomId())), 'NOT_FOUND', 'source.sourceId: Source:');

    const kept = await makeSource(database.db, users.editor, s.dossier.id);
    await editor.intake.accept(intake(kept.id));
    await deleteSource(database.db, users.editor, { id: kept.id, version: kept.version });
    await expectTrpcError(editor.intake.accept(intake(kept.id)), 'NOT_FOUND', 'source.sourceId: Source:');
    expect(await editor.intake.sourceText({ sourceId: kept.id })).toBeNull();
    expect(await editor.intake.sourcesWithText({ dossierId: s.dossier.id })).toEqual([]);
    expect(await database.db.select().from(sourceTexts).where(eq(sourceTexts.sourceId, kept.id))).toHaveLength(1);
  });

  it('answers a URL already logged in the dossier with CONFLICT naming the source, and creates nothing', async () => {
    const s = await scene();
    const logged = await makeSource(database.db, users.editor, s.dossier.id, { url: 'https://example.com/wire/terter', title: 'Already here' });
    const input = fullIntake(s);
    if (input.source.kind !== 'new') throw new Error('expected a new source');
    input.source.fields.url = 'https://EXAMPLE.com/wire/terter/';
    const before = await snapshotDatabase(database.db);
    const error = await expectTrpcError(editor.intake.accept(input), 'CONFLICT', 'source.fields.url: Source: This document is already logged in this dossier as “Already here”.');
    expect((error.cause as ServiceError).details).toMatchObject({ duplicateOfId: logged.id, field: 'source.fields.url' });
    expect(await snapshotDatabase(database.db)).toEqual(before);
  });

  it('refuses a proposed actor whose name the directory already has (CONFLICT naming it), so the editor picks the existing one', async () => {
    const s = await scene();
    const existing = await createActor(database.db, users.editor, actorInput({ name: unique('Emmanuel Macron') }));
    const input = fullIntake(s, {
      newActors: [
        { ref: 'new:france', name: unique('France'), kind: 'state', countryCode: 'FR' },
        { ref: 'new:macron', name: existing.name.toUpperCase(), kind: 'person', affiliationRef: 'new:france' },
      ],
      reactions: [reaction({ actors: [{ actorRef: 'new:macron', countsForRef: null }], speakerRef: null })],
    });
    const before = await snapshotDatabase(database.db);
    const error = await expectTrpcError(editor.intake.accept(input), 'CONFLICT', `newActors.1.name: New actor 2 (“${existing.name.toUpperCase()}”): The directory already has “${existing.name}”`);
    expect((error.cause as ServiceError).details).toMatchObject({ duplicates: [{ id: existing.id, name: existing.name }] });
    expect(await snapshotDatabase(database.db)).toEqual(before);
  });

  it('refuses new actors whose affiliations go round in a circle, and an affiliation not in the directory', async () => {
    const s = await scene();
    const [a, b] = [unique('A'), unique('B')];
    await expectTrpcError(
      editor.intake.accept(
        fullIntake(s, {
          newActors: [
            { ref: 'new:a', name: a, kind: 'international_organisation', affiliationRef: 'new:b' },
            { ref: 'new:b', name: b, kind: 'international_organisation', affiliationRef: 'new:a' },
          ],
          reactions: [],
        }),
      ),
      'BAD_REQUEST',
      `newActors.0.affiliationRef: New actor 1 (“${a}”): Affiliations cannot go round in a circle.`,
    );
    await expectTrpcError(
      editor.intake.accept(fullIntake(s, { newActors: [{ ref: 'new:a', name: a, kind: 'international_organisation', affiliationRef: randomId() }], reactions: [] })),
      'BAD_REQUEST',
      `newActors.0.affiliationRef: New actor 1 (“${a}”): The affiliation is not in the directory`,
    );
  });

  it('refuses refs that no new actor declares, before anything runs (400 with the path)', async () => {
    const s = await scene();
    const error = await expectTrpcError(
      editor.intake.accept(fullIntake(s, { reactions: [reaction({ actors: [{ actorRef: 'new:germany', countsForRef: null }] })] })),
      'BAD_REQUEST',
    );
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['reactions.0.actors.0.actorRef', 'new:germany is not among the new actors'],
    ]);
    await expectTrpcError(editor.intake.accept({ ...fullIntake(s), newActors: [], reactions: [], claims: [] }), 'BAD_REQUEST', 'Tick at least one suggestion');
  });

  it('answers NOT_FOUND for a deleted or unknown dossier', async () => {
    const s = await scene();
    const input = fullIntake(s);
    await expectTrpcError(editor.intake.accept({ ...input, dossierId: randomId() }), 'NOT_FOUND', 'Dossier not found.');
    const deleted: Dossier = await deleteDossier(database.db, users.editor, { id: s.dossier.id, version: s.dossier.version });
    await expectTrpcError(editor.intake.accept({ ...input, dossierId: deleted.id }), 'NOT_FOUND', 'Dossier not found.');
  });

  it('never answers 500 to odd but well-formed input', async () => {
    const s = await scene();
    const person = await makeActor(database.db, { kind: 'person' });
    const odd: Array<Partial<AcceptIntakeFormValues>> = [
      // A signatory counting for a person (only states and organisations can be counted for).
      { reactions: [reaction({ actors: [{ actorRef: 'new:france', countsForRef: person.id }] })] },
      // The speaker is also a signatory.
      { reactions: [reaction({ speakerRef: 'new:france' })] },
      // A claim about an unknown actor.
      { claims: [claim(s.azerbaijan.id, [randomId()])] },
      // Said-at in the future.
      { claims: [claim(s.azerbaijan.id, [], { saidAt: '2999-01-01' })] },
      // The same new actor twice in a reaction.
      { reactions: [reaction({ actors: [{ actorRef: 'new:france' }, { actorRef: 'new:france' }] })] },
    ];
    for (const overrides of odd) {
      const error = await trpcErrorOf(editor.intake.accept(fullIntake(s, overrides)));
      expect(error?.code, JSON.stringify(overrides)).toMatch(/^(BAD_REQUEST|NOT_FOUND)$/);
    }
  });
});
