import { atPath, expect, test, type DossierRecord } from './fixtures';

test('a deleted dossier leaves the list, and an editor restores it from "Show deleted" (kept in the address)', async ({ pageAs, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('restore');
  const title = `Restorable ${slug}`;
  const dossier = await editorApi.createDossier({ title, slug });
  await editorApi.trpc.ok<DossierRecord>('mutation', 'dossiers.delete', { id: dossier.id, version: dossier.version });

  const page = await pageAs('editor');
  await page.goto('/desk');
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  await page.getByLabel('Show deleted').check();
  await expect(page).toHaveURL(/[?&]deleted=1/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Deleted dossiers' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: title });
  await row.getByRole('button', { name: 'Restore' }).click();
  await expect(row).toHaveCount(0);

  await page.getByLabel('Show deleted').uncheck();
  await expect(page).toHaveURL(atPath('/desk'));
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});
