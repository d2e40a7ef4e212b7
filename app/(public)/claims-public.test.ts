import { parse } from 'csv-parse/sync';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicClaimView } from '@/components/public/public-claim-view';
import type { CreateClaimInput } from '@/server/claims/claims.input';
import { createClaim, deleteClaim, updateClaim } from '@/server/claims/claims.service';
import type { ClaimRow } from '@/server/claims/claims.service';
import { makeActor, makeDossier, makeParty, makeSource } from '@/server/claims/claims.test-helpers';
import { setAppDatabaseForTesting } from '@/server/db';
import type { Dossier } from '@/server/dossiers/schema';
import { callerFor, claimInput, signedInCookie, unreachableDatabase } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { GET as deskClaimsExport } from '../api/export/[slug]/claims.csv/route';
import { GET as publicActorsExport } from './d/[slug]/actors.csv/route';
import { loadPublicClaimPage } from './d/[slug]/claims/[id]/public-claim';
import { GET as publicClaimsExport } from './d/[slug]/claims.csv/route';
import { loadPublicDossierPage, PublicDossierView, type PublicDossierQuery } from './d/[slug]/public-dossier';
import { GET as publicSourcesExport } from './d/[slug]/sources.csv/route';

/**
 * What readers get of claims — the dossier page's "Claims and counterclaims", each claim's page, and the public
 * claims and actors CSVs — read the way the app serves them (pages through the procedures a signed-out reader's
 * page uses, rendered to HTML; CSVs through the route handlers): only public claims (live, citing a live source),
 * never an internal note, one ClaimReview per verdict whose text is the text shown.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let story: Dossier;
let draft: Dossier;

// Written into every internal-notes field (claims, actors, sources): a leak anywhere is found by a text search.
const CANARY = 'CANARY-public-claims-9d41';

const scene = {} as {
  north: { id: string; name: string };
  south: { id: string; name: string };
  observer: { id: string; name: string };
  accusation: ClaimRow;
  denial: ClaimRow;
  unsourced: ClaimRow;
  deleted: ClaimRow;
  observation: ClaimRow;
  tricky: ClaimRow;
  draftClaim: ClaimRow;
  wireId: string;
};

const reader = () => callerFor(database.db, null);
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const publicGet = (handler: typeof publicClaimsExport, file: string, slug: string, headers: Record<string, string> = {}) =>
  handler(new Request(`http://localhost/d/${encodeURIComponent(slug)}/${file}`, { headers }), params(slug));
const claimsCsv = (slug: string, headers: Record<string, string> = {}) => publicGet(publicClaimsExport, 'claims.csv', slug, headers);
const actorsCsv = (slug: string, headers: Record<string, string> = {}) => publicGet(publicActorsExport, 'actors.csv', slug, headers);
const sourcesCsv = (slug: string) => publicGet(publicSourcesExport, 'sources.csv', slug);
const deskCsv = async (slug: string, query = '', signedIn = true) =>
  deskClaimsExport(
    new Request(`http://localhost/api/export/${encodeURIComponent(slug)}/claims.csv${query}`, {
      headers: signedIn ? { cookie: await signedInCookie(database.db, users.viewer.id) } : {},
    }),
    params(slug),
  );

const rowsOf = (text: string) => parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
const headerOf = (text: string) => (parse(text.replace(/^\uFEFF/, ''), { to_line: 1 }) as string[][])[0];

async function dossierPage(slug: string, query: PublicDossierQuery = {}, claimsPerPage?: number) {
  const data = await loadPublicDossierPage(database.db, slug, query, claimsPerPage);
  if (!data.found) return null;
  return { data, html: renderToStaticMarkup(createElement(PublicDossierView, { dossier: data.dossier, page: data.page, claims: data.claims })) };
}

async function claimPage(slug: string, id: string) {
  const data = await loadPublicClaimPage(database.db, slug, id);
  if (!data.found) return null;
  const url = `https://claimdesk.example.org/d/${data.dossier.slug}/claims/${data.claim.id}`;
  return { data, html: renderToStaticMarkup(createElement(PublicClaimView, { dossier: data.dossier, claim: data.claim, url })) };
}

/** The JSON-LD blocks of a page's HTML, parsed, with the nonce each carries. */
function jsonLdBlocks(html: string): Array<{ nonce: string | null; data: Record<string, unknown> }> {
  return [...html.matchAll(/<script type="application\/ld\+json"([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({
    nonce: attributes!.match(/nonce="([^"]*)"/)?.[1] ?? null,
    data: JSON.parse(body!) as Record<string, unknown>,
  }));
}

const decode = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

beforeAll(async () => {
  database = await createTestDatabase();
  setAppDatabaseForTesting(database);
  users = await createTestUsers(database);
  story = await makeDossier(database.db, users.editor, true);
  draft = await makeDossier(database.db, users.editor, false);

  const north = await makeActor(database.db, { name: 'Northland', internalNotes: `${CANARY} actor` });
  const south = await makeActor(database.db, { name: 'Southland', internalNotes: `${CANARY} actor` });
  const ministry = await makeActor(database.db, { name: 'Northland Defence Ministry', kind: 'government_body', affiliationId: north.id, internalNotes: `${CANARY} ministry` });
  const observer = await makeActor(database.db, { name: 'Border Monitors', kind: 'international_organisation', internalNotes: `${CANARY} observer` });
  // Positions out of creation order: the columns follow the party order, Northland first.
  await makeParty(database.db, story.id, south.id, 1);
  await makeParty(database.db, story.id, north.id, 0);
  Object.assign(scene, { north, south, observer });

  const wire = await makeSource(database.db, users.editor, story.id, { title: 'Wire report', url: 'https://news.example.org/wire', internalNotes: `${CANARY} source` });
  scene.wireId = wire.id;
  const record = await makeSource(database.db, users.editor, story.id, { title: 'Southland statement (public record)', url: null, internalNotes: `${CANARY} record` });
  const create = (dossierId: string, overrides: Partial<CreateClaimInput>) =>
    createClaim(
      database.db,
      users.editor,
      claimInput(dossierId, { claimantId: ministry.id, internalNotes: `${CANARY} claim`, sources: [{ sourceId: wire.id, excerpt: 'shelling began at dawn' }], ...overrides }),
    );

  scene.accusation = await create(story.id, {
    statement: 'Southland forces shelled the border post first',
    quote: 'The enemy opened fire at dawn.',
    quoteKind: 'verbatim',
    about: [south.id],
    saidAt: new Date('2020-09-27T06:00:00Z'),
    saidPrecision: 'exact',
    category: 'ceasefire_violation',
    killed: 12,
    killedAtLeast: true,
    status: 'false',
    statusExplanation: 'Satellite images show no shelling near the post that morning.',
    credibility: 5,
  });
  scene.denial = await create(story.id, {
    statement: 'Northland attacked first',
    claimantId: south.id,
    about: [north.id],
    saidAt: new Date('2020-09-27T09:00:00Z'),
    category: 'ceasefire_violation',
    sources: [{ sourceId: record.id, excerpt: '' }],
    relations: [{ kind: 'counters', toClaimId: scene.accusation.id }],
  });
  scene.unsourced = await create(story.id, {
    statement: 'NEEDS-SOURCE civilians were evacuated',
    claimantId: south.id,
    saidAt: new Date('2020-09-28T06:00:00Z'),
    category: 'humanitarian',
    sources: [],
  });
  scene.deleted = await create(story.id, {
    statement: 'DELETED-CLAIM a second attack',
    claimantId: south.id,
    saidAt: new Date('2020-09-28T07:00:00Z'),
    relations: [{ kind: 'counters', toClaimId: scene.accusation.id }],
  });
  scene.deleted = await deleteClaim(database.db, users.editor, { id: scene.deleted.id, version: scene.deleted.version });
  scene.observation = await create(story.id, {
    statement: 'Monitors saw smoke near the post',
    claimantId: observer.id,
    saidAt: new Date('2020-09-28T10:00:00Z'),
    category: 'other',
    status: 'corroborated',
    relations: [{ kind: 'corroborates', toClaimId: scene.unsourced.id }],
  });
  scene.tricky = await create(story.id, {
    statement: 'Ministry says "</script><script>alert(1)</script>" & more',
    saidAt: null,
    status: 'misleading',
    statusExplanation: 'Quoted out of <context>.',
  });

  const draftSource = await makeSource(database.db, users.editor, draft.id, { title: 'Draft source' });
  scene.draftClaim = await create(draft.id, { statement: 'DRAFT-CLAIM not yet published', sources: [{ sourceId: draftSource.id, excerpt: '' }] });
});
afterAll(async () => {
  setAppDatabaseForTesting(undefined);
  await database.cleanup();
});

describe('the public dossier page shows claims and counterclaims side by side', () => {
  it('has a column per party with claims, in party order, and an Others column for claimants who are no party', async () => {
    const page = (await dossierPage(story.slug))!;
    expect(page.data.claims.columns.map((column) => column.label)).toEqual(['Northland says', 'Southland says', 'Others']);
    expect(page.html).toContain('Claims and counterclaims');
    expect(page.html.indexOf('Northland says')).toBeLessThan(page.html.indexOf('Southland says'));
  });

  it('puts a claim and its counterclaim on one row, each in its party’s column', async () => {
    const { html } = (await dossierPage(story.slug))!;
    const rows = html.split('data-claim-row=""').slice(1);
    const row = rows.find((text) => text.includes(scene.accusation.id))!;
    expect(row).toContain(scene.denial.id);
    const column = (id: string) => row.slice(0, row.indexOf(`data-claim-id="${id}"`)).match(/data-column="([^"]+)"/g)!.at(-1);
    expect(column(scene.accusation.id)).toBe('data-column="Northland says"');
    expect(column(scene.denial.id)).toBe('data-column="Southland says"');
    expect(row).toContain('Countered by');
  });

  it('shows each claim’s status, claimant, date and source links', async () => {
    const { html } = (await dossierPage(story.slug))!;
    expect(html).toContain('False');
    expect(html).toContain('Northland Defence Ministry (Northland)');
    expect(html).toContain('27 Sept 2020');
    expect(html).toContain('href="https://news.example.org/wire"');
    expect(html).toContain(`href="/d/${story.slug}/claims/${scene.accusation.id}"`);
    expect(html).toContain(`href="/d/${story.slug}/claims.csv"`);
    expect(html).toContain(`href="/d/${story.slug}/actors.csv"`);
  });

  it('filters by party, category and status from the query string, keeping the party filter’s options', async () => {
    const byParty = (await dossierPage(story.slug, { party: scene.north.id }))!.data.claims;
    expect(byParty.columns.map((column) => column.label)).toEqual(['Northland says']);
    expect(byParty.claims.map((claim) => claim.id).sort()).toEqual([scene.accusation.id, scene.tricky.id].sort());
    expect(byParty.parties.map((party) => party.name)).toEqual(['Northland', 'Southland', 'Others']);

    const others = (await dossierPage(story.slug, { party: 'others' }))!.data.claims;
    expect(others.claims.map((claim) => claim.id)).toEqual([scene.observation.id]);

    const byStatus = (await dossierPage(story.slug, { status: 'false' }))!;
    expect(byStatus.data.claims.claims.map((claim) => claim.id)).toEqual([scene.accusation.id]);
    expect(byStatus.html).toContain('1 of 4 claims match these filters.');
    expect(byStatus.html).toMatch(/aria-current="true"[^>]*>False</);

    const byCategory = (await dossierPage(story.slug, { category: 'ceasefire_violation', status: 'unverified' }))!.data.claims;
    expect(byCategory.claims.map((claim) => claim.id)).toEqual([scene.denial.id]);
  });

  it('pages long dossiers by whole days, with links to the earlier and later days that keep the filters', async () => {
    const section = async (query: PublicDossierQuery) => (await dossierPage(story.slug, query, 1))!.data.claims;
    const first = await section({});
    // 27 September holds two claims: a page never splits a day.
    expect(first.claims.map((claim) => claim.id)).toEqual([scene.accusation.id, scene.denial.id]);
    expect(first).toMatchObject({ earlier: null, later: '2020-09-28', matching: 4 });
    expect(await section({ from: '2020-09-28' })).toMatchObject({ earlier: '', later: 'undated', claims: [{ id: scene.observation.id }] });
    expect(await section({ from: 'undated' })).toMatchObject({ earlier: '2020-09-28', later: null, claims: [{ id: scene.tricky.id }] });
    // Past the last day of what the filters leave: nothing, and a way back.
    expect(await section({ status: 'false', from: '2020-09-28' })).toMatchObject({ claims: [], earlier: '', later: null });
    // A page's party filter options and counts are the whole dossier's, whatever the page.
    expect((await section({ from: 'undated' })).parties.map((party) => party.name)).toEqual(['Northland', 'Southland', 'Others']);

    const later = (await dossierPage(story.slug, { from: '2020-09-28' }))!;
    expect(later.data.claims.claims.map((claim) => claim.id)).toEqual([scene.observation.id, scene.tricky.id]);
    const filtered = (await dossierPage(story.slug, { from: '2020-09-28', category: 'ceasefire_violation' }))!;
    expect(filtered.data.claims.claims).toEqual([]);
    expect(filtered.html).toMatch(new RegExp(`href="/d/${story.slug}\\?category=ceasefire_violation#claims"[^>]*>← Earlier days`));
  });

  it('ignores filter values it does not know instead of failing', async () => {
    const page = (await dossierPage(story.slug, { party: 'nonsense', category: 'bogus', status: ['\u0000'], from: '27 Sept' }))!;
    expect(page.data.claims.claims).toHaveLength(4);
    for (const from of ['2020-13-45', '2020-02-30', '0001-01-01']) expect((await dossierPage(story.slug, { from }))!.data.claims.claims).toHaveLength(4);
  });

  it('lists the public corrections, dated, with a link to the claim', async () => {
    const updated = await updateClaim(database.db, users.editor, {
      ...claimInput(story.id, { claimantId: scene.accusation.claimantId }),
      ...pickEditable(scene.accusation),
      id: scene.accusation.id,
      version: scene.accusation.version,
      killed: 14,
      correction: { kind: 'update', note: 'The ministry raised its figure to at least 14.' },
    });
    scene.accusation = updated;
    const { html } = (await dossierPage(story.slug))!;
    expect(html).toContain('Corrections and updates');
    expect(html).toContain('The ministry raised its figure to at least 14.');
    const claim = (await claimPage(story.slug, scene.accusation.id))!;
    expect(claim.html).toContain('The ministry raised its figure to at least 14.');
    expect(claim.html).toContain('at least 14');
  });
});

/** The accusation's editable fields as the update input takes them (its about and source kept as created). */
function pickEditable(claim: ClaimRow): Partial<CreateClaimInput> {
  return {
    claimantId: claim.claimantId,
    statement: claim.statement,
    quote: claim.quote,
    quoteKind: claim.quoteKind,
    saidAt: claim.saidAt,
    saidPrecision: claim.saidPrecision,
    category: claim.category,
    killed: claim.killed,
    killedAtLeast: claim.killedAtLeast,
    status: claim.status,
    statusExplanation: claim.statusExplanation,
    credibility: claim.credibility,
    internalNotes: claim.internalNotes,
    about: [scene.south.id],
    sources: [{ sourceId: scene.wireId, excerpt: 'shelling began at dawn' }],
  };
}

describe('only public claims reach readers', () => {
  it('keeps needs-source and deleted claims off the dossier page, its data and the claims procedure', async () => {
    const { data, html } = (await dossierPage(story.slug))!;
    const listing = await reader().claims.listPublic({ slug: story.slug });
    for (const text of [html, JSON.stringify(data), JSON.stringify(listing)]) {
      expect(text).not.toContain('NEEDS-SOURCE');
      expect(text).not.toContain(scene.unsourced.id);
      expect(text).not.toContain('DELETED-CLAIM');
    }
  });

  it('keeps them out of the public claims CSV', async () => {
    const response = await claimsCsv(story.slug);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(rowsOf(text).map((row) => row.id).sort()).toEqual([scene.accusation.id, scene.denial.id, scene.observation.id, scene.tricky.id].sort());
    expect(text).not.toContain('NEEDS-SOURCE');
    expect(text).not.toContain('DELETED-CLAIM');
  });

  it('shows a related claim that is not public yet only as a marker, without its text or id', async () => {
    const { html, data } = (await claimPage(story.slug, scene.observation.id))!;
    expect(html).toContain('Corroborates');
    expect(html).toContain('A claim not yet public.');
    expect(html).not.toContain('A removed claim');
    expect(data.claim.relations.outgoing).toEqual([{ kind: 'corroborates', claim: { public: false, reason: 'not_public' } }]);
    for (const text of [html, JSON.stringify(data)]) {
      expect(text).not.toContain('NEEDS-SOURCE');
      expect(text).not.toContain(scene.unsourced.id);
    }
  });

  it('keeps the link to a deleted claim and shows it as removed, without its text or id', async () => {
    const { html, data } = (await claimPage(story.slug, scene.accusation.id))!;
    expect(html).toContain('Countered by');
    expect(html).toContain('Northland attacked first');
    expect(html).toContain('A removed claim.');
    expect(html).not.toContain('A claim not yet public');
    expect(data.claim.relations.incoming).toEqual(expect.arrayContaining([{ kind: 'counters', claim: { public: false, reason: 'removed' } }]));

    // On the dossier page, the accusation's card names its public counterclaim and a removed one.
    const page = (await dossierPage(story.slug))!;
    const card = page.html.slice(page.html.indexOf(`data-claim-id="${scene.accusation.id}"`)).split('</article>')[0]!;
    expect(card).toContain('Countered by');
    expect(card).toContain('Northland attacked first');
    expect(card).toMatch(/data-hidden-claim="removed"[^>]*>a removed claim</);
    expect(page.data.claims.claims.find((claim) => claim.id === scene.accusation.id)!.counteredBy).toEqual(
      expect.arrayContaining([{ public: false, reason: 'removed' }]),
    );
    for (const text of [html, JSON.stringify(data), page.html, JSON.stringify(page.data)]) {
      expect(text).not.toContain('DELETED-CLAIM');
      expect(text).not.toContain(scene.deleted.id);
    }
  });

  it.each([
    ['a needs-source claim', () => [story.slug, scene.unsourced.id]],
    ['a deleted claim', () => [story.slug, scene.deleted.id]],
    ['a claim of a draft dossier', () => [draft.slug, scene.draftClaim.id]],
    ['a claim asked for under another dossier', () => [draft.slug, scene.accusation.id]],
    ['an unknown id', () => [story.slug, crypto.randomUUID()]],
    ['an id that is not one', () => [story.slug, 'not-an-id']],
    ['a NUL in the id', () => [story.slug, `${scene.accusation.id}\u0000`]],
    ['an unknown dossier', () => ['no-such-dossier', scene.accusation.id]],
    ['a crafted slug', () => ['\u0000', scene.accusation.id]],
  ])('answers 404 for %s', async (_label, target) => {
    const [slug, id] = target();
    expect(await loadPublicClaimPage(database.db, slug!, id!)).toMatchObject({ found: false });
  });

  it('serves the draft dossier no page, no claims CSV and no actors CSV', async () => {
    expect(await dossierPage(draft.slug)).toBeNull();
    for (const response of [await claimsCsv(draft.slug), await actorsCsv(draft.slug)]) {
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('DRAFT-CLAIM');
    }
  });
});

describe('internal notes stay on the desk', () => {
  it('are not in the dossier page, its data, any claim page or the public procedures', async () => {
    const page = (await dossierPage(story.slug))!;
    const texts = [page.html, JSON.stringify(page.data), JSON.stringify(await reader().claims.listPublic({ slug: story.slug }))];
    for (const claim of [scene.accusation, scene.denial, scene.observation, scene.tricky]) {
      const claimView = (await claimPage(story.slug, claim.id))!;
      texts.push(claimView.html, JSON.stringify(claimView.data), JSON.stringify(await reader().claims.publicById({ slug: story.slug, id: claim.id })));
    }
    for (const text of texts) expect(text).not.toContain(CANARY);
  });

  it('are not in the public claims, actors or sources CSV', async () => {
    for (const response of [await claimsCsv(story.slug), await actorsCsv(story.slug), await sourcesCsv(story.slug)]) {
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text.length).toBeGreaterThan(100);
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain('internal_notes');
    }
  });

  it('are in the desk claims CSV (so the checks above look for text that exists)', async () => {
    const response = await deskCsv(story.slug);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`${CANARY} claim`);
    const unsourced = rowsOf(text).find((row) => row.id === scene.unsourced.id)!;
    expect(unsourced.needs_source).toBe('yes');
  });
});

describe('ClaimReview JSON-LD', () => {
  it('is on a verdict’s page exactly once, without a per-request nonce (the page is cached for every reader), with the texts the page shows', async () => {
    const { html, data } = (await claimPage(story.slug, scene.accusation.id))!;
    const blocks = jsonLdBlocks(html);
    expect(blocks).toHaveLength(1);
    const [{ nonce, data: review }] = blocks as [(typeof blocks)[number]];
    expect(nonce).toBeNull();
    expect(review['@type']).toBe('ClaimReview');
    expect(review.claimReviewed).toBe(data.claim.statement);
    expect(html).toMatch(new RegExp(`<h1[^>]*>${data.claim.statement}</h1>`));
    const rating = review.reviewRating as { alternateName: string; ratingExplanation: string };
    expect(rating.alternateName).toBe('False');
    expect(html).toContain('Verification: False');
    expect(html).toContain(rating.ratingExplanation);
    expect((review.itemReviewed as { author: { name: string } }).author.name).toBe('Northland Defence Ministry');
    expect(review.url).toBe(`https://claimdesk.example.org/d/${story.slug}/claims/${scene.accusation.id}`);
  });

  it('is absent when the status is no verdict', async () => {
    const { html } = (await claimPage(story.slug, scene.denial.id))!;
    expect(html).toContain('Unverified');
    expect(jsonLdBlocks(html)).toHaveLength(0);
    expect(html).not.toContain('application/ld+json');
  });

  it('cannot be closed early by a statement that contains a script tag', async () => {
    const { html, data } = (await claimPage(story.slug, scene.tricky.id))!;
    expect(html.match(/<script/g)).toHaveLength(1);
    const [block] = jsonLdBlocks(html);
    expect(block!.data.claimReviewed).toBe(data.claim.statement);
    expect(decode(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)![1]!)).toBe(data.claim.statement);
  });

  it('is not on the dossier page', async () => {
    expect((await dossierPage(story.slug))!.html).not.toContain('application/ld+json');
  });
});

describe('claims and actors CSVs', () => {
  it('public claims CSV: one row per public claim with the agreed columns and related ids', async () => {
    const bytes = new Uint8Array(await (await claimsCsv(story.slug)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(headerOf(text)).toEqual([
      'id', 'claimant', 'party', 'about', 'statement', 'quote', 'quote_kind', 'original_text', 'original_language', 'said_at',
      'said_precision', 'occurred_at', 'occurred_precision', 'place', 'category', 'killed', 'killed_at_least', 'wounded',
      'wounded_at_least', 'displaced', 'displaced_at_least', 'equipment_destroyed', 'equipment_destroyed_at_least', 'status',
      'status_explanation', 'credibility', 'source_urls', 'counters', 'corroborates', 'updates', 'tags',
    ]);
    const rows = rowsOf(text);
    const denial = rows.find((row) => row.id === scene.denial.id)!;
    expect(denial).toMatchObject({ claimant: 'Southland', party: 'Southland', counters: scene.accusation.id, status: 'unverified' });
    const accusation = rows.find((row) => row.id === scene.accusation.id)!;
    expect(accusation).toMatchObject({ party: 'Northland', quote_kind: 'verbatim', killed: '14', killed_at_least: 'yes', source_urls: 'https://news.example.org/wire' });
    // The observation corroborates a needs-source claim: the id of a claim that is not public is not given.
    expect(rows.find((row) => row.id === scene.observation.id)!.corroborates).toBe('');
  });

  it('public actors CSV: the parties and every actor a public claim names, public columns only', async () => {
    const response = await actorsCsv(story.slug);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    expect(headerOf(text)).toEqual(['id', 'name', 'kind', 'country_code', 'country', 'affiliation', 'title', 'aliases', 'description', 'party_role']);
    const names = rowsOf(text).map((row) => row.name);
    expect(names.slice(0, 2)).toEqual(['Northland', 'Southland']);
    expect(names).toEqual(expect.arrayContaining(['Northland Defence Ministry', 'Border Monitors']));
  });

  it.each([
    ['claims.csv', claimsCsv],
    ['actors.csv', actorsCsv],
  ])('public %s is cached the way sources.csv is: ETag and no-cache, the same whatever the request, a new ETag after an edit', async (file, get) => {
    const first = await get(story.slug);
    const firstText = await first.text();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    // The route reads nothing of the request (Next caches its answer for every reader): a conditional GET gets the file.
    const again = await get(story.slug, { 'if-none-match': etag });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe(firstText);

    const renamed = await makeActor(database.db, { name: 'Late Commentator', kind: 'person' });
    const source = await makeSource(database.db, users.editor, story.id, { title: 'Late source', url: `https://news.example.org/late/${file}` });
    await createClaim(database.db, users.editor, claimInput(story.id, { claimantId: renamed.id, statement: 'A late claim', sources: [{ sourceId: source.id, excerpt: '' }] }));
    const changed = await get(story.slug, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('Late');
  });

  it.each([
    ['a NUL', '\u0000'],
    ['a path', '../../etc/passwd'],
    ['an unknown dossier', 'no-such-dossier'],
    ['200 characters', 'a'.repeat(200)],
  ])('public CSVs answer 404 for %s', async (_label, slug) => {
    expect((await claimsCsv(slug)).status).toBe(404);
    expect((await actorsCsv(slug)).status).toBe(404);
  });

  it('desk claims CSV: sign-in first, then every field, with the claims table’s filters from the query string', async () => {
    expect((await deskCsv(story.slug, '', false)).status).toBe(401);
    const all = await deskCsv(story.slug);
    expect(all.headers.get('cache-control')).toBe('private, no-store');
    const header = headerOf(await all.text());
    expect(header).toEqual(expect.arrayContaining(['internal_notes', 'needs_source', 'counters', 'deleted_at']));

    const needsSource = rowsOf(await (await deskCsv(story.slug, '?needs_source=1')).text());
    expect(needsSource.map((row) => row.id)).toEqual([scene.unsourced.id]);
    const falseOnes = rowsOf(await (await deskCsv(story.slug, '?status=false')).text());
    expect(falseOnes.map((row) => row.id)).toEqual([scene.accusation.id]);
    const deleted = rowsOf(await (await deskCsv(story.slug, '?deleted=1')).text());
    expect(deleted.map((row) => row.id)).toEqual([scene.deleted.id]);
  });

  it('desk claims CSV: a bad filter is a 400 naming it, a bad slug a 404', async () => {
    const bad = await deskCsv(story.slug, '?status=bogus');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^status:/);
    const reversed = await deskCsv(story.slug, '?from=2020-09-28&to=2020-09-27');
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error).toMatch(/^to:/);
    for (const slug of ['\u0000', 'no-such-dossier', 'a'.repeat(200)]) {
      const response = await deskCsv(slug);
      expect(response.status, slug).toBe(404);
    }
  });
});

describe('claims and actors CSVs during an outage', () => {
  it('answer 503 with Retry-After and no SQL, and work again once the database is back', async () => {
    const cookie = await signedInCookie(database.db, users.viewer.id);
    const down = await unreachableDatabase();
    setAppDatabaseForTesting(down);
    try {
      for (const response of [
        await claimsCsv(story.slug),
        await actorsCsv(story.slug),
        await deskClaimsExport(new Request(`http://localhost/api/export/${story.slug}/claims.csv`, { headers: { cookie } }), params(story.slug)),
      ]) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await response.text()).not.toMatch(/select|from "|claims|ECONNREFUSED/i);
      }
    } finally {
      setAppDatabaseForTesting(database);
      await down.close();
    }
    expect((await claimsCsv(story.slug)).status).toBe(200);
  });
});
