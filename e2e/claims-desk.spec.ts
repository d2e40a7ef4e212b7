import type { Page } from '@playwright/test';
import { atPath, expect, test } from './fixtures';

/** A picker's option for an existing actor (its name comes first), not the "Create new actor “…”…" option. */
const actorOption = (page: Page, name: string) =>
  page.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

/**
 * The claims desk end to end, as an editor works: two actors (one from the directory's form, one created inline
 * from the parties picker), the dossier's parties, a claim citing a source with its excerpt, the other side's
 * counterclaim from "Add counterclaim", a verdict — then a viewer reads the claim without any editing control.
 */
test('an editor records a claim and its counterclaim, grades it; a viewer reads it read-only', async ({ pageAs, editorApi, uniqueSlug }) => {
  // One long flow through a dozen pages: more than the default minute on a loaded two-core machine.
  test.setTimeout(180_000);
  const slug = uniqueSlug('claims');
  const run = slug.replace(/^e2e-claims-/, '');
  const northName = `Northern Defence Ministry ${run}`;
  const southName = `Southern Militia ${run}`;
  const claim = {
    statement: `Southern forces shelled the border village overnight (${run})`,
    excerpt: 'The ministry said the village had been under fire since the morning.',
  };
  const counterStatement = `Northern artillery fired first, the militia says (${run})`;

  const dossier = await editorApi.createDossier({ title: `Border clashes, ${slug}`, slug });
  const source = await editorApi.createSource(dossier.id, { title: `Ministry statement on the shelling ${run}`, outlet: 'Wire Service' });
  const page = await pageAs('editor');

  await test.step('create an actor in the directory', async () => {
    await page.goto('/desk/actors');
    await page.getByRole('link', { name: 'New actor' }).click();
    await expect(page).toHaveURL(atPath('/desk/actors/new'));
    await page.getByLabel('Name').fill(northName);
    await page.getByLabel('Kind').selectOption({ label: 'Government body' });
    await page.getByLabel('Country').selectOption({ label: 'Iceland' });
    await page.getByLabel('Title').fill('Defence ministry');
    await page.getByLabel('Aliases').fill(`NDM ${run}`);
    await page.getByRole('button', { name: 'Create actor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: northName })).toBeVisible();
    // Scoped to the details: the history panel quotes the same value in its "created" entry.
    await expect(page.getByRole('region', { name: 'Details' }).getByText('Iceland (IS)')).toBeVisible();
  });

  await test.step('the same name again, in capitals, warns and is refused until "Create anyway"', async () => {
    await page.goto('/desk/actors/new');
    await page.getByLabel('Name').fill(northName.toUpperCase());
    await expect(page.getByRole('link', { name: 'Use existing' })).toHaveAttribute('href', /^\/desk\/actors\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Create actor' }).click();
    await expect(page.getByRole('button', { name: 'Create anyway' })).toBeVisible();
    await expect(page).toHaveURL(atPath('/desk/actors/new'));
  });

  await test.step('the directory finds it by its alias', async () => {
    await page.goto('/desk/actors');
    await page.getByLabel('Search actors').fill(`ndm ${run}`);
    await expect(page.getByRole('row').filter({ hasText: northName })).toBeVisible();
  });

  await test.step('add both parties on the dossier page, the second created inline from the picker', async () => {
    await page.goto(`/desk/dossiers/${slug}`);
    const picker = page.getByRole('combobox', { name: 'Party' });
    await picker.fill(northName);
    await actorOption(page, northName).click();
    await page.getByRole('button', { name: 'Add party' }).click();
    const parties = page.getByRole('list', { name: 'Parties in order' });
    await expect(parties).toContainText(northName);

    await picker.fill(southName);
    await page.getByRole('option', { name: /^Create new actor/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New actor' });
    await expect(dialog.getByLabel('Name')).toHaveValue(southName);
    await dialog.getByLabel('Kind').selectOption({ label: 'Armed force or group' });
    await dialog.getByRole('button', { name: 'Create actor' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Chosen actor', exact: true })).toContainText(southName);
    await page.getByRole('button', { name: 'Add party' }).click();
    await expect(parties.getByRole('listitem')).toHaveCount(2);
    await expect(parties.getByRole('listitem').nth(1)).toContainText(southName);
  });

  let claimUrl = '';
  await test.step('record a claim citing the source with its excerpt', async () => {
    await page.getByRole('link', { name: 'Open claims' }).click();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}/claims`));
    await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', new RegExp(`^/api/export/${slug}/claims\\.csv(\\?|$)`));
    await page.getByRole('link', { name: 'New claim' }).click();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}/claims/new`));

    await page.getByRole('combobox', { name: 'Claimant' }).fill(northName);
    await actorOption(page, northName).click();
    await page.getByRole('combobox', { name: 'About' }).fill(southName);
    await actorOption(page, southName).click();
    await page.getByLabel('Statement').fill(claim.statement);
    await page.getByLabel('Said at', { exact: true }).fill('2024-05-02');
    await page.getByLabel('Category').selectOption({ label: 'Ceasefire violation' });
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByLabel('Source 1', { exact: true }).selectOption({ label: `${source.title} — Wire Service` });
    await page.getByLabel('Excerpt from source 1').fill(claim.excerpt);
    await page.getByRole('button', { name: 'Record claim' }).click();

    await expect(page.getByRole('heading', { level: 1, name: claim.statement })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sources' }).getByText(claim.excerpt)).toBeVisible();
    await expect(page.getByText('Needs source')).toHaveCount(0);
    claimUrl = page.url();
  });

  await test.step('"Add counterclaim" prefills the other party, the date and the relation', async () => {
    await page.getByRole('link', { name: 'Add counterclaim' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'New counterclaim' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Chosen actor', exact: true })).toContainText(southName);
    await expect(page.getByLabel('Said at', { exact: true })).toHaveValue('2024-05-02');
    await expect(page.getByLabel('Relation 1', { exact: true })).toHaveValue('counters');
    await expect(page.getByRole('region', { name: 'Relations' })).toContainText(claim.statement);
    await page.getByLabel('Statement').fill(counterStatement);
    await page.getByLabel('Quote kind').selectOption({ label: 'Paraphrase' });
    await page.getByRole('button', { name: 'Record claim' }).click();

    await expect(page.getByRole('heading', { level: 1, name: counterStatement })).toBeVisible();
    // No source yet: the desk flags it (and it stays off the public page).
    await expect(page.getByText('Needs source').first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'Counterclaims' })).toContainText(claim.statement);
  });

  await test.step('the first claim shows its counterclaim side by side; set a verdict', async () => {
    await page.goto(claimUrl);
    await expect(page.getByRole('list', { name: 'Counterclaims' })).toContainText(counterStatement);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit claim' })).toBeVisible();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Disputed' });
    await page.getByLabel('Status explanation').fill('Each side blames the other; no independent confirmation yet.');
    await page.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByRole('heading', { level: 1, name: claim.statement })).toBeVisible();
    await expect(page.getByText('Disputed', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Details' }).getByText('Each side blames the other; no independent confirmation yet.')).toBeVisible();
  });

  await test.step('the claims table lists both, the counterclaim flagged as needing a source', async () => {
    await page.goto(`/desk/dossiers/${slug}/claims`);
    await expect(page.getByRole('row').filter({ hasText: claim.statement })).toContainText('Disputed');
    await expect(page.getByRole('row').filter({ hasText: counterStatement })).toContainText('Needs source');
    await page.getByLabel('Needs source only').check();
    await expect(page.getByRole('row').filter({ hasText: claim.statement })).toHaveCount(0);
    await expect(page).toHaveURL(/needs_source=1/);
  });

  await test.step('a viewer reads the claim but is offered no editing', async () => {
    const viewer = await pageAs('viewer');
    await viewer.goto(claimUrl);
    await expect(viewer.getByRole('heading', { level: 1, name: claim.statement })).toBeVisible();
    await expect(viewer.getByRole('region', { name: 'Sources' }).getByText(claim.excerpt)).toBeVisible();
    await expect(viewer.getByRole('list', { name: 'Counterclaims' })).toContainText(counterStatement);
    await expect(viewer.getByRole('heading', { name: 'History' })).toBeVisible();
    await expect(viewer.getByRole('link', { name: /^(Edit|Add counterclaim)$/ })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /^(Delete|Restore)\b/ })).toHaveCount(0);

    await viewer.goto(`/desk/dossiers/${slug}/claims`);
    await expect(viewer.getByRole('row').filter({ hasText: claim.statement })).toBeVisible();
    await expect(viewer.getByRole('link', { name: /^(New claim|Edit)$/ })).toHaveCount(0);

    const response = await viewer.goto(`/desk/dossiers/${slug}/claims/new`);
    expect(response?.status()).toBe(404);
  });
});
