import type { Page, Request } from '@playwright/test';
import { DEMO_DOSSIER_SLUG, expect, test, type DeskApi, type Role } from './fixtures';

/**
 * Desk pages arrive with their first view rendered on the server (app/desk/prefetch.ts): the rows are in the HTML,
 * the browser does not ask for them again, exact counts come on their own request so the rows never wait for one,
 * and the rows' links are not prefetched one page each.
 */

/** The tRPC procedures of a request to /api/trpc (a batch names several: `/api/trpc/a.list,b.count?batch=1`). */
function proceduresOf(request: Request): string[] {
  const { pathname } = new URL(request.url());
  if (!pathname.startsWith('/api/trpc/')) return [];
  return decodeURIComponent(pathname.slice('/api/trpc/'.length)).split(',');
}

/** Every tRPC request the page sends from now on, as the list of procedures each carried. */
function recordTrpcRequests(page: Page): string[][] {
  const sent: string[][] = [];
  page.on('request', (request) => {
    const procedures = proceduresOf(request);
    if (procedures.length) sent.push(procedures);
  });
  return sent;
}

/** A signed-in page's HTML as the server sends it, before any script runs. */
async function serverHtml(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return response.text();
}

/** The sources table of a dossier page's HTML (the page also names sources in its history). */
function sourcesTableOf(html: string): string {
  const start = html.indexOf('aria-labelledby="sources-heading"');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</table>', start));
}

async function dossierWithSources(editorApi: DeskApi, slug: string, count: number) {
  const dossier = await editorApi.createDossier({ title: `First view ${slug}`, slug });
  for (let index = 0; index < count; index++) {
    await editorApi.createSource(dossier.id, { title: `Dispatch ${String(index).padStart(2, '0')}${index % 5 === 0 ? ' from Stepanakert' : ''}` });
  }
  return dossier;
}

test('the dossier list, a dossier page and its filtered view are in the HTML the server sends', async ({ pageAs, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('first-view');
  const dossier = await dossierWithSources(editorApi, slug, 12);
  const page = await pageAs('viewer');

  const home = await serverHtml(page, '/desk');
  expect(home).toContain(dossier.title);
  expect(home).not.toContain('Loading…');

  const dossierPage = await serverHtml(page, `/desk/dossiers/${slug}`);
  expect(sourcesTableOf(dossierPage)).toContain('Dispatch 11');
  expect(dossierPage).not.toContain('Loading sources…');
  // The dossier's activity (its history panel) too.
  expect(dossierPage).not.toContain('Loading history…');

  // The view in the address is the one rendered: a search keeps only its matches.
  const searched = sourcesTableOf(await serverHtml(page, `/desk/dossiers/${slug}?q=stepanakert&sort=title&dir=asc`));
  expect(searched).toMatch(/Dispatch 00 from Stepanakert.*Dispatch 05 from Stepanakert.*Dispatch 10 from Stepanakert/s);
  expect(searched).not.toContain('Dispatch 11');
});

const deskLists: Array<{ name: string; role: Role; path: string; loading: string; row: RegExp }> = [
  { name: 'claims', role: 'viewer', path: `/desk/dossiers/${DEMO_DOSSIER_SLUG}/claims`, loading: 'Loading claims…', row: /href="\/desk\/dossiers\/[^"/]+\/claims\/[0-9a-f-]{36}"/ },
  { name: 'reactions', role: 'viewer', path: `/desk/dossiers/${DEMO_DOSSIER_SLUG}/reactions`, loading: 'Loading reactions…', row: /href="\/desk\/dossiers\/[^"/]+\/reactions\/[0-9a-f-]{36}"/ },
  { name: 'actors', role: 'viewer', path: '/desk/actors', loading: 'Loading actors…', row: /href="\/desk\/actors\/[0-9a-f-]{36}"/ },
  { name: 'users', role: 'admin', path: '/desk/users', loading: 'Loading…', row: /viewer@example\.org/ },
];

for (const list of deskLists) {
  test(`the ${list.name} list is in the HTML, and the browser does not fetch it again`, async ({ pageAs }) => {
    const page = await pageAs(list.role);
    const html = await serverHtml(page, list.path);
    expect(html).toMatch(list.row);
    expect(html).not.toContain(list.loading);

    const sent = recordTrpcRequests(page);
    await page.goto(list.path);
    await page.waitForLoadState('networkidle');
    // Only exact counts may be asked for after the page arrived; every list came with it.
    expect(sent.flat().filter((procedure) => !procedure.endsWith('.count'))).toEqual([]);
  });
}

test('opening a dossier page asks only for counts, each on its own request, and prefetches no row pages', async ({ pageAs, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('no-prefetch');
  await dossierWithSources(editorApi, slug, 25);
  const page = await pageAs('editor');
  const sent = recordTrpcRequests(page);
  const prefetched: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch'] || request.headers()['rsc']) prefetched.push(new URL(request.url()).pathname);
  });

  await page.goto(`/desk/dossiers/${slug}`);
  await expect(page.getByText('25 sources')).toBeVisible();
  // Every row's link in view at some point (Next prefetches links as they enter the viewport).
  await page.getByRole('row').last().scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');

  // Counts only, one per request (a batch would hold the rest back until its slowest call answered).
  expect(sent.flat().every((procedure) => procedure.endsWith('.count'))).toBe(true);
  expect(sent.every((procedures) => procedures.length === 1)).toBe(true);
  expect(sent.flat()).toContain('sources.count');
  // Next still prefetches the page's few navigation links ("Add source"); none of the rows' source pages.
  expect(prefetched).toContain(`/desk/dossiers/${slug}/sources/new`);
  const rowPage = new RegExp(`^/desk/dossiers/${slug}/sources/[0-9a-f-]{36}$`);
  expect(prefetched.filter((path) => rowPage.test(path))).toEqual([]);
});

test('a new view shows its rows before its exact count has arrived', async ({ pageAs, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('count-later');
  await dossierWithSources(editorApi, slug, 12);
  const page = await pageAs('viewer');

  // Hold every count of this page until the rows of the searched view are on screen.
  let releaseCounts!: () => void;
  const countsReleased = new Promise<void>((resolve) => (releaseCounts = resolve));
  await page.route(/\/api\/trpc\/[^?]*\.count/, async (route) => {
    await countsReleased;
    await route.continue();
  });

  await page.goto(`/desk/dossiers/${slug}`);
  const rows = page.getByRole('row');
  await expect(rows).toHaveCount(1 + 12);
  await page.getByLabel('Search sources').fill('stepanakert');
  await expect(rows).toHaveCount(1 + 3);
  await expect(rows.nth(1)).toContainText('from Stepanakert');
  await expect(page.getByText('3 matching sources')).toHaveCount(0);

  releaseCounts();
  await expect(page.getByText('3 matching sources')).toBeVisible();
});
