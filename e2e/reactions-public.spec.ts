import { DEMO_DOSSIER_SLUG, expect, seriousAxeFindings, test } from './fixtures';

/**
 * Readers' reactions pages on the demo dossier (eleven reactions: organisations, states, the Holy See), checked with
 * axe for serious or critical findings: the public dossier page with its "International reactions" section (the
 * map's table alternative and a state's panel open), one reaction's page, and the embed. And the embed's headers:
 * only /embed/* may be framed by other sites.
 */

test('axe: the public dossier page with its reactions map, table alternative and a focused state', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/d/${DEMO_DOSSIER_SLUG}`);
  const section = page.getByRole('region', { name: 'International reactions' });
  await expect(section.getByRole('heading', { level: 2, name: 'International reactions' })).toBeVisible();
  await section.getByText(/^The map as a table/).click();
  await expect(section.getByRole('table', { name: /^Every reacting state and organisation/ })).toBeVisible();
  // A state's panel under the map, shown by focus with CSS only.
  const turkey = page.locator('#rx-state-tr');
  await turkey.focus();
  await expect(page.locator('#rx-panel-tr')).toBeVisible();
  expect(await seriousAxeFindings(page), `axe on /d/${DEMO_DOSSIER_SLUG}`).toEqual([]);
});

test('axe: one reaction’s public page', async ({ page }) => {
  await page.goto(`/d/${DEMO_DOSSIER_SLUG}`);
  await page.getByRole('region', { name: 'International reactions' }).getByRole('link', { name: 'Link to this reaction' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/d/${DEMO_DOSSIER_SLUG}/reactions/[0-9a-f-]{36}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousAxeFindings(page), 'axe on a public reaction page').toEqual([]);
});

test('axe: the embed, in both map modes; only the embed may be framed by other sites', async ({ page }) => {
  test.setTimeout(120_000);
  const response = await page.goto(`/embed/d/${DEMO_DOSSIER_SLUG}/reactions`);
  expect(response?.status()).toBe(200);
  const headers = await response!.allHeaders();
  expect(headers['x-frame-options']).toBeUndefined();
  expect(headers['content-security-policy']).toMatch(/(^|;)\s*frame-ancestors \*(;|$)/);
  await expect(page.getByRole('heading', { level: 1, name: /^International reactions: / })).toBeVisible();
  // No site chrome: no header navigation, no desk links.
  await expect(page.getByRole('link', { name: 'Claimdesk', exact: true })).toHaveCount(0);
  expect(await seriousAxeFindings(page), 'axe on the embed (alignment)').toEqual([]);

  await page.getByRole('navigation', { name: 'What the map shows' }).getByRole('link', { name: 'primary stance' }).click();
  await expect(page).toHaveURL(/[?&]map=stance/);
  await expect(page.getByRole('heading', { level: 2, name: 'Primary stance of the first reaction' })).toBeVisible();
  expect(await seriousAxeFindings(page), 'axe on the embed (primary stance)').toEqual([]);

  const dossierPage = await page.request.get(`/d/${DEMO_DOSSIER_SLUG}`);
  expect(dossierPage.headers()['x-frame-options']).toBe('DENY');
  expect(dossierPage.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
