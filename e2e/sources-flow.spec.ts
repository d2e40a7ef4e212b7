import { readCsv } from './csv';
import { atPath, expect, test } from './fixtures';

/**
 * The first capability end to end, as an editor does it: a dossier, a source (after a rejected URL), publishing,
 * then what a reader sees and what both CSV exports hold.
 */
test('an editor logs a source and publishes it; readers see it without the internal notes', async ({ browser, pageAs, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('flow');
  const dossierTitle = `Border shelling, ${slug}`;
  const source = {
    title: 'Ministry confirms overnight shelling near Füzuli',
    outlet: 'Caucasus Wire',
    author: 'Leyla Məmmədova',
    url: 'https://news.example.com/2024/05/shelling?utm_source=e2e',
    archiveUrl: 'https://archive.example.org/2024/shelling',
    notes: `Internal: confirm with the press office before quoting (${slug})`,
  };
  const page = await pageAs('editor');

  await test.step('create a dossier', async () => {
    await page.goto('/desk/dossiers/new');
    await page.getByLabel('Title').fill(dossierTitle);
    await page.getByLabel('Slug').fill(slug);
    await page.getByLabel('Summary').fill('Reports of shelling along the line of contact, logged by the desk.');
    await page.getByLabel('Start date').fill('2024-05-01');
    await page.getByLabel('End date').fill('2024-05-03');
    await page.getByRole('button', { name: 'Create dossier' }).click();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}`));
    await expect(page.getByRole('heading', { level: 1, name: dossierTitle })).toBeVisible();
  });
  const dossier = await editorApi.dossier(slug);

  await test.step('a bad URL is refused inline and nothing is saved', async () => {
    await page.getByRole('link', { name: 'Add source' }).click();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}/sources/new`));
    await page.getByLabel('URL', { exact: true }).fill('news.example.com/no-scheme');
    await page.getByLabel('Title').fill(source.title);
    await page.getByLabel('Outlet').fill(source.outlet);
    await page.getByLabel('Author').fill(source.author);
    await page.getByLabel('Kind').selectOption({ label: 'News report' });
    await page.getByLabel('Language').fill('en');
    await page.getByLabel('Published at').fill('2024-05-02');
    await page.getByLabel('Retrieved at').fill('2024-05-02');
    await page.getByLabel('Archive URL').fill(source.archiveUrl);
    await page.getByLabel('Reliability').selectOption('B');
    await page.getByLabel('Internal notes').fill(source.notes);
    await page.getByRole('button', { name: 'Add source' }).click();

    await expect(page.getByText(/must be a full web address/)).toBeVisible();
    await expect(page.getByLabel('URL', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}/sources/new`));
    expect(await editorApi.countSources(dossier.id)).toBe(0);
  });

  await test.step('fix the URL, save, and see the source in the table', async () => {
    await page.getByLabel('URL', { exact: true }).fill(source.url);
    await expect(page.getByText(/must be a full web address/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Add source' }).click();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}`));
    const row = page.getByRole('row').filter({ hasText: source.title });
    await expect(row).toBeVisible();
    await expect(row).toContainText(source.outlet);
    expect(await editorApi.countSources(dossier.id)).toBe(1);
  });

  await test.step('publish', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();
    expect((await editorApi.dossier(slug)).status).toBe('published');
  });

  const reader = await browser.newContext();
  const publicPage = await reader.newPage();

  await test.step('a signed-out reader sees the source, not the internal notes', async () => {
    const response = await publicPage.goto(`/d/${slug}`);
    expect(response?.status()).toBe(200);
    await expect(publicPage.getByRole('heading', { level: 1, name: dossierTitle })).toBeVisible();
    const item = publicPage.getByRole('listitem').filter({ hasText: source.title });
    await expect(item).toBeVisible();
    await expect(item).toContainText(source.outlet);
    await expect(item.getByRole('link', { name: source.title })).toHaveAttribute('href', source.url);
    await expect(item.getByRole('link', { name: 'Archived copy' })).toHaveAttribute('href', source.archiveUrl);
    await expect(publicPage.getByText(source.notes)).toHaveCount(0);
    expect(await response?.text()).not.toContain(source.notes);
  });

  await test.step('the public CSV: BOM, header, the row, no internal notes', async () => {
    const [download] = await Promise.all([
      publicPage.waitForEvent('download'),
      publicPage.getByRole('link', { name: 'Download sources (CSV)' }).click(),
    ]);
    expect(download.url()).toMatch(new RegExp(`/d/${slug}/sources\\.csv$`));
    const csv = await readCsv(download);
    expect(csv.hasBom).toBe(true);
    expect(csv.header).toEqual(['title', 'outlet', 'author', 'kind', 'language', 'published_at', 'reliability', 'url', 'archive_url']);
    expect(csv.rows).toHaveLength(1);
    expect(csv.rows[0]).toMatchObject({
      title: source.title,
      outlet: source.outlet,
      author: source.author,
      kind: 'news_report',
      language: 'en',
      reliability: 'B',
      url: source.url,
      archive_url: source.archiveUrl,
    });
    expect(csv.raw.toString('utf8')).not.toContain(source.notes);
  });
  await reader.close();

  await test.step('the desk CSV: every field, internal notes included', async () => {
    const exportLink = page.getByRole('link', { name: 'Export CSV' });
    await expect(exportLink).toHaveAttribute('href', new RegExp(`^/api/export/${slug}/sources\\.csv(\\?|$)`));
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    const csv = await readCsv(download);
    expect(csv.hasBom).toBe(true);
    expect(csv.header).toEqual(expect.arrayContaining(['id', 'title', 'outlet', 'url', 'retrieved_at', 'internal_notes', 'version']));
    expect(csv.rows).toHaveLength(1);
    expect(csv.rows[0]).toMatchObject({ title: source.title, outlet: source.outlet, internal_notes: source.notes });
  });
});
