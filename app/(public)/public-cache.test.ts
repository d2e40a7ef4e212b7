import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, mergeActors, updateActor } from '@/server/actors/actors.service';
import { createClaim, updateClaim } from '@/server/claims/claims.service';
import { makeActor, makeDossier, makeParty, makeSource } from '@/server/claims/claims.test-helpers';
import type { Database } from '@/server/db/client';
import { setDossierPublished, updateDossier } from '@/server/dossiers/dossiers.service';
import type { Dossier } from '@/server/dossiers/schema';
import { addParty, updateParty } from '@/server/parties/parties.service';
import { recordExpiredPages } from '@/server/public-cache/public-cache.test-helpers';
import { PUBLIC_ALL_TAG, PUBLIC_INDEX_TAG, publicDossierTag } from '@/server/public-cache/tags';
import { updateSource } from '@/server/sources/sources.service';
import { actorInput, claimInput, dossierInput, sourceInput } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestDatabase, type TestUsers } from '@/server/testing/test-database';
import { setUserRole } from '@/server/users/users.service';
import { getWatchList, setWatchListPublic } from '@/server/watch-lists/watch-lists.service';
import { loadPublicClaimPage } from './d/[slug]/claims/[id]/public-claim';
import { loadPublicDossierPage } from './d/[slug]/public-dossier';
import { loadEntityReactions, loadPublicReaction, loadReactionsSection } from './d/[slug]/public-reactions';

/**
 * Readers' pages are cached and expired by writes (server/public-cache): each page reads its dossier once, and
 * every write a reader could see expires the pages it shows on — its dossier's and the index (the home page's
 * counts, cached 404s), or every page for a directory record (an actor's name shows in any dossier).
 */
let database: TestDatabase;
let users: TestUsers;
let story: Dossier;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  story = await makeDossier(database.db, users.editor, true);
});

afterAll(async () => {
  await database?.cleanup();
});

/** The SQL statements `read` sends, as the driver receives them (both drivers' clients have `query`). */
async function statementsOf(db: Database, read: () => Promise<unknown>): Promise<string[]> {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const query = client.query;
  const seen: string[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const text = args[0];
    seen.push(typeof text === 'string' ? text : String((text as { text?: string })?.text ?? ''));
    return query.apply(this, args);
  };
  try {
    await read();
  } finally {
    client.query = query;
  }
  return seen;
}

const dossierLookups = (statements: string[]) => statements.filter((sql) => /\bfrom "dossiers"/i.test(sql) && /"dossiers"\."slug"|"slug" =/i.test(sql));

describe('a reader’s page looks its dossier up once', () => {
  it('the dossier page: one lookup for the dossier, its sources, claims and reactions', async () => {
    await makeSource(database.db, users.editor, story.id, { title: 'Wire report' });
    let found = false;
    const statements = await statementsOf(database.db, async () => {
      found = (await loadPublicDossierPage(database.db, story.slug, { party: 'others', map: 'stance' })).found;
    });
    expect(found).toBe(true);
    expect(dossierLookups(statements)).toHaveLength(1);
    // Nothing else looks the dossier up by id either.
    expect(statements.filter((sql) => /\bfrom "dossiers"/i.test(sql))).toHaveLength(1);
  });

  it('the claim, reaction and reactions pages: one lookup each', async () => {
    const source = await makeSource(database.db, users.editor, story.id);
    const claimant = await makeActor(database.db, { name: 'Claimant' });
    const claim = await createClaim(database.db, users.editor, claimInput(story.id, { claimantId: claimant.id, sources: [{ sourceId: source.id, excerpt: '' }] }));
    const unknown = crypto.randomUUID();
    for (const read of [
      () => loadPublicClaimPage(database.db, story.slug, claim.id),
      () => loadPublicReaction(database.db, story.slug, unknown),
      () => loadEntityReactions(database.db, story.slug, unknown),
      () => loadReactionsSection(database.db, story.slug, {}),
    ]) {
      const statements = await statementsOf(database.db, read);
      expect(statements.filter((sql) => /\bfrom "dossiers"/i.test(sql)), read.toString()).toHaveLength(1);
    }
  });

  it('answers a 404 tagged with the index (so publishing under that slug replaces it), and a page with its dossier’s tag', async () => {
    expect(await loadPublicDossierPage(database.db, 'no-such-story')).toEqual({ found: false, tags: [PUBLIC_ALL_TAG, PUBLIC_INDEX_TAG] });
    expect((await loadPublicDossierPage(database.db, story.slug)).tags).toEqual([PUBLIC_ALL_TAG, publicDossierTag(story.id)]);
  });
});

describe('writes expire the readers’ pages they show on', () => {
  const expired = recordExpiredPages();

  /** Every tag the writes in `write` expired. */
  async function expiredBy(write: () => Promise<unknown>): Promise<Set<string>> {
    expired.reset();
    await write();
    return new Set(expired.tags());
  }
  const ofStory = () => new Set([publicDossierTag(story.id), PUBLIC_INDEX_TAG]);

  it('a source, claim or dossier edit expires its dossier’s pages and the index, and no other dossier’s', async () => {
    const other = await makeDossier(database.db, users.editor, true);
    const source = await makeSource(database.db, users.editor, story.id, { title: 'Before' });
    expect(await expiredBy(() => updateSource(database.db, users.editor, { ...sourceInput(story.id, { title: 'After' }), id: source.id, version: source.version }))).toEqual(ofStory());

    const claimant = await makeActor(database.db);
    const claim = await createClaim(database.db, users.editor, claimInput(story.id, { claimantId: claimant.id, sources: [{ sourceId: source.id, excerpt: '' }] }));
    const edit = () => updateClaim(database.db, users.editor, { ...claimInput(story.id, { claimantId: claimant.id, statement: 'Edited', sources: [{ sourceId: source.id, excerpt: '' }] }), id: claim.id, version: claim.version, correction: { kind: 'correction', note: 'Reworded.' } });
    const claimTags = await expiredBy(edit);
    expect(claimTags).toEqual(ofStory());
    expect(claimTags.has(publicDossierTag(other.id))).toBe(false);

    story = await updateDossier(database.db, users.editor, { id: story.id, version: story.version, ...dossierInput({ slug: story.slug, title: 'Renamed story' }) });
    expect(expired.tags()).toEqual(expect.arrayContaining([...ofStory()]));
  });

  it('unpublishing and publishing expire the dossier’s pages and the index (its cached 404s)', async () => {
    expect(await expiredBy(async () => (story = await setDossierPublished(database.db, users.editor, { id: story.id, version: story.version, published: false })))).toEqual(ofStory());
    expect(await expiredBy(async () => (story = await setDossierPublished(database.db, users.editor, { id: story.id, version: story.version, published: true })))).toEqual(ofStory());
  });

  it('party and watch-list edits expire the dossier’s pages', async () => {
    const actor = await makeActor(database.db);
    let party: Awaited<ReturnType<typeof addParty>> | undefined;
    expect(await expiredBy(async () => (party = await addParty(database.db, users.editor, { dossierId: story.id, actorId: actor.id, role: 'party' })))).toEqual(ofStory());
    expect(await expiredBy(() => updateParty(database.db, users.editor, { id: party!.id, version: party!.version, role: 'mediator' }))).toEqual(ofStory());
    const list = await getWatchList(database.db, story.id);
    expect(await expiredBy(() => setWatchListPublic(database.db, users.editor, { dossierId: story.id, version: list.version, isPublic: !list.isPublic }))).toEqual(ofStory());
  });

  it('an actor edit or merge expires every public page (an actor shows in any dossier)', async () => {
    const actor = await createActor(database.db, users.editor, actorInput({ name: 'Southland' }));
    expect(await expiredBy(() => updateActor(database.db, users.editor, { ...actorInput({ name: 'Southland Republic' }), id: actor.id, version: actor.version }))).toEqual(new Set([PUBLIC_ALL_TAG]));
    const into = await makeActor(database.db);
    await makeParty(database.db, story.id, into.id, 9);
    const merged = await expiredBy(() => mergeActors(database.db, users.editor, { fromId: actor.id, intoId: into.id }));
    expect(merged.has(PUBLIC_ALL_TAG)).toBe(true);
  });

  it('a user account change expires nothing (accounts show on no public page)', async () => {
    expect(await expiredBy(() => setUserRole(database.db, users.admin, { id: users.viewer.id, role: 'editor' }))).toEqual(new Set());
  });
});
