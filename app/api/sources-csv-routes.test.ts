import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppDatabaseForTesting } from '@/server/db';
import type { Dossier } from '@/server/dossiers/schema';
import { createDossier, deleteDossier, setDossierPublished, updateDossier } from '@/server/dossiers/dossiers.service';
import { createSource, deleteSource, restoreSource, updateSource } from '@/server/sources/sources.service';
import type { Source } from '@/server/sources/schema';
import { dossierInput, signedInCookie, sourceInput } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { GET as publicExport } from '../(public)/d/[slug]/sources.csv/route';
import { GET as deskExport } from './export/[slug]/sources.csv/route';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let story: Dossier;

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
/** The path segment as a client sends it: already percent-encoded ones are kept as they are. */
const segment = (slug: string, wire?: string) => wire ?? encodeURIComponent(slug);
const publicCsv = (slug: string, headers: Record<string, string> = {}, wire?: string) =>
  publicExport(new Request(`http://localhost/d/${segment(slug, wire)}/sources.csv`, { headers }), params(slug));
const deskCsv = async (slug: string, wire?: string) =>
  deskExport(
    new Request(`http://localhost/api/export/${segment(slug, wire)}/sources.csv`, { headers: { cookie: await signedInCookie(database.db, users.viewer.id) } }),
    params(slug),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  setAppDatabaseForTesting(database);
  users = await createTestUsers(database);
  const created = await createDossier(database.db, users.editor, dossierInput({ title: 'Cached story' }));
  story = await setDossierPublished(database.db, users.editor, { id: created.id, version: created.version, published: true });
  await createSource(database.db, users.editor, sourceInput(story.id, { title: 'First report' }));
});
afterAll(async () => {
  setAppDatabaseForTesting(undefined);
  await database.cleanup();
});

/**
 * Slugs as Next hands them to the route after decoding the address: `%00` arrives as a NUL, which PostgreSQL
 * refuses inside a query (that was a 500). `%FF`, `%C0%AF` and `%ED%A0%80` do not decode at all; Next's router
 * answers those before any route runs (see the report in the commit), but should one reach a handler, undecoded or
 * decoded with replacement characters, it must be a 404 too.
 */
const craftedSlugs: Array<[label: string, slug: string, wire: string]> = [
  ['NUL (%00)', '\u0000', '%00'],
  ['NUL inside a real slug', 'cached\u0000story', 'cached%00story'],
  ['%FF left undecoded', '%FF', '%FF'],
  ['%C0%AF left undecoded', '%C0%AF', '%C0%AF'],
  ['%ED%A0%80 left undecoded', '%ED%A0%80', '%ED%A0%80'],
  ['%FF decoded leniently (a replacement character)', '\uFFFD', '%FF'],
  ['%ED%A0%80 decoded leniently (a lone surrogate)', '\uD800', '%ED%A0%80'],
  ['%C0%AF decoded leniently (two replacement characters)', '\uFFFD\uFFFD', '%C0%AF'],
  ['a path', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd'],
  ['200 characters', 'a'.repeat(200), 'a'.repeat(200)],
];

describe('crafted slugs on the CSV routes', () => {
  it.each(craftedSlugs)('public sources.csv answers 404 for %s', async (_label, slug, wire) => {
    const response = await publicCsv(slug, {}, wire);
    expect(response.status).toBe(404);
  });

  it.each(craftedSlugs)('desk export answers 404 for %s, signed in', async (_label, slug, wire) => {
    const response = await deskCsv(slug, wire);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Dossier not found.' });
  });

  it('desk export still asks a signed-out caller to sign in first, whatever the slug', async () => {
    const response = await deskExport(new Request('http://localhost/api/export/%00/sources.csv'), params('\u0000'));
    expect(response.status).toBe(401);
  });

  it('public sources.csv refuses them without querying the database (it answers even when the database is closed)', async () => {
    const closed = await createTestDatabase();
    await closed.cleanup();
    setAppDatabaseForTesting(closed);
    try {
      for (const [label, slug, wire] of craftedSlugs) expect((await publicCsv(slug, {}, wire)).status, label).toBe(404);
      // And a well-formed slug does reach the (closed) database, so the check above means something.
      // (A closed PostgreSQL pool reads as an outage, a 503; a closed PGlite throws.)
      const reached = await publicCsv('well-formed-slug').then((response) => response.status, () => 'threw');
      expect([503, 'threw']).toContain(reached);
    } finally {
      setAppDatabaseForTesting(database);
    }
  });

  it('still serves a well-formed slug in any letter case', async () => {
    expect((await publicCsv(story.slug.toUpperCase())).status).toBe(200);
    expect((await deskCsv(story.slug)).status).toBe(200);
  });
});

describe('public sources.csv caching', () => {
  async function etagNow(): Promise<string> {
    const response = await publicCsv(story.slug);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/); // strong: no W/ prefix
    return etag!;
  }

  it('asks every cache to revalidate instead of keeping the file for a minute', async () => {
    const response = await publicCsv(story.slug);
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    expect(response.headers.get('cache-control')).not.toMatch(/max-age/);
  });

  it('keeps the same ETag while nothing changes', async () => {
    expect(await etagNow()).toBe(await etagNow());
  });

  it('answers the same file whatever the request (so Next caches it for every reader), If-None-Match or not', async () => {
    const etag = await etagNow();
    const plain = await (await publicCsv(story.slug)).text();
    for (const header of [etag, `W/${etag}`, '*', '"an-old-version"']) {
      const response = await publicCsv(story.slug, { 'if-none-match': header });
      expect(response.status, header).toBe(200);
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe('public, no-cache');
      expect(await response.text()).toBe(plain);
    }
    expect(plain).toContain('First report');
  });

  it('changes the ETag when a source is added, edited, deleted or restored', async () => {
    const seen = new Set([await etagNow()]);
    const expectNew = async (what: string) => {
      const etag = await etagNow();
      expect(seen.has(etag), `${what} must change the ETag`).toBe(false);
      seen.add(etag);
    };
    let source: Source = await createSource(database.db, users.editor, sourceInput(story.id, { title: 'Second report' }));
    await expectNew('adding a source');
    source = await updateSource(database.db, users.editor, { ...sourceInput(story.id, { title: 'Second report, corrected' }), id: source.id, version: source.version });
    await expectNew('editing a source');
    const revalidated = await publicCsv(story.slug, { 'if-none-match': [...seen].at(-2)! });
    expect(revalidated.status, 'the copy from before the edit is stale').toBe(200);
    expect(await revalidated.text()).toContain('Second report, corrected');
    source = await deleteSource(database.db, users.editor, { id: source.id, version: source.version });
    await expectNew('deleting a source');
    await restoreSource(database.db, users.editor, { id: source.id, version: source.version });
    await expectNew('restoring a source');
  });

  it('changes the ETag when the dossier is edited', async () => {
    const before = await etagNow();
    story = await updateDossier(database.db, users.editor, { id: story.id, version: story.version, ...dossierInput({ title: 'Cached story, renamed', slug: story.slug }) });
    expect(await etagNow()).not.toBe(before);
  });

  it('answers 404 at once after the dossier is unpublished, even to a cache holding a copy, and again after deletion', async () => {
    const etag = await etagNow();
    story = await setDossierPublished(database.db, users.editor, { id: story.id, version: story.version, published: false });
    const unpublished = await publicCsv(story.slug, { 'if-none-match': etag });
    expect(unpublished.status).toBe(404);
    expect(unpublished.headers.get('etag')).toBeNull();

    story = await setDossierPublished(database.db, users.editor, { id: story.id, version: story.version, published: true });
    const republished = await etagNow();
    expect(republished).not.toBe(etag);
    story = await deleteDossier(database.db, users.editor, { id: story.id, version: story.version });
    expect((await publicCsv(story.slug, { 'if-none-match': republished })).status).toBe(404);
  });
});
