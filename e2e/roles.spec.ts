import { atPath, DEMO_DOSSIER_SLUG, expect, test, trpcFromPage, type DossierRecord } from './fixtures';

/** Controls a viewer must not be offered anywhere on a dossier's desk page. */
const EDIT_CONTROLS = /^(Add source|Publish|Unpublish|Edit|Delete|Restore)\b/;

test.describe('a viewer', () => {
  test('sees the dossier but no editing controls', async ({ pageAs }) => {
    const page = await pageAs('viewer');
    await page.goto(`/desk/dossiers/${DEMO_DOSSIER_SLUG}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The sources table has loaded (the demo article is in it), so any controls would have rendered by now.
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Export CSV' })).toBeVisible();

    await expect(page.getByRole('button', { name: EDIT_CONTROLS })).toHaveCount(0);
    await expect(page.getByRole('link', { name: EDIT_CONTROLS })).toHaveCount(0);
  });

  test('reads a source in full, with its history, but gets no form', async ({ pageAs }) => {
    const page = await pageAs('viewer');
    await page.goto(`/desk/dossiers/${DEMO_DOSSIER_SLUG}`);
    await page.getByRole('link', { name: /^Dozens dead as world leaders/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Source' })).toBeVisible();
    // Internal notes are desk-only, and a viewer is on the desk.
    // (Scoped to the details: the history panel quotes the same note in its "created" entry.)
    const details = page.getByRole('region', { name: /^Dozens dead as world leaders/ });
    await expect(details.getByText('names neither its outlet nor its URL')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^(Save|Delete|Restore)\b/ })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
  });

  test('cannot open the editors\' forms', async ({ pageAs }) => {
    const page = await pageAs('viewer');
    for (const path of ['/desk/dossiers/new', `/desk/dossiers/${DEMO_DOSSIER_SLUG}/sources/new`, `/desk/dossiers/${DEMO_DOSSIER_SLUG}/edit`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('button', { name: /^(Create dossier|Add source|Save)$/ })).toHaveCount(0);
    }
  });

  test('is refused a direct tRPC mutation, and nothing is created', async ({ pageAs }) => {
    const page = await pageAs('viewer');
    await page.goto(`/desk/dossiers/${DEMO_DOSSIER_SLUG}`);
    const dossier = await trpcFromPage<DossierRecord>(page, 'query', 'dossiers.bySlug', { slug: DEMO_DOSSIER_SLUG });
    expect(dossier.error).toBeUndefined();
    const dossierId = dossier.data?.id ?? '';
    const title = `Planted by a viewer ${Date.now()}`;
    const countPlanted = async () =>
      (await trpcFromPage<number>(page, 'query', 'sources.count', { dossierId, search: title })).data;
    expect(await countPlanted()).toBe(0);

    const attempt = await trpcFromPage(page, 'mutation', 'sources.create', {
      dossierId,
      title,
      kind: 'other',
      reliability: 'F',
      internalNotes: 'should never be stored',
    });
    expect(attempt.status).toBe(403);
    expect(attempt.error?.code).toBe('FORBIDDEN');
    expect(await countPlanted()).toBe(0);

    // The page's API context carries the same (Secure, on http://localhost) session: 403, not 401.
    const viaRequest = await page.request.post('/api/trpc/sources.create', { data: { json: { dossierId, title, kind: 'other', reliability: 'F' } } });
    expect(viaRequest.status()).toBe(403);
    expect(await countPlanted()).toBe(0);

    const publish = await trpcFromPage(page, 'mutation', 'dossiers.setPublished', { id: dossierId, version: 1, published: true });
    expect(publish.status).toBe(403);
    expect(publish.error?.code).toBe('FORBIDDEN');
  });
});

test.describe('signed out', () => {
  test('the desk redirects to the login page', async ({ page }) => {
    await page.goto('/desk');
    await expect(page).toHaveURL(atPath('/login'));
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/desk');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('the API refuses desk reads, writes and the desk export', async ({ request }) => {
    const create = await request.post('/api/trpc/dossiers.create', { data: { json: { title: 'Anonymous', slug: 'anonymous-e2e' } } });
    expect(create.status()).toBe(401);
    const exportCsv = await request.get(`/api/export/${DEMO_DOSSIER_SLUG}/sources.csv`);
    expect(exportCsv.status()).toBe(401);
    expect(await exportCsv.text()).not.toContain('internal_notes');
  });
});
