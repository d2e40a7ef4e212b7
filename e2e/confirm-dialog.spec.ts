import { atPath, expect, test } from './fixtures';

// The confirm dialog loads on first use (components/ui/confirm-dialog.tsx), not with the page: it must still trap
// focus, close on Escape and Cancel, give focus back to its button, and do the deed on confirm.
test('a confirm dialog opens from its button, closes on Escape and Cancel with focus back on the button, and confirms', async ({ pageAs, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('confirm');
  const title = `Confirmable ${slug}`;
  await editorApi.createDossier({ title, slug });

  const page = await pageAs('editor');
  await page.goto(`/desk/dossiers/${slug}`);
  const deleteButton = page.getByRole('button', { name: 'Delete dossier' });
  const dialog = page.getByRole('dialog', { name: 'Delete this dossier?' });

  await deleteButton.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused(); // focus stays inside
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(deleteButton).toBeFocused();

  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(deleteButton).toBeFocused();

  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Delete dossier' }).click();
  await expect(page).toHaveURL(atPath('/desk'));
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});
