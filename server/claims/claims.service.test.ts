import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors } from '@/server/actors/schema';
import { auditLog } from '@/server/audit/schema';
import { deleteDossier } from '@/server/dossiers/dossiers.service';
import { deleteSource } from '@/server/sources/sources.service';
import { callerFor, claimInput, expectTrpcError, type Caller } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { claimFilters, type CreateClaimInput } from './claims.input';
import { makeActor, makeDossier, makeParty, makeSource } from './claims.test-helpers';
import { claimCorrections } from './schema';

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

/** A dossier with two parties (Azerbaijan, Armenia), a spokesman of Azerbaijan's defence ministry, and a source. */
async function scene(published = false) {
  const dossier = await makeDossier(database.db, users.editor, published);
  const azerbaijan = await makeActor(database.db, { name: 'Azerbaijan' });
  const armenia = await makeActor(database.db, { name: 'Armenia' });
  const ministry = await makeActor(database.db, { name: 'Ministry of Defence of Azerbaijan', kind: 'government_body', affiliationId: azerbaijan.id });
  const spokesman = await makeActor(database.db, { name: 'Vagif Dargahli', kind: 'person', affiliationId: ministry.id });
  const un = await makeActor(database.db, { name: 'United Nations', kind: 'international_organisation' });
  await makeParty(database.db, dossier.id, azerbaijan.id, 0);
  await makeParty(database.db, dossier.id, armenia.id, 1);
  const source = await makeSource(database.db, users.editor, dossier.id, { url: `https://example.com/${dossier.slug}` });
  const claim = (overrides: Partial<CreateClaimInput>) =>
    editor.claims.create(claimInput(dossier.id, { claimantId: azerbaijan.id, sources: [{ sourceId: source.id, excerpt: '' }], ...overrides }));
  return { dossier, azerbaijan, armenia, ministry, spokesman, un, source, claim };
}

const list = (dossierId: string, filters: Record<string, unknown> = {}) =>
  viewer.claims.list({ dossierId, ...filters, limit: 200 }).then((page) => page.items.map((item) => item.statement));

describe('claims: create, read, update, delete, restore', () => {
  it('stores a claim with its about actors, sources with excerpts and relations, and audits the child rows too', async () => {
    const { dossier, azerbaijan, armenia, spokesman, source, claim } = await scene();
    const accusation = await claim({ statement: 'Armenian forces violated the ceasefire', claimantId: spokesman.id, about: [armenia.id] });
    const counter = await editor.claims.create(
      claimInput(dossier.id, {
        claimantId: armenia.id,
        about: [azerbaijan.id],
        statement: 'Azerbaijan attacked first',
        quote: 'Azerbaijan launched an offensive along the line of contact.',
        quoteKind: 'verbatim',
        saidAt: new Date('2020-09-27T08:00:00Z'),
        category: 'ceasefire_violation',
        killed: 16,
        killedAtLeast: true,
        credibility: 3,
        tags: ['offensive', 'offensive', 'line of contact'],
        internalNotes: 'Paraphrased from public record.',
        sources: [{ sourceId: source.id, excerpt: 'the Armenian side said' }],
        relations: [{ kind: 'counters', toClaimId: accusation.id }],
      }),
    );
    expect(counter).toMatchObject({ version: 1, killed: 16, killedAtLeast: true, tags: ['offensive', 'line of contact'], createdBy: users.editor.id });
    expect(counter).not.toHaveProperty('searchVector');

    const details = await viewer.claims.byId({ id: counter.id });
    expect(details.claimant).toMatchObject({ id: armenia.id, name: 'Armenia', affiliation: null });
    expect(details.party).toEqual({ id: armenia.id, name: 'Armenia' });
    expect(details.about.map((actor) => actor.name)).toEqual(['Azerbaijan']);
    expect(details.sources).toEqual([{ source: expect.objectContaining({ id: source.id, deletedAt: null }), excerpt: 'the Armenian side said' }]);
    expect(details.needsSource).toBe(false);
    expect(details.relations.outgoing).toEqual([
      { kind: 'counters', claim: expect.objectContaining({ id: accusation.id, statement: 'Armenian forces violated the ceasefire', claimantName: 'Vagif Dargahli', deleted: false }) },
    ]);

    // The thread from the other side: the accusation is countered by the counterclaim; the spokesman counts for Azerbaijan.
    const accused = await viewer.claims.byId({ id: accusation.id });
    expect(accused.party).toEqual({ id: azerbaijan.id, name: 'Azerbaijan' });
    expect(accused.claimant.affiliation).toMatchObject({ name: 'Ministry of Defence of Azerbaijan' });
    expect(accused.relations.incoming).toEqual([{ kind: 'counters', claim: expect.objectContaining({ id: counter.id, claimantName: 'Armenia' }) }]);

    const [created] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'claim'), eq(auditLog.entityId, counter.id)));
    expect(created).toMatchObject({ action: 'create', dossierId: dossier.id, actorId: users.editor.id });
    expect(created!.changes).toMatchObject({
      statement: { before: null, after: 'Azerbaijan attacked first' },
      about: { before: [], after: ['Azerbaijan'] },
      sources: { before: [], after: [`${source.title}: “the Armenian side said”`] },
      relations: { before: [], after: ['counters “Armenian forces violated the ceasefire”'] },
    });
    expect(created!.changes).not.toHaveProperty('searchVector');

    const updated = await editor.claims.update({
      ...claimInput(dossier.id, { ...counter, about: [], sources: [], relations: [] }),
      id: counter.id,
      version: counter.version,
    });
    expect(updated.version).toBe(2);
    const [, change] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'claim'), eq(auditLog.entityId, counter.id)))
      .orderBy(auditLog.id);
    expect(change!.changes).toEqual({
      about: { before: ['Azerbaijan'], after: [] },
      sources: { before: [`${source.title}: “the Armenian side said”`], after: [] },
      relations: { before: ['counters “Armenian forces violated the ceasefire”'], after: [] },
    });
    expect((await viewer.claims.byId({ id: counter.id })).needsSource).toBe(true);
  });

  it('refuses a stale version (someone else saved first)', async () => {
    const { dossier, claim } = await scene();
    const first = await claim({ statement: 'Terter under fire since the morning' });
    await editor.claims.update({ ...claimInput(dossier.id, { ...first, statement: 'Terter under fire since 28 September' }), id: first.id, version: 1 });
    await expectTrpcError(
      editor.claims.update({ ...claimInput(dossier.id, { ...first, statement: 'Something else' }), id: first.id, version: 1 }),
      'CONFLICT',
      'This claim was changed by someone else',
    );
    await expectTrpcError(editor.claims.delete({ id: first.id, version: 1 }), 'CONFLICT');
    expect((await viewer.claims.byId({ id: first.id })).statement).toBe('Terter under fire since 28 September');
  });

  it('validates input with a message per field (400, never 500)', async () => {
    const { dossier, azerbaijan } = await scene();
    const base = claimInput(dossier.id, { claimantId: azerbaijan.id });
    const error = await expectTrpcError(editor.claims.create({ ...base, killed: -1 }), 'BAD_REQUEST');
    expect(error.message).toBe('killed: Killed cannot be negative');
    await expectTrpcError(editor.claims.create({ ...base, wounded: 10_000_001 }), 'BAD_REQUEST', 'wounded: Wounded must be at most 10,000,000');
    await expectTrpcError(editor.claims.create({ ...base, displaced: 2.5 }), 'BAD_REQUEST', 'displaced: Displaced must be a whole number');
    await expectTrpcError(editor.claims.create({ ...base, credibility: 7 }), 'BAD_REQUEST', 'credibility: Credibility must be a grade from 1 to 6');
    await expectTrpcError(editor.claims.create({ ...base, statement: '  ' }), 'BAD_REQUEST', 'statement: Statement is required');
    await expectTrpcError(editor.claims.create({ ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), 'BAD_REQUEST', 'tags: A claim can have at most 20 tags');
    await expectTrpcError(editor.claims.create({ ...base, tags: ['x'.repeat(61)] }), 'BAD_REQUEST', 'tags.0: Tag must be at most 60 characters');
    await expectTrpcError(
      editor.claims.create({ ...base, saidAt: new Date(Date.now() + 3 * 86_400_000) }),
      'BAD_REQUEST',
      'saidAt: Said at cannot be in the future',
    );
    await expectTrpcError(
      editor.claims.create({ ...base, sources: [{ sourceId: base.claimantId, excerpt: 'x'.repeat(5001) }] }),
      'BAD_REQUEST',
      'sources.0.excerpt: Excerpt must be at most 5000 characters',
    );
    await expectTrpcError(viewer.claims.list({ dossierId: dossier.id, saidFrom: '2020-02-30' }), 'BAD_REQUEST', 'saidFrom: Said from must be a real date');
    await expectTrpcError(viewer.claims.list({ dossierId: dossier.id, saidFrom: '2020-10-02', saidTo: '2020-10-01' }), 'BAD_REQUEST', 'saidTo:');
  });

  it('refuses references that are not live or not of this dossier', async () => {
    const { dossier, azerbaijan, claim } = await scene();
    const other = await scene();
    const gone = await makeActor(database.db, { name: 'Gone' });
    await database.db.update(actors).set({ deletedAt: new Date() }).where(eq(actors.id, gone.id));
    const base = claimInput(dossier.id, { claimantId: azerbaijan.id });
    await expectTrpcError(editor.claims.create({ ...base, claimantId: gone.id }), 'BAD_REQUEST', 'claimantId:');
    await expectTrpcError(editor.claims.create({ ...base, about: [gone.id] }), 'BAD_REQUEST', 'about:');
    await expectTrpcError(editor.claims.create({ ...base, sources: [{ sourceId: other.source.id, excerpt: '' }] }), 'BAD_REQUEST', 'sources: A claim can only cite sources logged in its own dossier');
    const deletedSource = await makeSource(database.db, users.editor, dossier.id);
    await deleteSource(database.db, users.editor, { id: deletedSource.id, version: deletedSource.version });
    await expectTrpcError(editor.claims.create({ ...base, sources: [{ sourceId: deletedSource.id, excerpt: '' }] }), 'BAD_REQUEST', 'sources: “');
    // A source deleted after it was cited does not block editing the claim.
    const cited = await makeSource(database.db, users.editor, dossier.id);
    const citing = await claim({ sources: [{ sourceId: cited.id, excerpt: 'kept' }] });
    await deleteSource(database.db, users.editor, { id: cited.id, version: cited.version });
    const edited = await editor.claims.update({ ...claimInput(dossier.id, { ...citing, place: 'Terter', sources: [{ sourceId: cited.id, excerpt: 'kept' }] }), id: citing.id, version: citing.version });
    expect(edited.place).toBe('Terter');
  });
});

describe('claims: relations', () => {
  it('refuses a relation to itself and to a claim of another dossier', async () => {
    const { dossier, claim } = await scene();
    const foreign = await (await scene()).claim({ statement: 'Elsewhere' });
    const own = await claim({ statement: 'Here' });
    await expectTrpcError(
      editor.claims.update({ ...claimInput(dossier.id, { ...own, relations: [{ kind: 'counters', toClaimId: own.id }] }), id: own.id, version: own.version }),
      'BAD_REQUEST',
      'relations: A claim cannot relate to itself.',
    );
    await expectTrpcError(claim({ relations: [{ kind: 'counters', toClaimId: foreign.id }] }), 'BAD_REQUEST', 'relations: A claim can only relate to claims of the same dossier.');
    await expectTrpcError(
      editor.claims.update({ ...claimInput(dossier.id, { ...own, relations: [{ kind: 'updates', toClaimId: foreign.id }] }), id: own.id, version: own.version }),
      'BAD_REQUEST',
      'relations: A claim can only relate to claims of the same dossier.',
    );
    expect((await viewer.claims.byId({ id: own.id })).relations).toEqual({ outgoing: [], incoming: [] });
  });

  it('deleting a claim keeps its partner and shows the link as removed; restoring brings it back', async () => {
    const { dossier, armenia, claim } = await scene();
    const accusation = await claim({ statement: 'The village was shelled' });
    const counter = await claim({ statement: 'No shelling took place', claimantId: armenia.id, relations: [{ kind: 'counters', toClaimId: accusation.id }] });
    const deleted = await editor.claims.delete({ id: accusation.id, version: accusation.version });
    expect(deleted.deletedAt).toBeInstanceOf(Date);

    const partner = await viewer.claims.byId({ id: counter.id });
    expect(partner.deletedAt).toBeNull();
    expect(partner.relations.outgoing).toEqual([{ kind: 'counters', claim: expect.objectContaining({ id: accusation.id, deleted: true }) }]);
    expect(await list(dossier.id)).toEqual(['No shelling took place']);
    const [item] = (await viewer.claims.list({ dossierId: dossier.id, limit: 10 })).items;
    expect(item!.relationCounts.counters).toBe(0);
    expect(await list(dossier.id, { deleted: true })).toEqual(['The village was shelled']);

    // Editing the partner keeps the link to the deleted claim (it was there before).
    await editor.claims.update({ ...claimInput(dossier.id, { ...counter, place: 'Martuni', relations: [{ kind: 'counters', toClaimId: accusation.id }] }), id: counter.id, version: counter.version });
    // A new link to a deleted claim is refused.
    await expectTrpcError(claim({ relations: [{ kind: 'corroborates', toClaimId: accusation.id }] }), 'BAD_REQUEST', 'relations: A related claim was deleted');

    await editor.claims.restore({ id: accusation.id, version: deleted.version });
    const restored = await viewer.claims.byId({ id: accusation.id });
    expect(restored.relations.incoming).toEqual([{ kind: 'counters', claim: expect.objectContaining({ id: counter.id, deleted: false }) }]);
  });

  it("freezes a deleted dossier's claims", async () => {
    const { dossier, claim } = await scene();
    const frozen = await claim({ statement: 'Frozen' });
    await deleteDossier(database.db, users.editor, { id: dossier.id, version: dossier.version });
    await expectTrpcError(editor.claims.delete({ id: frozen.id, version: frozen.version }), 'NOT_FOUND', 'This claim’s dossier was deleted');
    await expectTrpcError(claim({ statement: 'New' }), 'NOT_FOUND', 'Dossier not found.');
  });
});

describe('claims: corrections log', () => {
  it('a published dossier needs a public note to change statement, status or figures; a draft does not', async () => {
    const draft = await scene(false);
    const inDraft = await draft.claim({ statement: 'Two tanks destroyed', equipmentDestroyed: 2 });
    const free = await editor.claims.update({ ...claimInput(draft.dossier.id, { ...inDraft, equipmentDestroyed: 3, status: 'disputed' }), id: inDraft.id, version: 1 });
    expect(free.equipmentDestroyed).toBe(3);

    const { dossier, claim } = await scene(true);
    const published = await claim({ statement: 'Two tanks destroyed', equipmentDestroyed: 2 });
    // Place, notes and tags are not corrections.
    const quiet = await editor.claims.update({ ...claimInput(dossier.id, { ...published, place: 'Fuzuli', internalNotes: 'checked', tags: ['armour'] }), id: published.id, version: 1 });
    for (const change of [{ statement: 'Three tanks destroyed' }, { status: 'false' as const }, { equipmentDestroyed: 3 }, { equipmentDestroyedAtLeast: true }, { killed: 1 }]) {
      const error = await expectTrpcError(
        editor.claims.update({ ...claimInput(dossier.id, { ...quiet, ...change }), id: published.id, version: quiet.version }),
        'BAD_REQUEST',
        'correction: This dossier is published',
      );
      expect(error.message).toContain('correction');
    }
    await expectTrpcError(
      editor.claims.update({ ...claimInput(dossier.id, { ...quiet, equipmentDestroyed: 3 }), id: published.id, version: quiet.version, correction: { kind: 'update', note: ' ' } }),
      'BAD_REQUEST',
      'correction.note: Correction note is required',
    );
    const corrected = await editor.claims.update({
      ...claimInput(dossier.id, { ...quiet, equipmentDestroyed: 3 }),
      id: published.id,
      version: quiet.version,
      correction: { kind: 'update', note: 'The ministry revised the figure to three tanks.' },
    });
    expect(corrected.equipmentDestroyed).toBe(3);
    const details = await viewer.claims.byId({ id: published.id });
    expect(details.corrections).toEqual([expect.objectContaining({ kind: 'update', note: 'The ministry revised the figure to three tanks.', createdAt: expect.any(Date) })]);
    expect(await database.db.select().from(claimCorrections).where(eq(claimCorrections.claimId, published.id))).toHaveLength(1);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, published.id)).orderBy(auditLog.id);
    expect(audits.at(-1)!.changes).toEqual({
      equipmentDestroyed: { before: 2, after: 3 },
      correction: { before: null, after: 'update: The ministry revised the figure to three tanks.' },
    });
  });
});

describe('claims: desk list', () => {
  it('finds by full-text search with English stemming, over statement, quote and notes', async () => {
    const { dossier, claim } = await scene();
    await claim({ statement: 'Residential areas of Terter were shelled' });
    await claim({ statement: 'Drone strike on a convoy', quote: 'Our drones destroyed the column' });
    await claim({ statement: 'Ceasefire holds', internalNotes: 'Ask the fixer about artillery positions' });
    expect(await list(dossier.id, { search: 'shelling' })).toEqual(['Residential areas of Terter were shelled']);
    expect(await list(dossier.id, { search: 'destroying columns' })).toEqual(['Drone strike on a convoy']);
    expect(await list(dossier.id, { search: 'artillery' })).toEqual(['Ceasefire holds']);
    expect(await list(dossier.id, { search: '"terter shelled" -drone' })).toEqual([]);
    expect(await list(dossier.id, { search: 'terter -drone' })).toEqual(['Residential areas of Terter were shelled']);
    // Operators a user may type by accident are not errors.
    expect(await list(dossier.id, { search: '!!! & | :* (' })).toEqual([]);
    expect(await viewer.claims.count({ dossierId: dossier.id, search: 'shell' })).toBe(1);
  });

  it('filters by party (spokesmen count for their state), about, status, category, dates and needs-source', async () => {
    const { dossier, azerbaijan, armenia, spokesman, un, claim } = await scene();
    await claim({ statement: 'A', claimantId: spokesman.id, about: [armenia.id], status: 'disputed', category: 'casualties', saidAt: new Date('2020-09-27T06:00:00Z') });
    await claim({ statement: 'B', claimantId: armenia.id, about: [azerbaijan.id], saidAt: new Date('2020-09-28T23:30:00Z') });
    await claim({ statement: 'C', claimantId: un.id, sources: [], saidAt: null });
    expect(await list(dossier.id, { party: [azerbaijan.id], sort: 'said', order: 'asc' })).toEqual(['A']);
    expect(await list(dossier.id, { party: [armenia.id, azerbaijan.id], sort: 'said', order: 'asc' })).toEqual(['A', 'B']);
    expect(await list(dossier.id, { party: [un.id] })).toEqual([]);
    expect(await list(dossier.id, { about: [armenia.id] })).toEqual(['A']);
    expect(await list(dossier.id, { status: ['disputed', 'false'] })).toEqual(['A']);
    expect(await list(dossier.id, { category: ['casualties'] })).toEqual(['A']);
    expect(await list(dossier.id, { saidFrom: '2020-09-28' })).toEqual(['B']);
    expect(await list(dossier.id, { saidFrom: '2020-09-27', saidTo: '2020-09-27' })).toEqual(['A']);
    expect(await list(dossier.id, { needsSource: true })).toEqual(['C']);
    const items = (await viewer.claims.list({ dossierId: dossier.id, sort: 'said', order: 'desc', limit: 10 })).items;
    // Latest said first, undated last.
    expect(items.map((item) => [item.statement, item.party?.name ?? null, item.needsSource, item.sourceCount])).toEqual([
      ['B', 'Armenia', false, 1],
      ['A', 'Azerbaijan', false, 1],
      ['C', null, true, 0],
    ]);
    expect(items[1]!.about).toEqual([{ id: armenia.id, name: 'Armenia' }]);
    expect(items[1]!.claimant).toEqual({ id: spokesman.id, name: 'Vagif Dargahli' });
    expect(await viewer.claims.count({ dossierId: dossier.id, ...claimFilters.parse({ needsSource: true }) })).toBe(1);
  });

  it('pages through every sort with keyset cursors: no row repeated or skipped', async () => {
    const { dossier, claim } = await scene();
    const statuses = ['unverified', 'disputed', 'false'] as const;
    for (let i = 0; i < 9; i++) {
      await claim({
        statement: `Claim ${i}`,
        status: statuses[i % 3],
        category: i % 2 ? 'casualties' : 'other',
        saidAt: i % 4 === 0 ? null : new Date(Date.UTC(2020, 8, 27 + (i % 3))),
        occurredAt: i % 3 === 0 ? null : new Date(Date.UTC(2020, 8, 20 + i)),
      });
    }
    for (const sort of ['said', 'occurred', 'created', 'status', 'category'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const all = await list(dossier.id, { sort, order });
        const paged: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: Array<{ statement: string }>; nextCursor: string | null } = await viewer.claims.list({ dossierId: dossier.id, sort, order, cursor, limit: 2 });
          paged.push(...page.items.map((item) => item.statement));
          cursor = page.nextCursor;
        } while (cursor);
        expect(paged, `${sort} ${order}`).toEqual(all);
        expect(new Set(paged).size).toBe(9);
      }
    }
    await expectTrpcError(viewer.claims.list({ dossierId: dossier.id, cursor: 'garbage', limit: 2 }), 'BAD_REQUEST', 'cursor:');
  });
});
