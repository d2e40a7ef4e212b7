import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppDatabaseForTesting } from '@/server/db';
import { createReaction, deleteReaction, type ReactionDetail } from '@/server/reactions/reactions.service';
import { makeReactionScene, type ReactionScene } from '@/server/reactions/reactions.test-helpers';
import { signedInCookie, unreachableDatabase } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { GET as publicExport } from '../(public)/d/[slug]/reactions.csv/route';
import { GET as deskExport } from './export/[slug]/reactions.csv/route';

/**
 * The reactions CSV routes as the app serves them: the public one (published dossiers, public reactions and fields
 * only, cached with an ETag) and the desk one (signed in, the table's view from the query string, 400 for a value
 * the table would drop).
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let scene: ReactionScene;
let draft: ReactionScene;
let joint: ReactionDetail;
let erdogan: ReactionDetail;
let unsourced: ReactionDetail;
let deleted: ReactionDetail;

const CANARY = 'CANARY-reactions-csv-route-0e2b';

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const publicCsv = (slug: string, headers: Record<string, string> = {}) =>
  publicExport(new Request(`http://localhost/d/${encodeURIComponent(slug)}/reactions.csv`, { headers }), params(slug));
const deskCsv = async (slug: string, query = '', signedIn = true) =>
  deskExport(
    new Request(`http://localhost/api/export/${encodeURIComponent(slug)}/reactions.csv${query}`, {
      headers: signedIn ? { cookie: await signedInCookie(database.db, users.viewer.id) } : {},
    }),
    params(slug),
  );
const rowsOf = (text: string) => parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

beforeAll(async () => {
  database = await createTestDatabase();
  setAppDatabaseForTesting(database);
  users = await createTestUsers(database);
  scene = await makeReactionScene(database.db, users.editor, { published: true });
  draft = await makeReactionScene(database.db, users.editor, { published: false });
  const { actors: a, parties: p } = scene;
  const create = (actorIds: string[], overrides: Parameters<ReactionScene['input']>[1]) =>
    createReaction(database.db, users.editor, scene.input(actorIds, { internalNotes: `${CANARY} note`, tags: [`${CANARY}-tag`], ...overrides }));
  joint = await create([a.france.id, a.germany.id, a.italy.id, a.eu.id], { primaryStance: 'ceasefire', reactedAt: new Date('2020-09-27T12:00:00Z') });
  erdogan = await create([a.erdogan.id], { primaryStance: 'supports_party', targets: [p.azerbaijan.id], reactedAt: new Date('2020-09-28T10:00:00Z') });
  unsourced = await create([a.stateDepartment.id], { paraphrase: 'UNSOURCED-REACTION', sources: [] });
  deleted = await create([a.putin.id], { paraphrase: 'DELETED-REACTION' });
  deleted = (await deleteReaction(database.db, users.editor, { id: deleted.id, version: deleted.version })) as unknown as ReactionDetail;
  await createReaction(database.db, users.editor, draft.input([draft.actors.france.id], { paraphrase: 'DRAFT-REACTION' }));
});
afterAll(async () => {
  setAppDatabaseForTesting(undefined);
  await database.cleanup();
});

describe('public reactions.csv', () => {
  it('is one row per reaction and signatory of the public reactions, with a BOM and public columns only', async () => {
    const response = await publicCsv(scene.dossier.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${scene.dossier.slug}-reactions.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = rowsOf(text);
    expect(rows.map((row) => [row.reaction_id, row.signatory, row.counts_for_country_code])).toEqual([
      [joint.id, 'France', 'FR'],
      [joint.id, 'Germany', 'DE'],
      [joint.id, 'Italy', 'IT'],
      [joint.id, 'European Union', ''],
      [erdogan.id, 'Recep Tayyip Erdoğan', 'TR'],
    ]);
    expect(rows[4]).toMatchObject({ counts_for: 'Turkey', alignment_azerbaijan: 'with', alignment_armenia: 'against' });
    for (const hidden of [CANARY, 'internal_notes', 'UNSOURCED-REACTION', 'DELETED-REACTION', 'DRAFT-REACTION', unsourced.id, deleted.id]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('is cached like the other public CSVs: ETag, no-cache, the same file whatever the request, a new ETag after an edit', async () => {
    const first = await publicCsv(scene.dossier.slug);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const again = await publicCsv(scene.dossier.slug, { 'if-none-match': etag });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe(etag);

    const late = await createReaction(database.db, users.editor, scene.input([scene.actors.pope.id], { primaryStance: 'sympathy', paraphrase: 'Late prayer' }));
    const changed = await publicCsv(scene.dossier.slug, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('Late prayer');
    await deleteReaction(database.db, users.editor, { id: late.id, version: late.version });
  });

  it.each([
    ['a draft dossier', () => draft.dossier.slug],
    ['an unknown dossier', () => 'no-such-dossier'],
    ['a NUL', () => '\u0000'],
    ['a path', () => '../../etc/passwd'],
    ['200 characters', () => 'a'.repeat(200)],
  ])('answers 404 for %s', async (_label, slug) => {
    const response = await publicCsv(slug());
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('DRAFT-REACTION');
  });
});

describe('desk reactions.csv', () => {
  it('asks a signed-out caller to sign in first', async () => {
    expect((await deskCsv(scene.dossier.slug, '', false)).status).toBe(401);
    expect((await deskCsv('\u0000', '', false)).status).toBe(401);
  });

  it('has every field, notes and tags included, never cached', async () => {
    const response = await deskCsv(scene.dossier.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${scene.dossier.slug}-reactions-desk.csv"`);
    const text = await response.text();
    expect(text).toContain(`${CANARY} note`);
    expect(text).toContain(`${CANARY}-tag`);
    const rows = rowsOf(text);
    expect(rows.find((row) => row.reaction_id === unsourced.id)).toMatchObject({ needs_source: 'yes', signatory: 'US Department of State', counts_for: 'United States' });
    expect(rows.filter((row) => row.reaction_id === joint.id)).toHaveLength(4);
  });

  it('exports the table’s view from the query string', async () => {
    const ceasefire = rowsOf(await (await deskCsv(scene.dossier.slug, '?stance=ceasefire')).text());
    expect(new Set(ceasefire.map((row) => row.reaction_id))).toEqual(new Set([joint.id]));
    const states = rowsOf(await (await deskCsv(scene.dossier.slug, `?actor=${scene.actors.turkey.id}`)).text());
    expect(states.map((row) => row.reaction_id)).toEqual([erdogan.id]);
    const withAzerbaijan = rowsOf(await (await deskCsv(scene.dossier.slug, `?alignment=with&party=${scene.parties.azerbaijan.id}`)).text());
    expect(withAzerbaijan.map((row) => row.reaction_id)).toEqual([erdogan.id]);
    const onDay = rowsOf(await (await deskCsv(scene.dossier.slug, '?from=2020-09-28&to=2020-09-28')).text());
    expect(onDay.map((row) => row.reaction_id)).toEqual([erdogan.id]);
    const removed = rowsOf(await (await deskCsv(scene.dossier.slug, '?deleted=1')).text());
    expect(removed.map((row) => row.reaction_id)).toContain(deleted.id);
    expect(removed.every((row) => row.deleted_at !== '')).toBe(true);
    expect(removed.map((row) => row.reaction_id)).not.toContain(joint.id);
    const earliest = rowsOf(await (await deskCsv(scene.dossier.slug, '?sort=reacted&dir=asc')).text());
    expect(earliest[0]!.reaction_id).toBe(joint.id);
  });

  it('answers 400 naming a bad filter, and for a reversed date range', async () => {
    for (const [query, parameter] of [
      ['?stance=bogus', 'stance'],
      ['?actor=nope', 'actor'],
      ['?party=nope', 'party'],
      ['?from=2020-02-30', 'from'],
      ['?sort=sideways', 'sort'],
    ] as const) {
      const response = await deskCsv(scene.dossier.slug, query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error, query).toMatch(new RegExp(`^${parameter}:`));
    }
    const reversed = await deskCsv(scene.dossier.slug, '?from=2020-09-28&to=2020-09-27');
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error).toMatch(/^to:/);
  });

  it.each([['\u0000'], ['no-such-dossier'], ['a'.repeat(200)], ['../../etc/passwd']])('answers 404 for slug %j', async (slug) => {
    const response = await deskCsv(slug);
    expect(response.status).toBe(404);
  });

  it('exports a draft dossier’s reactions to the desk', async () => {
    const response = await deskCsv(draft.dossier.slug);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('DRAFT-REACTION');
  });
});

describe('reactions CSVs during an outage', () => {
  it('answer 503 with Retry-After and no SQL, and work again once the database is back', async () => {
    const cookie = await signedInCookie(database.db, users.viewer.id);
    const down = await unreachableDatabase();
    setAppDatabaseForTesting(down);
    try {
      for (const response of [
        await publicCsv(scene.dossier.slug),
        await deskExport(new Request(`http://localhost/api/export/${scene.dossier.slug}/reactions.csv`, { headers: { cookie } }), params(scene.dossier.slug)),
      ]) {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await response.text()).not.toMatch(/select|from "|reactions|ECONNREFUSED/i);
      }
    } finally {
      setAppDatabaseForTesting(database);
      await down.close();
    }
    expect((await publicCsv(scene.dossier.slug)).status).toBe(200);
  });
});
