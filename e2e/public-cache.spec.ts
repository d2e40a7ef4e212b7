import type { APIRequestContext } from '@playwright/test';
import { DEMO_DOSSIER_SLUG, expect, test, type DeskApi } from './fixtures';

/**
 * Readers' pages come from Next's cache (server/public-cache): a signed-out reader's second load is a cache hit, and
 * an editor's save expires what it shows on, so the next load shows the change at once — never a stale page.
 */

interface Row {
  id: string;
  version: number;
}

/** A signed-out GET: status, Next's cache verdict and the body. */
async function load(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), cache: response.headers()['x-nextjs-cache'], text: await response.text() };
}

/**
 * Loaded until the cache answers. The first load renders the page; a render that overlapped a recent write (one
 * expiring its tags within the last moments, such as the arranging just before) is not stored, so the cache may
 * take a few loads to fill — longer while other specs write in parallel (every write that expires `public:all`
 * restarts that moment), hence the generous bound.
 */
async function loadCached(request: APIRequestContext, path: string) {
  const first = await load(request, path);
  await expect.poll(async () => (await load(request, path)).cache, { message: `${path} served from the cache`, timeout: 30_000 }).toBe('HIT');
  const cached = await load(request, path);
  expect(cached.status).toBe(first.status);
  return cached;
}

const blankSource = { url: null, outlet: '', author: '', language: '', publishedAt: null, retrievedAt: null, archiveUrl: null, internalNotes: '', kind: 'news_report', reliability: 'C' };

/** A published dossier with a party, a source and a claim citing it. */
async function arrange(api: DeskApi, slug: string) {
  const ok = <T>(kind: 'query' | 'mutation', procedure: string, input: unknown) => api.trpc.ok<T>(kind, procedure, input);
  const dossier = await api.createDossier({ title: `Cached story ${slug}`, slug });
  const north = await ok<Row>('mutation', 'actors.create', { name: `Northland ${slug}`, kind: 'state', countryCode: 'NO', allowDuplicate: true, internalNotes: '' });
  await ok('mutation', 'parties.add', { dossierId: dossier.id, actorId: north.id, role: 'party' });
  const source = await api.createSource(dossier.id, { title: `Wire report ${slug}` });
  const claimInput = {
    dossierId: dossier.id,
    claimantId: north.id,
    about: [],
    statement: `Northland says the bridge was shelled (${slug})`,
    quote: '',
    quoteKind: 'paraphrase',
    saidAt: '2020-09-27T06:00:00.000Z',
    saidPrecision: 'exact',
    category: 'ceasefire_violation',
    status: 'unverified',
    statusExplanation: '',
    sources: [{ sourceId: source.id, excerpt: '' }],
  };
  const claim = await ok<Row>('mutation', 'claims.create', claimInput);
  const published = await api.publish(dossier);
  return { dossier: published, source, claim, claimInput, ok };
}

test('a signed-out reader gets cached pages, and sees an editor’s change at once', async ({ request, editorApi, uniqueSlug }) => {
  test.setTimeout(120_000);
  const slug = uniqueSlug('public-cache');
  const { dossier, source, claim, claimInput, ok } = await arrange(editorApi, slug);
  const dossierPath = `/d/${slug}`;
  const claimPath = `/d/${slug}/claims/${claim.id}`;
  const csvPath = `/d/${slug}/sources.csv`;
  const embedPath = `/embed/d/${slug}/reactions`;

  expect((await loadCached(request, dossierPath)).text).toContain(`Wire report ${slug}`);
  expect((await loadCached(request, claimPath)).text).toContain(claimInput.statement);
  expect((await loadCached(request, csvPath)).text).toContain(`Wire report ${slug}`);
  expect((await loadCached(request, embedPath)).status).toBe(200);
  // A query string the page does not read gets the same cached page; a view it does read is cached on its own.
  expect((await load(request, `${dossierPath}?utm_source=newsletter`)).cache).toBe('HIT');
  expect((await loadCached(request, `${dossierPath}?status=unverified&utm_source=x`)).text).toContain(claimInput.statement);

  // The editor renames the source: every page showing it changes at once.
  await ok('mutation', 'sources.update', { ...blankSource, id: source.id, version: source.version, title: `Wire report, corrected ${slug}` });
  for (const path of [dossierPath, csvPath]) {
    const after = await load(request, path);
    expect(after.status).toBe(200);
    expect(after.text, path).toContain(`Wire report, corrected ${slug}`);
  }
  expect((await load(request, claimPath)).text).toContain(`Wire report, corrected ${slug}`);

  // The editor rewords the claim: its page, the dossier page and the filtered view change at once.
  const statement = `Northland now says the bridge was shelled twice (${slug})`;
  const { dossierId: _dossierId, ...claimFields } = claimInput;
  await ok('mutation', 'claims.update', { ...claimFields, id: claim.id, version: claim.version, statement, correction: { kind: 'correction', note: 'Two strikes, not one.' } });
  for (const path of [claimPath, dossierPath, `${dossierPath}?status=unverified`]) expect((await load(request, path)).text, path).toContain(statement);

  // Unpublished: every page is a 404 at once.
  const fresh = await ok<Row>('query', 'dossiers.bySlug', { slug });
  await ok('mutation', 'dossiers.setPublished', { id: fresh.id, version: fresh.version, published: false });
  for (const path of [dossierPath, claimPath, csvPath, embedPath]) expect((await load(request, path)).status, path).toBe(404);
  expect(dossier.id).toBe(fresh.id);
});

test('publishing under a slug whose 404 was cached shows the dossier at once', async ({ request, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('public-cache-late');
  const missing = await loadCached(request, `/d/${slug}`);
  expect(missing.status).toBe(404);
  expect((await loadCached(request, `/d/${slug}/sources.csv`)).status).toBe(404);

  const dossier = await editorApi.createDossier({ title: `Published late ${slug}`, slug });
  await editorApi.createSource(dossier.id, { title: `Late wire ${slug}` });
  expect((await load(request, `/d/${slug}`)).status, 'a draft stays a 404').toBe(404);
  await editorApi.publish(await editorApi.trpc.ok<Row>('query', 'dossiers.bySlug', { slug }));
  const page = await load(request, `/d/${slug}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain(`Published late ${slug}`);
  expect((await load(request, `/d/${slug}/sources.csv`)).text).toContain(`Late wire ${slug}`);
});

test('a reaction page and the home page are served from the cache', async ({ request }) => {
  const home = await loadCached(request, '/');
  expect(home.text).toContain(DEMO_DOSSIER_SLUG);
  const dossierPage = await load(request, `/d/${DEMO_DOSSIER_SLUG}`);
  const reactionPath = dossierPage.text.match(new RegExp(`/d/${DEMO_DOSSIER_SLUG}/reactions/[0-9a-f-]{36}`))?.[0];
  expect(reactionPath).toBeTruthy();
  expect((await loadCached(request, reactionPath!)).status).toBe(200);
});
