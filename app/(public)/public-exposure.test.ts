import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppDatabaseForTesting } from '@/server/db';
import type { Dossier } from '@/server/dossiers/schema';
import { encodeCursor } from '@/server/db/pagination';
import { createDossier, deleteDossier, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { createSource } from '@/server/sources/sources.service';
import { callerFor, dossierInput, signedInCookie, sourceInput } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { GET as deskExport } from '../api/export/[slug]/sources.csv/route';
import { loadPublicDossier, loadPublicDossierPage, PublicDossierView } from './d/[slug]/public-dossier';
import { GET as publicExport } from './d/[slug]/sources.csv/route';

/**
 * What readers can reach — the home list, a dossier page, its sources listing and its CSV — read the way the app
 * serves them (pages through the procedures a signed-out reader's page uses, CSVs through the route handlers):
 * internal notes never appear there, and drafts and deleted dossiers are not there at all.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let published: Dossier;
let draft: Dossier;
let deleted: Dossier;

// Distinctive, so a leak in any field, attribute or cell is found by a plain text search.
const NOTE_MARKERS = ['NOTE-MARKER-fixer-cousin-4711', 'NOTE-MARKER-do-not-name-7c2e', 'NOTE-MARKER-unverified-9b31'];

const reader = () => callerFor(database.db, null);
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const publicCsv = (slug: string) => publicExport(new Request(`http://localhost/d/${slug}/sources.csv`), params(slug));

/** The HTML a signed-out reader gets for /d/<slug>, or null for a 404. */
async function publicPageHtml(slug: string, after?: string): Promise<string | null> {
  const data = await loadPublicDossierPage(database.db, slug, { after });
  return data.found ? renderToStaticMarkup(createElement(PublicDossierView, { dossier: data.dossier, page: data.page, claims: data.claims })) : null;
}

async function newDossier(title: string, options: { publish: boolean }) {
  const dossier = await createDossier(database.db, users.editor, dossierInput({ title }));
  return options.publish ? setDossierPublished(database.db, users.editor, { id: dossier.id, version: dossier.version, published: true }) : dossier;
}

async function addSources(dossierId: string, prefix: string) {
  for (const [index, note] of NOTE_MARKERS.entries()) {
    await createSource(
      database.db,
      users.editor,
      sourceInput(dossierId, {
        title: `${prefix} source ${index}`,
        outlet: `${prefix} outlet`,
        url: `https://news.example.org/${prefix.toLowerCase()}/${index}`,
        archiveUrl: index === 0 ? `https://archive.example.org/${prefix.toLowerCase()}/${index}` : null,
        publishedAt: index === 2 ? null : new Date(Date.UTC(2020, 8, 27 + index)),
        internalNotes: `${note} (about ${prefix} source ${index})`,
      }),
    );
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  setAppDatabaseForTesting(database);
  users = await createTestUsers(database);
  published = await newDossier('Published story', { publish: true });
  await addSources(published.id, 'Published');
  draft = await newDossier('Draft story', { publish: false });
  await addSources(draft.id, 'Draft');
  // Deleted while published: only the deleted filter can keep it out.
  const toDelete = await newDossier('Deleted story', { publish: true });
  await addSources(toDelete.id, 'Deleted');
  deleted = await deleteDossier(database.db, users.editor, { id: toDelete.id, version: toDelete.version });
});
afterAll(async () => {
  setAppDatabaseForTesting(undefined);
  await database.cleanup();
});

function expectNoNotes(text: string) {
  for (const marker of NOTE_MARKERS) expect(text).not.toContain(marker);
  expect(text).not.toContain('NOTE-MARKER');
}

describe('internal notes stay on the desk', () => {
  it('are not in the public dossier page’s HTML, which does list every source', async () => {
    const html = await publicPageHtml(published.slug);
    expect(html).not.toBeNull();
    for (let index = 0; index < NOTE_MARKERS.length; index++) expect(html).toContain(`Published source ${index}`);
    expectNoNotes(html!);
  });

  it('are not in the public dossier page’s second page either', async () => {
    const first = await reader().sources.listPublic({ slug: published.slug, limit: 1 });
    const html = await publicPageHtml(published.slug, first.nextCursor!);
    expect(html).toContain('Published source');
    expectNoNotes(html!);
  });

  it('are not in sources.listPublic, page by page', async () => {
    let cursor: string | null = null;
    const titles: string[] = [];
    do {
      const page: Awaited<ReturnType<ReturnType<typeof reader>['sources']['listPublic']>> = await reader().sources.listPublic({ slug: published.slug, cursor, limit: 2 });
      titles.push(...page.items.map((row) => row.title));
      expectNoNotes(JSON.stringify(page));
      for (const row of page.items) expect(row).not.toHaveProperty('internalNotes');
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles.sort()).toEqual(['Published source 0', 'Published source 1', 'Published source 2']);
  });

  it('are not in the public CSV, which has every source', async () => {
    const response = await publicCsv(published.slug);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (let index = 0; index < NOTE_MARKERS.length; index++) expect(text).toContain(`Published source ${index}`);
    expectNoNotes(text);
    expect(text).not.toContain('internal_notes');
  });

  it('are in the desk CSV, every one of them (so the checks above look for text that exists)', async () => {
    const response = await deskExport(
      new Request(`http://localhost/api/export/${published.slug}/sources.csv`, { headers: { cookie: await signedInCookie(database.db, users.viewer.id) } }),
      params(published.slug),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const marker of NOTE_MARKERS) expect(text).toContain(marker);
  });

  it('are not in the public home list', async () => {
    const list = await reader().dossiers.listPublished();
    expect(list.map((row) => row.slug)).toContain(published.slug);
    expectNoNotes(JSON.stringify(list));
  });
});

describe('drafts are not public', () => {
  it('are not on the public home list', async () => {
    const slugs = (await reader().dossiers.listPublished()).map((row) => row.slug);
    expect(slugs).toContain(published.slug);
    expect(slugs).not.toContain(draft.slug);
  });

  it('are a 404 on the public page (dossiers.publicBySlug)', async () => {
    await expect(reader().dossiers.publicBySlug({ slug: draft.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await loadPublicDossier(database.db, draft.slug)).toBeNull();
    expect(await publicPageHtml(draft.slug)).toBeNull();
    expect(await publicPageHtml(published.slug)).not.toBeNull();
  });

  it('are a 404 on the public CSV', async () => {
    const response = await publicCsv(draft.slug);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Draft source');
    expect((await publicCsv(published.slug)).status).toBe(200);
  });

  it('have no public sources listing', async () => {
    await expect(reader().sources.listPublic({ slug: draft.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('deleted dossiers are not public, even while marked published', () => {
  it('are still marked published (so only the deleted filter hides them)', () => {
    expect(deleted).toMatchObject({ status: 'published', deletedAt: expect.any(Date) });
  });

  it('are not on the public home list', async () => {
    const slugs = (await reader().dossiers.listPublished()).map((row) => row.slug);
    expect(slugs).toContain(published.slug);
    expect(slugs).not.toContain(deleted.slug);
  });

  it('are a 404 on the public page (dossiers.publicBySlug)', async () => {
    await expect(reader().dossiers.publicBySlug({ slug: deleted.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await loadPublicDossier(database.db, deleted.slug)).toBeNull();
    expect(await publicPageHtml(deleted.slug)).toBeNull();
  });

  it('are a 404 on the public CSV', async () => {
    const response = await publicCsv(deleted.slug);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Deleted source');
  });

  it('have no public sources listing', async () => {
    await expect(reader().sources.listPublic({ slug: deleted.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the public page refuses crafted addresses with a 404, never an error', () => {
  it.each([
    ['a NUL character', '\u0000'],
    ['a NUL inside a real slug', 'published\u0000story'],
    ['an undecodable byte left as Next could pass it', '%FF'],
    ['an overlong encoding of “/”', '%C0%AF'],
    ['a lone surrogate', '%ED%A0%80'],
    ['a replacement character', '\uFFFD'],
    ['a lone surrogate, decoded', '\uD800'],
    ['a path', '../desk'],
    ['a very long slug', 'a'.repeat(5000)],
  ])('a slug with %s', async (_label, slug) => {
    expect(await publicPageHtml(slug)).toBeNull();
    expect(await loadPublicDossier(database.db, slug)).toBeNull();
  });

  it('refuses those slugs before any query (it answers even when the database is closed)', async () => {
    const closed = await createTestDatabase();
    await closed.cleanup();
    for (const slug of ['\u0000', 'published\u0000story', '%FF', '%C0%AF', '%ED%A0%80', '\uFFFD', '\uD800', 'UPPER CASE', 'a'.repeat(5000)]) {
      expect(await loadPublicDossierPage(closed.db, slug, undefined), JSON.stringify(slug)).toMatchObject({ found: false });
      expect(await loadPublicDossier(closed.db, slug), JSON.stringify(slug)).toBeNull();
    }
    // A well-formed slug does reach the (closed) database, so the check above means something.
    await expect(loadPublicDossierPage(closed.db, 'well-formed-slug', undefined)).rejects.toThrow();
  });

  it.each([
    ['an impossible timestamp', encodeCursor('2020-13-45 99:99:99+00', crypto.randomUUID())],
    ['30 February', encodeCursor('2021-02-30 10:00:00+00', crypto.randomUUID())],
    ['garbage', 'not-a-cursor'],
    ['an id that is not a uuid', encodeCursor('2020-09-27 06:15:00+00', 'x')],
  ])('an `after` link with %s', async (_label, after) => {
    expect(await publicPageHtml(published.slug, after)).toBeNull();
  });

  it('still serves a real second page', async () => {
    const first = await reader().sources.listPublic({ slug: published.slug, limit: 100 });
    expect(first.nextCursor).toBeNull();
    const cursor = encodeCursor('2020-09-28 00:00:00+00', '00000000-0000-4000-8000-000000000000');
    const html = await publicPageHtml(published.slug, cursor);
    expect(html).toContain('Published source 0');
    expect(html).not.toContain('Published source 1');
  });
});
