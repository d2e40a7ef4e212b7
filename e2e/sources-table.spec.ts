import { atPath, expect, test, type DeskApi } from './fixtures';

/**
 * The desk's sources table: server-side search, sorting and "Load more". Search, filters and order live in the
 * address, so a copied link shows a colleague the same view. The pages loaded with "Load more" do not: a link
 * copied after loading more opens at the first page of that same view.
 */

/** A new dossier with 55 sources: more than one page of 50. Titles sort as "Report 00" … "Report 54"; every 11th mentions Terter. */
async function dossierWith55Sources(editorApi: DeskApi, slug: string) {
  const dossier = await editorApi.createDossier({ title: `Table ${slug}`, slug });
  for (let index = 0; index < 55; index++) {
    const number = String(index).padStart(2, '0');
    await editorApi.createSource(dossier.id, {
      title: index % 11 === 0 ? `Report ${number}: shelling of Terter` : `Report ${number}`,
      outlet: index % 2 ? 'Wire A' : 'Wire B',
    });
  }
  return dossier;
}

/** The query-string keys the table writes (components/sources/use-source-filters.ts): filters and order, nothing else. */
const FILTER_KEYS = new Set(['q', 'kind', 'reliability', 'sort', 'dir', 'deleted']);

test('search and sort order live in the URL, and a copied link reproduces the view', async ({ pageAs, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('table');
  await dossierWith55Sources(editorApi, slug);

  const page = await pageAs('viewer');
  await page.goto(`/desk/dossiers/${slug}`);
  const rows = page.getByRole('row');
  await expect(page.getByText('55 sources')).toBeVisible();
  await expect(rows).toHaveCount(1 + 50);

  await page.getByRole('button', { name: /^Title/ }).click();
  await expect(page).toHaveURL(/[?&]sort=title/);
  await expect(page).toHaveURL(/[?&]dir=asc/);
  await expect(rows.nth(1)).toContainText('Report 00');

  await page.getByLabel('Search sources').fill('terter');
  await expect(page).toHaveURL(/[?&]q=terter/);
  await expect(page.getByText('5 matching sources')).toBeVisible();
  await expect(rows).toHaveCount(1 + 5);
  await expect(rows.nth(1)).toContainText('Report 00: shelling of Terter');

  // Reverse the order, then open the address in a fresh page: same filters, same order, same rows.
  await page.getByRole('button', { name: /^Title/ }).click();
  // Descending is the default order, so the address drops `dir` and keeps `sort=title`.
  await expect(page).not.toHaveURL(/[?&]dir=/);
  await expect(page).toHaveURL(/[?&]sort=title/);
  await expect(rows.nth(1)).toContainText('Report 44: shelling of Terter');
  const link = page.url();

  const colleague = await pageAs('editor');
  await colleague.goto(link);
  await expect(colleague).toHaveURL(atPath(`/desk/dossiers/${slug}`));
  await expect(colleague.getByLabel('Search sources')).toHaveValue('terter');
  await expect(colleague.getByText('5 matching sources')).toBeVisible();
  const colleagueRows = colleague.getByRole('row');
  await expect(colleagueRows).toHaveCount(1 + 5);
  await expect(colleagueRows.nth(1)).toContainText('Report 44: shelling of Terter');
  await expect(colleague.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /q=terter/);
});

test('"Load more" pages are not in the URL: a link copied after loading more opens the first page of the same view', async ({
  pageAs,
  editorApi,
  uniqueSlug,
}) => {
  const slug = uniqueSlug('table-pages');
  await dossierWith55Sources(editorApi, slug);

  const page = await pageAs('viewer');
  await page.goto(`/desk/dossiers/${slug}`);
  const rows = page.getByRole('row');
  await expect(rows).toHaveCount(1 + 50);

  // A view with a filter and an order, still longer than a page: every title says "Report", by title, Z→A.
  await page.getByLabel('Search sources').fill('report');
  await expect(page).toHaveURL(/[?&]q=report/);
  await page.getByRole('button', { name: /^Title/ }).click();
  await expect(page).toHaveURL(/[?&]sort=title/);
  await expect(page).toHaveURL(/[?&]dir=asc/);
  await page.getByRole('button', { name: /^Title/ }).click();
  await expect(page).not.toHaveURL(/[?&]dir=/);
  await expect(page.getByText('55 matching sources')).toBeVisible();
  await expect(rows).toHaveCount(1 + 50);
  await expect(rows.nth(1)).toContainText('Report 54');
  await expect(rows.nth(50)).toContainText('Report 05');
  const firstPageAddress = page.url();

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(1 + 55);
  await expect(rows.nth(55)).toContainText('Report 00: shelling of Terter');
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  // Loading more changed nothing in the address: no cursor, no page number — only the filters and the order.
  expect(page.url()).toBe(firstPageAddress);
  const link = page.url();
  const keys = [...new URL(link).searchParams.keys()];
  expect(keys.filter((key) => !FILTER_KEYS.has(key)), `query keys of ${link}`).toEqual([]);
  expect(link).not.toMatch(/cursor/i);

  // The colleague who opens the copied link gets the same view, at its first page, with "Load more".
  const colleague = await pageAs('editor');
  await colleague.goto(link);
  await expect(colleague).toHaveURL(atPath(`/desk/dossiers/${slug}`));
  await expect(colleague.getByLabel('Search sources')).toHaveValue('report');
  await expect(colleague.getByText('55 matching sources')).toBeVisible();
  const colleagueRows = colleague.getByRole('row');
  await expect(colleagueRows).toHaveCount(1 + 50);
  await expect(colleagueRows.nth(1)).toContainText('Report 54');
  await expect(colleagueRows.nth(50)).toContainText('Report 05');
  await expect(colleague.getByRole('button', { name: 'Load more' })).toBeVisible();
});
