import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream } from '@/server/csv/csv';
import { setDossierPublished } from '@/server/dossiers/dossiers.service';
import { deleteSource } from '@/server/sources/sources.service';
import { callerFor, claimInput, expectTrpcError, readCsv, type Caller } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { claimReviewJsonLd, jsonLdScript, verdictTexts } from './claim-review';
import { deskClaimColumns, publicClaimColumns } from './claims.csv';
import { claimFilters, type CreateClaimInput } from './claims.input';
import { verificationStatusLabels } from './claims.labels';
import { getPublicClaimsFingerprint, iteratePublicClaims, listPublicClaimsByDay } from './claims.public';
import { iterateClaims } from './claims.service';
import { makeActor, makeDossier, makeParty, makeSource } from './claims.test-helpers';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let editor: Caller;
let reader: Caller;

const CANARY = 'CANARY-7f3a-internal-only';

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  editor = callerFor(database.db, users.editor);
  reader = callerFor(database.db, null);
});
afterAll(() => database.cleanup());

/**
 * A published dossier: Azerbaijan (its defence ministry speaking) and Armenia as parties, the UN as "other"; a claim
 * and its counterclaim, one claim without a source, one whose only source was deleted, one deleted, one undated.
 * Every internal-notes field (claims, sources, actors) carries the canary.
 */
async function publishedScene() {
  const dossier = await makeDossier(database.db, users.editor, true);
  const azerbaijan = await makeActor(database.db, { name: 'Azerbaijan', internalNotes: CANARY });
  const armenia = await makeActor(database.db, { name: 'Armenia', internalNotes: CANARY });
  const ministry = await makeActor(database.db, { name: 'Ministry of Defence of Azerbaijan', kind: 'government_body', affiliationId: azerbaijan.id, internalNotes: CANARY });
  const un = await makeActor(database.db, { name: 'United Nations', kind: 'international_organisation', internalNotes: CANARY });
  await makeParty(database.db, dossier.id, armenia.id, 1);
  await makeParty(database.db, dossier.id, azerbaijan.id, 0);
  const article = await makeSource(database.db, users.editor, dossier.id, {
    url: 'https://www.aljazeera.com/news/2020/9/27/example',
    title: 'Fighting erupts',
    publishedAt: new Date('2020-09-27T10:00:00Z'),
    internalNotes: CANARY,
  });
  const record = await makeSource(database.db, users.editor, dossier.id, { url: null, title: 'Armenian statement (public record)', internalNotes: CANARY });
  const doomed = await makeSource(database.db, users.editor, dossier.id, { url: 'https://example.com/gone', title: 'Gone', internalNotes: CANARY });
  const create = (overrides: Partial<CreateClaimInput>) =>
    editor.claims.create(claimInput(dossier.id, { claimantId: ministry.id, internalNotes: CANARY, sources: [{ sourceId: article.id, excerpt: 'Terter had been under fire' }], ...overrides }));

  const accusation = await create({
    statement: 'Armenian forces violated the ceasefire',
    about: [armenia.id],
    saidAt: new Date('2020-09-27T06:00:00Z'),
    category: 'ceasefire_violation',
    status: 'disputed',
    statusExplanation: 'Each side blames the other; no independent observer was present.',
  });
  const counter = await create({
    statement: 'Azerbaijan attacked first',
    claimantId: armenia.id,
    about: [azerbaijan.id],
    saidAt: new Date('2020-09-27T09:00:00Z'),
    category: 'ceasefire_violation',
    sources: [{ sourceId: record.id, excerpt: '' }],
    relations: [{ kind: 'counters', toClaimId: accusation.id }],
  });
  const unsourced = await create({
    statement: `Unsourced claim ${CANARY}-statement`,
    saidAt: new Date('2020-09-28T06:00:00Z'),
    sources: [],
    relations: [{ kind: 'counters', toClaimId: counter.id }],
  });
  const lostSource = await create({ statement: 'Lost its only source', saidAt: new Date('2020-09-28T07:00:00Z'), sources: [{ sourceId: doomed.id, excerpt: '' }] });
  await deleteSource(database.db, users.editor, { id: doomed.id, version: doomed.version });
  const deleted = await create({ statement: 'Deleted claim', saidAt: new Date('2020-09-28T08:00:00Z') });
  await editor.claims.delete({ id: deleted.id, version: deleted.version });
  const undated = await create({ statement: 'The UN called for restraint', claimantId: un.id, saidAt: null, category: 'diplomatic', status: 'corroborated', statusExplanation: 'The statement is on the UN website.' });
  const hyperlink = await create({
    statement: '=HYPERLINK("http://evil.example","Click")',
    quote: '+SUM(1,2)',
    place: '@Terter',
    saidAt: new Date('2020-09-29T06:00:00Z'),
    tags: ['-minus', 'plain'],
  });
  return { dossier, azerbaijan, armenia, ministry, un, article, accusation, counter, unsourced, lostSource, deleted, undated, hyperlink };
}

async function publicCsv(dossierId: string): Promise<string> {
  return readCsv(csvStream(iteratePublicClaims(database.db, dossierId), publicClaimColumns));
}

describe('public claims', () => {
  it('shows only live claims with a live source of a published dossier, by day, one column per party', async () => {
    const scene = await publishedScene();
    const view = await reader.claims.listPublic({ slug: scene.dossier.slug });
    expect(view.parties.map((party) => party.name)).toEqual(['Azerbaijan', 'Armenia']);
    expect(view.hasOther).toBe(true);
    expect(view.days.map((day) => [day.day, day.claims.map((claim) => [claim.statement, claim.party?.name ?? 'Other'])])).toEqual([
      [
        '2020-09-27',
        [
          ['Armenian forces violated the ceasefire', 'Azerbaijan'],
          ['Azerbaijan attacked first', 'Armenia'],
        ],
      ],
      ['2020-09-29', [['=HYPERLINK("http://evil.example","Click")', 'Azerbaijan']]],
      [null, [['The UN called for restraint', 'Other']]],
    ]);

    // The counterclaim sits beside the claim it answers; the unsourced claim that counters it is only a marker.
    const [accusation, counter] = view.days[0]!.claims;
    expect(accusation!.relations.incoming).toEqual([
      { kind: 'counters', claim: expect.objectContaining({ public: true, id: scene.counter.id, statement: 'Azerbaijan attacked first', partyId: scene.armenia.id }) },
    ]);
    expect(counter!.relations.incoming).toEqual([{ kind: 'counters', claim: { public: false, reason: 'not_public' } }]);
    expect(accusation!.sources).toEqual([{ source: expect.objectContaining({ title: 'Fighting erupts', url: 'https://www.aljazeera.com/news/2020/9/27/example' }), excerpt: 'Terter had been under fire' }]);
    expect(accusation!.sources[0]!.source).not.toHaveProperty('internalNotes');

    // Readers' filters.
    const byParty = await reader.claims.listPublic({ slug: scene.dossier.slug, party: [scene.armenia.id] });
    expect(byParty.days.flatMap((day) => day.claims.map((claim) => claim.statement))).toEqual(['Azerbaijan attacked first']);
    const byStatus = await reader.claims.listPublic({ slug: scene.dossier.slug, status: ['corroborated'], category: ['diplomatic'] });
    expect(byStatus.days.flatMap((day) => day.claims.map((claim) => claim.statement))).toEqual(['The UN called for restraint']);
    expect((await listPublicClaimsByDay(database.db, scene.dossier.id, { party: [scene.azerbaijan.id] })).days.flatMap((day) => day.claims).length).toBe(2);
  });

  it('never shows a needs-source, deleted or draft claim: not in the list, not by id, not in the public CSV', async () => {
    const scene = await publishedScene();
    for (const hidden of [scene.unsourced, scene.lostSource, scene.deleted]) {
      await expectTrpcError(reader.claims.publicById({ slug: scene.dossier.slug, id: hidden.id }), 'NOT_FOUND', 'Claim not found.');
    }
    const text = JSON.stringify(await reader.claims.listPublic({ slug: scene.dossier.slug }));
    for (const statement of ['Unsourced claim', 'Lost its only source', 'Deleted claim']) expect(text).not.toContain(statement);
    const csv = await publicCsv(scene.dossier.id);
    for (const statement of ['Unsourced claim', 'Lost its only source', 'Deleted claim']) expect(csv).not.toContain(statement);
    for (const hidden of [scene.unsourced, scene.lostSource, scene.deleted]) expect(csv).not.toContain(hidden.id);

    // A claim of another dossier is not found through this slug; an unpublished dossier shows nothing.
    const other = await publishedScene();
    await expectTrpcError(reader.claims.publicById({ slug: scene.dossier.slug, id: other.accusation.id }), 'NOT_FOUND');
    await setDossierPublished(database.db, users.editor, { id: other.dossier.id, version: (await editor.dossiers.byId({ id: other.dossier.id })).version, published: false });
    await expectTrpcError(reader.claims.listPublic({ slug: other.dossier.slug }), 'NOT_FOUND', 'Dossier not found.');
    await expectTrpcError(reader.claims.publicById({ slug: other.dossier.slug, id: other.accusation.id }), 'NOT_FOUND');
    await expect(listPublicClaimsByDay(database.db, other.dossier.id)).rejects.toThrow('Dossier not found.');
    expect(await getPublicClaimsFingerprint(database.db, other.dossier.slug)).toBeNull();
  });

  it('never lets internal notes out: a canary in every notes field appears in no public output', async () => {
    const scene = await publishedScene();
    const outputs = [
      JSON.stringify(await reader.claims.listPublic({ slug: scene.dossier.slug })),
      JSON.stringify(await reader.claims.publicById({ slug: scene.dossier.slug, id: scene.accusation.id })),
      JSON.stringify(await reader.claims.publicById({ slug: scene.dossier.slug, id: scene.counter.id })),
      JSON.stringify(await reader.claims.publicById({ slug: scene.dossier.slug, id: scene.undated.id })),
      await publicCsv(scene.dossier.id),
    ];
    for (const id of [scene.accusation.id, scene.undated.id]) {
      const claim = await reader.claims.publicById({ slug: scene.dossier.slug, id });
      outputs.push(jsonLdScript(claimReviewJsonLd(claim, { url: `https://claimdesk.example/d/${scene.dossier.slug}/claims/${id}` })!));
    }
    for (const output of outputs) {
      expect(output).not.toContain(CANARY);
      expect(output).not.toContain('internalNotes');
    }
    // The desk sees the notes (so the canary did reach the database).
    const desk = await readCsv(csvStream(iterateClaims(database.db, scene.dossier.id, claimFilters.parse({})), deskClaimColumns));
    expect(desk).toContain(CANARY);
  });

  it('publicById returns the claim with sources, thread and corrections', async () => {
    const scene = await publishedScene();
    await editor.claims.update({
      ...claimInput(scene.dossier.id, { ...scene.accusation, about: [scene.armenia.id], sources: [{ sourceId: scene.article.id, excerpt: 'Terter had been under fire' }], status: 'false', statusExplanation: 'Satellite images show the opposite.' }),
      id: scene.accusation.id,
      version: scene.accusation.version,
      correction: { kind: 'correction', note: 'We changed our verdict from disputed to false after new satellite images.' },
    });
    const claim = await reader.claims.publicById({ slug: scene.dossier.slug, id: scene.accusation.id });
    expect(claim).toMatchObject({
      statement: 'Armenian forces violated the ceasefire',
      status: 'false',
      claimant: { name: 'Ministry of Defence of Azerbaijan', kind: 'government_body', affiliation: { name: 'Azerbaijan' } },
      party: { name: 'Azerbaijan' },
      about: [{ name: 'Armenia' }],
      corrections: [{ kind: 'correction', note: 'We changed our verdict from disputed to false after new satellite images.' }],
    });
    expect(claim.relations.incoming).toHaveLength(1);
  });
});

describe('the public claims CSV source', () => {
  it('streams batch by batch: small batches yield every public claim once, in the same order as one big batch', async () => {
    const scene = await publishedScene();
    const collect = async (batchSize: number) => {
      const ids: string[] = [];
      for await (const claim of iteratePublicClaims(database.db, scene.dossier.id, {}, batchSize)) ids.push(claim.id);
      return ids;
    };
    const whole = await collect(10_000);
    expect(whole.length).toBeGreaterThan(2);
    expect(await collect(1)).toEqual(whole);
    expect(await collect(2)).toEqual(whole);
    expect(new Set(whole).size).toBe(whole.length);
    for (const hidden of [scene.unsourced, scene.lostSource, scene.deleted]) expect(whole).not.toContain(hidden.id);
  });
});

describe('related claims that readers cannot open', () => {
  it('are "removed" once deleted and "not public" while they need a source, never with their text or id', async () => {
    const scene = await publishedScene();
    // The unsourced claim counters the counterclaim: not public yet. Then a second counterclaim is deleted.
    const removed = await editor.claims.create(
      claimInput(scene.dossier.id, {
        claimantId: scene.armenia.id,
        statement: 'REMOVED-COUNTER soon deleted',
        saidAt: new Date('2020-09-27T12:00:00Z'),
        sources: [{ sourceId: scene.article.id, excerpt: '' }],
        relations: [{ kind: 'counters', toClaimId: scene.accusation.id }],
      }),
    );
    await editor.claims.delete({ id: removed.id, version: removed.version });

    const accusation = await reader.claims.publicById({ slug: scene.dossier.slug, id: scene.accusation.id });
    expect(accusation.relations.incoming).toEqual([
      { kind: 'counters', claim: expect.objectContaining({ public: true, id: scene.counter.id }) },
      { kind: 'counters', claim: { public: false, reason: 'removed' } },
    ]);
    const counter = await reader.claims.publicById({ slug: scene.dossier.slug, id: scene.counter.id });
    expect(counter.relations.incoming).toEqual([{ kind: 'counters', claim: { public: false, reason: 'not_public' } }]);

    const text = JSON.stringify([accusation, counter, await reader.claims.listPublic({ slug: scene.dossier.slug })]);
    for (const hidden of ['REMOVED-COUNTER', removed.id, 'Unsourced claim', scene.unsourced.id]) expect(text).not.toContain(hidden);
    // Restoring the deleted claim shows it again, text and link.
    const deleted = await editor.claims.byId({ id: removed.id });
    await editor.claims.restore({ id: removed.id, version: deleted.version });
    const restored = await reader.claims.publicById({ slug: scene.dossier.slug, id: scene.accusation.id });
    expect(restored.relations.incoming.map((relation) => relation.claim)).toEqual([
      expect.objectContaining({ public: true, id: scene.counter.id }),
      expect.objectContaining({ public: true, id: removed.id, statement: 'REMOVED-COUNTER soon deleted' }),
    ]);
  });
});

describe('the public claims view pages by whole days in the database', () => {
  /** A published dossier with `perDay[i]` claims on day i (from 1 Oct 2020, alternating parties), then 2 undated. */
  async function longDossier(perDay: number[]) {
    const dossier = await makeDossier(database.db, users.editor, true);
    const north = await makeActor(database.db, { name: 'North' });
    const south = await makeActor(database.db, { name: 'South' });
    const bystander = await makeActor(database.db, { name: 'Bystander' });
    await makeParty(database.db, dossier.id, north.id, 0);
    await makeParty(database.db, dossier.id, south.id, 1);
    const source = await makeSource(database.db, users.editor, dossier.id, { title: 'Wire' });
    const ids: string[][] = [];
    for (const [day, count] of perDay.entries()) {
      ids.push([]);
      for (let n = 0; n < count; n++) {
        const claim = await editor.claims.create(
          claimInput(dossier.id, {
            claimantId: n % 2 ? south.id : north.id,
            statement: `Day ${day} claim ${n}`,
            saidAt: new Date(Date.UTC(2020, 9, 1 + day, 6 + n)),
            status: n === 0 ? 'false' : 'unverified',
            sources: [{ sourceId: source.id, excerpt: '' }],
          }),
        );
        ids[day]!.push(claim.id);
      }
    }
    const undated = [];
    for (const n of [0, 1]) {
      undated.push((await editor.claims.create(claimInput(dossier.id, { claimantId: bystander.id, statement: `Undated ${n}`, saidAt: null, sources: [{ sourceId: source.id, excerpt: '' }] }))).id);
    }
    return { dossier, north, south, ids, undated };
  }
  const shown = (view: { days: Array<{ day: string | null; claims: Array<{ id: string }> }> }) => view.days.map((day) => [day.day, day.claims.length]);

  it('returns only one window of whole days, with cursors that walk to the later and back to the earlier days', async () => {
    // 3 + 2 + 4 + 1 + 3 dated claims on five days, 2 undated; windows of about 4 claims.
    const { dossier, ids, undated } = await longDossier([3, 2, 4, 1, 3]);
    const page = (from?: string) => reader.claims.listPublic({ slug: dossier.slug, limit: 4, ...(from ? { from } : {}) });

    const first = await page();
    // Day 1 (3 claims) is not full: day 2 joins it whole (5 claims, never a split day); the rest is not loaded.
    expect(shown(first)).toEqual([['2020-10-01', 3], ['2020-10-02', 2]]);
    expect(first.days.flatMap((day) => day.claims.map((claim) => claim.id))).toEqual([...ids[0]!, ...ids[1]!]);
    expect(first).toMatchObject({ total: 15, matching: 15, from: null, earlier: null, later: '2020-10-03' });

    const second = await page(first.later!);
    expect(shown(second)).toEqual([['2020-10-03', 4]]);
    expect(second).toMatchObject({ from: '2020-10-03', earlier: '', later: '2020-10-04' });
    const third = await page(second.later!);
    expect(shown(third)).toEqual([['2020-10-04', 1], ['2020-10-05', 3]]);
    expect(third).toMatchObject({ earlier: '2020-10-03', later: 'undated' });
    const last = await page(third.later!);
    expect(shown(last)).toEqual([[null, 2]]);
    expect(last.days[0]!.claims.map((claim) => claim.id).sort()).toEqual([...undated].sort());
    expect(last).toMatchObject({ earlier: '2020-10-04', later: null });

    // Following the earlier cursors from the last window gives back the windows seen on the way forward.
    const back = await page(last.earlier!);
    expect(shown(back)).toEqual(shown(third));
    expect(shown(await page(back.earlier!))).toEqual(shown(second));
    expect((await page(second.earlier! || undefined)).days).toEqual(first.days);

    // A cursor between days starts at the next day with claims; one past every dated day holds the undated ones.
    expect(shown(await page('2020-09-15'))).toEqual(shown(first));
    expect(shown(await page('2021-01-01'))).toEqual([[null, 2]]);
  });

  it('applies party, status and category filters in the database, with counts and columns of the whole dossier', async () => {
    const { dossier, north, south, ids } = await longDossier([3, 2, 4, 1, 3]);
    const view = (input: Partial<Parameters<typeof reader.claims.listPublic>[0]>) => reader.claims.listPublic({ slug: dossier.slug, limit: 2, ...input });

    const falseOnes = await view({ status: ['false'] });
    // One false claim a day (the first of each): windows of two claims are two days.
    expect(shown(falseOnes)).toEqual([['2020-10-01', 1], ['2020-10-02', 1]]);
    expect(falseOnes).toMatchObject({ total: 15, matching: 5, later: '2020-10-03' });
    expect(falseOnes.days.flatMap((day) => day.claims.map((claim) => claim.id))).toEqual([ids[0]![0], ids[1]![0]]);

    const southOnly = await view({ party: [south.id], limit: 200 });
    expect(southOnly.days.flatMap((day) => day.claims.map((claim) => claim.party?.name))).toEqual(Array(5).fill('South'));
    expect(southOnly).toMatchObject({ matching: 5, later: null });
    expect(southOnly.parties.map((party) => [party.name, party.claimCount])).toEqual([['North', 8], ['South', 5]]);
    expect(southOnly.hasOther).toBe(true);

    const others = await view({ others: true, limit: 200 });
    expect(others.days.flatMap((day) => day.claims.map((claim) => claim.statement))).toEqual(['Undated 0', 'Undated 1']);
    const northOrOthers = await view({ party: [north.id], others: true, limit: 200 });
    expect(northOrOthers.matching).toBe(10);
    const stale = await view({ party: [crypto.randomUUID()] });
    expect(stale).toMatchObject({ days: [], matching: 0, total: 15, earlier: null, later: null });
    expect((await view({ category: ['diplomatic'] })).matching).toBe(0);
  });

  it('refuses a malformed window with a field-named 400', async () => {
    const scene = await publishedScene();
    await expectTrpcError(reader.claims.listPublic({ slug: scene.dossier.slug, from: '27 Sept' }), 'BAD_REQUEST', 'from');
    await expectTrpcError(reader.claims.listPublic({ slug: scene.dossier.slug, limit: 0 }), 'BAD_REQUEST', 'limit');
    await expectTrpcError(reader.claims.listPublic({ slug: scene.dossier.slug, limit: 100_000 }), 'BAD_REQUEST', 'limit');
  });
});

describe('ClaimReview JSON-LD', () => {
  it('describes a verdict with exactly the texts the public claim shows', async () => {
    const scene = await publishedScene();
    const claim = await reader.claims.publicById({ slug: scene.dossier.slug, id: scene.accusation.id });
    const url = `https://claimdesk.example/d/${scene.dossier.slug}/claims/${claim.id}`;
    const review = claimReviewJsonLd(claim, { url })!;
    expect(review).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url,
      claimReviewed: claim.statement,
      datePublished: claim.publishedAt.toISOString().slice(0, 10),
      author: { '@type': 'Organization', name: 'Claimdesk' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'Ministry of Defence of Azerbaijan' },
        datePublished: '2020-09-27',
        appearance: { '@type': 'CreativeWork', url: 'https://www.aljazeera.com/news/2020/9/27/example', headline: 'Fighting erupts', datePublished: '2020-09-27' },
      },
      reviewRating: { '@type': 'Rating', alternateName: 'Disputed', ratingExplanation: 'Each side blames the other; no independent observer was present.' },
    });
    const texts = verdictTexts(claim);
    expect([review.claimReviewed, (review.reviewRating as Record<string, string>).alternateName]).toEqual([texts.claimReviewed, verificationStatusLabels[claim.status]]);
    expect(texts.ratingExplanation).toBe(claim.statusExplanation);

    // A person is a Person; a claim without a date or a URL-less source omits them; the publisher can be named.
    const person = await makeActor(database.db, { name: 'Zakharova', kind: 'person', title: 'Spokeswoman' });
    const said = await editor.claims.create(
      claimInput(scene.dossier.id, { claimantId: person.id, statement: 'Russia calls for calm </script>', status: 'unverifiable', sources: [{ sourceId: (await makeSource(database.db, users.editor, scene.dossier.id, { url: null })).id, excerpt: '' }] }),
    );
    const personClaim = await reader.claims.publicById({ slug: scene.dossier.slug, id: said.id });
    const personReview = claimReviewJsonLd(personClaim, { url, publisher: { name: 'Caucasus Desk', url: 'https://desk.example' } })!;
    expect(personReview.itemReviewed).toEqual({ '@type': 'Claim', author: { '@type': 'Person', name: 'Zakharova', jobTitle: 'Spokeswoman' } });
    expect(personReview.author).toEqual({ '@type': 'Organization', name: 'Caucasus Desk', url: 'https://desk.example' });
    expect(personReview.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
    expect(jsonLdScript(personReview)).not.toContain('</script>');
    expect(JSON.parse(jsonLdScript(personReview)).claimReviewed).toBe('Russia calls for calm </script>');
  });

  it('is absent without a verdict (unverified, in progress)', async () => {
    const scene = await publishedScene();
    const claim = await reader.claims.publicById({ slug: scene.dossier.slug, id: scene.counter.id });
    expect(claim.status).toBe('unverified');
    expect(claimReviewJsonLd(claim, { url: 'https://claimdesk.example/x' })).toBeNull();
    expect(claimReviewJsonLd({ ...claim, status: 'in_progress' }, { url: 'https://claimdesk.example/x' })).toBeNull();
  });
});

function records(text: string): Array<Record<string, string>> {
  return parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
}

const PUBLIC_HEADERS = [
  'id', 'claimant', 'party', 'about', 'statement', 'quote', 'quote_kind', 'original_text', 'original_language', 'said_at', 'said_precision',
  'occurred_at', 'occurred_precision', 'place', 'category', 'killed', 'killed_at_least', 'wounded', 'wounded_at_least', 'displaced',
  'displaced_at_least', 'equipment_destroyed', 'equipment_destroyed_at_least', 'status', 'status_explanation', 'credibility', 'source_urls',
  'counters', 'corroborates', 'updates', 'tags',
];

describe('claims CSV', () => {
  it('public: the public columns, one row per public claim, related ids, formulas neutralised', async () => {
    const scene = await publishedScene();
    const text = await publicCsv(scene.dossier.id);
    expect(text.startsWith(`\uFEFF${PUBLIC_HEADERS.join(',')}\r\n`)).toBe(true);
    const rows = records(text);
    expect(rows.map((row) => row.statement)).toEqual([
      'Armenian forces violated the ceasefire',
      'Azerbaijan attacked first',
      '\'=HYPERLINK("http://evil.example","Click")',
      'The UN called for restraint',
    ]);
    const [accusation, counter, hyperlink, undated] = rows;
    expect(accusation).toMatchObject({
      id: scene.accusation.id,
      claimant: 'Ministry of Defence of Azerbaijan',
      party: 'Azerbaijan',
      about: 'Armenia',
      said_at: '2020-09-27T06:00:00.000Z',
      said_precision: 'day',
      category: 'ceasefire_violation',
      killed: '',
      killed_at_least: 'no',
      status: 'disputed',
      credibility: '6',
      source_urls: 'https://www.aljazeera.com/news/2020/9/27/example',
      counters: '',
    });
    expect(counter).toMatchObject({ party: 'Armenia', counters: scene.accusation.id, source_urls: '' });
    expect(hyperlink).toMatchObject({ quote: "'+SUM(1,2)", place: "'@Terter", tags: "'-minus; plain" });
    expect(undated).toMatchObject({ party: '', said_at: '' });
  });

  it('desk: every claim of the view with internal notes, needs-source and all relation ids', async () => {
    const scene = await publishedScene();
    const text = await readCsv(csvStream(iterateClaims(database.db, scene.dossier.id, claimFilters.parse({ sort: 'said', order: 'asc' })), deskClaimColumns));
    const headers = deskClaimColumns.map((column) => column.header);
    expect(headers).toEqual([...PUBLIC_HEADERS, 'needs_source', 'source_count', 'internal_notes', 'created_at', 'updated_at', 'version', 'deleted_at']);
    const rows = records(text);
    expect(rows.map((row) => [row.statement, row.needs_source])).toEqual([
      ['Armenian forces violated the ceasefire', 'no'],
      ['Azerbaijan attacked first', 'no'],
      [`Unsourced claim ${CANARY}-statement`, 'yes'],
      ['Lost its only source', 'yes'],
      ['\'=HYPERLINK("http://evil.example","Click")', 'no'],
      ['The UN called for restraint', 'no'],
    ]);
    expect(rows[2]).toMatchObject({ counters: scene.counter.id, internal_notes: CANARY });
    const filtered = records(await readCsv(csvStream(iterateClaims(database.db, scene.dossier.id, claimFilters.parse({ needsSource: true })), deskClaimColumns)));
    expect(filtered).toHaveLength(2);
  });
});
