import { atPath, DEMO_DOSSIER_SLUG, expect, test } from './fixtures';

test.describe('sign-in', () => {
  const GENERIC = 'That email and password do not match an active account.';

  test('a wrong password and an unknown email get the same single, generic message', async ({ page }) => {
    // viewer: a real account (the setup project's sign-in clears its failure count each run); the unknown address
    // is new each run, so reruns against a reused server never reach the lockout.
    for (const email of ['viewer@example.org', `nobody-${Date.now()}@example.org`]) {
      await page.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Exactly one message (Next's empty route announcer also has role=alert, hence the text filter).
      await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText([GENERIC]);
      await expect(page).toHaveURL(atPath('/login'));
    }
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('__Secure-next-auth.session-token');
  });
});

test('user text is rendered as text: an <img onerror> title fires nothing', async ({ page, editorApi, uniqueSlug }) => {
  const payload = '<img src=x onerror=alert(1)>';
  const slug = uniqueSlug('xss');
  const dossier = await editorApi.createDossier({ title: `XSS check ${payload}`, slug, summary: `Summary ${payload}` });
  await editorApi.createSource(dossier.id, { title: payload, outlet: `<script>alert(2)</script>` });
  await editorApi.publish(dossier);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.goto(`/d/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`XSS check ${payload}`);
  await expect(page.getByText(payload, { exact: true })).toBeVisible();
  await expect(page.getByText('<script>alert(2)</script>', { exact: false })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('GET /api/health reports the embedded database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, db: 'pglite' });
});

test.describe('security headers', () => {
  for (const path of ['/', '/login', `/d/${DEMO_DOSSIER_SLUG}`, `/d/${DEMO_DOSSIER_SLUG}/sources.csv`, '/api/health']) {
    test(`on ${path}`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(200);
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBeTruthy();
      expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(headers['x-powered-by']).toBeUndefined();
    });
  }
});
