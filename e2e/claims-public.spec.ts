import { DEMO_DOSSIER_SLUG, expect, test, type DeskApi, type DossierRecord } from './fixtures';

/**
 * What a signed-out reader sees of a dossier's claims: the side-by-side view (one column per party, a claim and its
 * counterclaim on one row), filters that change the view without reloading the page, and a verdict's claim page
 * carrying one schema.org ClaimReview.
 */

interface Record_ {
  id: string;
  version: number;
}

/** A published dossier of its own with two parties, a claim, its counterclaim and a verdict on the first. */
async function arrangeDossier(api: DeskApi, slug: string) {
  const ok = <T>(kind: 'query' | 'mutation', procedure: string, input: unknown) => api.trpc.ok<T>(kind, procedure, input);
  const dossier = await api.createDossier({ title: `Border clash ${slug}`, slug });
  const actor = (name: string, countryCode: string) =>
    ok<Record_>('mutation', 'actors.create', { name, kind: 'state', countryCode, allowDuplicate: true, internalNotes: `desk only ${slug}` });
  const north = await actor(`Northland ${slug}`, 'NO');
  const south = await actor(`Southland ${slug}`, 'SE');
  await ok('mutation', 'parties.add', { dossierId: dossier.id, actorId: north.id, role: 'party' });
  await ok('mutation', 'parties.add', { dossierId: dossier.id, actorId: south.id, role: 'party' });
  const source = await api.createSource(dossier.id, { title: `Wire report ${slug}`, url: `https://news.example.org/${slug}` });
  const statement = `Northland says Southland shelled the border post first (${slug})`;
  const claim = await ok<Record_>('mutation', 'claims.create', {
    dossierId: dossier.id,
    claimantId: north.id,
    about: [south.id],
    statement,
    quote: 'Southland opened fire at dawn.',
    quoteKind: 'verbatim',
    saidAt: '2020-09-27T06:00:00.000Z',
    saidPrecision: 'exact',
    category: 'ceasefire_violation',
    status: 'disputed',
    statusExplanation: 'The other side denies it and no independent report confirms either account.',
    credibility: 4,
    sources: [{ sourceId: source.id, excerpt: 'Southland opened fire at dawn, the ministry said.' }],
  });
  await ok('mutation', 'claims.create', {
    dossierId: dossier.id,
    claimantId: south.id,
    about: [north.id],
    statement: `Southland says Northland attacked first (${slug})`,
    saidAt: '2020-09-27T09:00:00.000Z',
    category: 'ceasefire_violation',
    sources: [{ sourceId: source.id, excerpt: '' }],
    relations: [{ kind: 'counters', toClaimId: claim.id }],
  });
  const current = await api.dossier(slug);
  await api.publish(current as DossierRecord);
  return { claimId: claim.id, statement, north: `Northland ${slug}`, south: `Southland ${slug}` };
}

test('signed out, the demo dossier shows each side’s claims side by side, and a party filter applies without a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/d/${DEMO_DOSSIER_SLUG}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Claims and counterclaims' })).toBeVisible();
  const azerbaijan = page.locator('[data-column="Azerbaijan says"]');
  const armenia = page.locator('[data-column="Armenia says"]');
  await expect(page.getByText('Azerbaijan says', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Armenia says', { exact: true }).first()).toBeVisible();

  // A row holding an Azerbaijani claim and the Armenian counterclaim, next to each other.
  const row = page
    .locator('[data-claim-row]')
    .filter({ has: azerbaijan.locator('article') })
    .filter({ has: armenia.locator('article') })
    .first();
  await expect(row).toBeVisible();
  await expect(row.getByText('Countered by').or(row.getByText('Counters')).first()).toBeVisible();
  const left = (await row.locator('[data-column="Azerbaijan says"] article').first().boundingBox())!;
  const right = (await row.locator('[data-column="Armenia says"] article').first().boundingBox())!;
  expect(Math.abs(left.y - right.y)).toBeLessThan(5);
  expect(left.x + left.width).toBeLessThanOrEqual(right.x);

  // A marker on the window survives client navigation but not a reload.
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
  const filters = page.getByRole('navigation', { name: 'Filter claims' });
  await filters.getByRole('link', { name: 'Azerbaijan', exact: true }).click();
  await expect(page).toHaveURL(/[?&]party=/);
  await expect(filters.getByRole('link', { name: 'Azerbaijan', exact: true })).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[data-column="Armenia says"] article')).toHaveCount(0);
  await expect(page.locator('[data-column="Azerbaijan says"] article').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);

  // "All" brings the other side back, still without a reload.
  await filters.getByRole('link', { name: 'All' }).first().click();
  await expect(page.locator('[data-column="Armenia says"] article').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
});

test('on a phone the party columns stack', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/d/${DEMO_DOSSIER_SLUG}`);
  const row = page
    .locator('[data-claim-row]')
    .filter({ has: page.locator('[data-column="Azerbaijan says"] article') })
    .filter({ has: page.locator('[data-column="Armenia says"] article') })
    .first();
  const top = (await row.locator('[data-column="Azerbaijan says"] article').first().boundingBox())!;
  const bottom = (await row.locator('[data-column="Armenia says"] article').first().boundingBox())!;
  expect(bottom.y).toBeGreaterThanOrEqual(top.y + top.height);
});

test('a verdict’s claim page carries exactly one ClaimReview whose text is the statement shown', async ({ page, editorApi, uniqueSlug }) => {
  const slug = uniqueSlug('claims-public');
  const arranged = await arrangeDossier(editorApi, slug);

  await page.goto(`/d/${slug}`);
  const row = page.locator('[data-claim-row]').filter({ hasText: arranged.statement });
  await expect(row.locator(`[data-column="${arranged.north} says"] article`)).toHaveCount(1);
  await expect(row.locator(`[data-column="${arranged.south} says"] article`)).toHaveCount(1);
  await row.getByRole('link', { name: arranged.statement, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/d/${slug}/claims/${arranged.claimId}$`));
  await expect(page.getByRole('heading', { level: 1, name: arranged.statement })).toBeVisible();
  await expect(page.getByText('Disputed').first()).toBeVisible();
  const blocks = page.locator('script[type="application/ld+json"]');
  await expect(blocks).toHaveCount(1);
  // The page is cached for every reader, so the (never executed) data block carries no per-request nonce.
  expect(await blocks.evaluate((element) => (element as HTMLScriptElement).nonce)).toBe('');
  const review = JSON.parse((await blocks.textContent())!) as { '@type': string; claimReviewed: string; reviewRating: { alternateName: string } };
  expect(review['@type']).toBe('ClaimReview');
  expect(review.claimReviewed).toBe(arranged.statement);
  expect(review.reviewRating.alternateName).toBe('Disputed');
  await expect(page.getByText(`desk only ${slug}`)).toHaveCount(0);
});
