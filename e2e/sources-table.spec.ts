import { atPath, expect, test } from './fixtures';

/**
 * The desk's sources table: server-side search, sorting and "Load more", with its whole state in the address so a
 * copied link shows a colleague the same view.
 */
test('search, sort and paging live in the URL, and a copied link reproduces the view', async ({ pageAs, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('table');
  const dossier = await editorApi.createDossier({ title: `Table ${slug}`, slug });
  // 55 sources: more than one page of 50. Titles sort as "Report 00" … "Report 54"; five of them mention Terter.
  for (let index = 0; index < 55; index++) {
    const number = String(index).padStart(2, '0');
    await editorApi.createSource(dossier.id, {
      title: index % 11 === 0 ? `Report ${number}: shelling of Terter` : `Report ${number}`,
      outlet: index % 2 ? 'Wire A' : 'Wire B',
    });
  }

  const page = await pageAs('viewer');
  await page.goto(`/desk/dossiers/${slug}`);
  const rows = page.getByRole('row');
  await expect(page.getByText('55 sources')).toBeVisible();
  await expect(rows).toHaveCount(1 + 50);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(1 + 55);

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
