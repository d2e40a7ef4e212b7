import type { Page, Response } from '@playwright/test';
import { atPath, DEMO_DOSSIER_SLUG, DEMO_PASSWORD, demoEmail, expect, test } from './fixtures';

/**
 * Pages rendered per request (/login, /desk) run only the scripts that carry their request's CSP nonce (proxy.ts,
 * server/http/content-security-policy.ts): Next puts the nonce on its own scripts. Readers' pages, served from
 * Next's cache, run only the inline scripts whose SHA-256 the production server lists in their policy
 * (server/http/cached-response.mjs). Either way every page hydrates with no CSP violation, and markup injected into a
 * page cannot run script.
 */

/** Collects CSP violations, from `securitypolicyviolation` events and from the console, across navigations. */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (line: string) => Promise<void> }).reportCspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return {
    /** Every violation so far, once the page's queued violation events have been delivered. */
    async violations() {
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
      return [...violations];
    },
  };
}

/** The page response's one CSP header: script-src has a nonce and 'strict-dynamic', and no 'unsafe-inline'. */
async function nonceOf(response: Response | null): Promise<string> {
  expect(response?.status()).toBe(200);
  const policies = (await response!.headersArray()).filter((header) => header.name.toLowerCase() === 'content-security-policy');
  expect(policies, 'exactly one Content-Security-Policy header').toHaveLength(1);
  const scriptSrc = policies[0]!.value.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src ')) ?? '';
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  const nonce = /'nonce-([A-Za-z0-9+/]+={0,2})'/.exec(scriptSrc)?.[1];
  expect(nonce, `a nonce in ${scriptSrc}`).toBeTruthy();
  return nonce!;
}

/** Opens `path` and checks its policy, and that every script tag, as served and in the document, has the nonce. */
async function openWithNonce(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  const nonce = await nonceOf(response);
  const served = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(served.length, 'Next’s scripts in the HTML').toBeGreaterThan(0);
  expect(served.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
  // Browsers hide the attribute's value from the DOM once applied; the `nonce` property keeps it.
  const inDocument = await page.locator('script').evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(new Set(inDocument)).toEqual(new Set([nonce]));
  return nonce;
}

/**
 * Opens a cached readers' page: one policy, script-src with the hash of every inline script the HTML has (and no
 * nonce, 'strict-dynamic' or 'unsafe-inline').
 */
async function openWithHashes(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  const policies = (await response!.headersArray()).filter((header) => header.name.toLowerCase() === 'content-security-policy');
  expect(policies, 'exactly one Content-Security-Policy header').toHaveLength(1);
  const scriptSrc = policies[0]!.value.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src ')) ?? '';
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'nonce-"]) expect(scriptSrc).not.toContain(loose);
  const inline = [...(await response!.text()).matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  expect(inline.length, 'Next’s inline scripts in the HTML').toBeGreaterThan(1);
  const hashes = await page.evaluate(async (bodies) => {
    const digest = async (body: string) => btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)))));
    return Promise.all(bodies.map(digest));
  }, inline);
  for (const hash of hashes) expect(scriptSrc).toContain(`'sha256-${hash}'`);
}

/** A value on `window`, which only a client-side (hydrated) navigation keeps. */
const markWindow = (page: Page) => page.evaluate(() => Object.assign(window, { cspSpecMark: true }));
const windowIsMarked = (page: Page) => page.evaluate(() => (window as unknown as { cspSpecMark?: boolean }).cspSpecMark === true);

test('the public home page: every inline script allowed by its hash, and a dossier link navigates client-side', async ({ page }) => {
  const csp = await watchCsp(page);
  await openWithHashes(page, '/');
  await markWindow(page);
  await page.locator(`a[href="/d/${DEMO_DOSSIER_SLUG}"]`).click();
  await expect(page).toHaveURL(atPath(`/d/${DEMO_DOSSIER_SLUG}`));
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  expect(await windowIsMarked(page), 'the link was followed by the hydrated router').toBe(true);
  expect(await csp.violations()).toEqual([]);
});

test('a public dossier page: every inline script allowed by its hash, and the header link navigates client-side', async ({ page }) => {
  const csp = await watchCsp(page);
  await openWithHashes(page, `/d/${DEMO_DOSSIER_SLUG}`);
  await markWindow(page);
  await page.getByRole('link', { name: 'Claimdesk', exact: true }).click();
  await expect(page).toHaveURL(atPath('/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers' })).toBeVisible();
  expect(await windowIsMarked(page)).toBe(true);
  expect(await csp.violations()).toEqual([]);
});

test('/login: nonce on every script, and the form signs in through its script', async ({ page }) => {
  const csp = await watchCsp(page);
  await openWithNonce(page, '/login');
  await page.getByLabel('Email').fill(demoEmail('editor'));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Without its script the form would submit natively (GET /login?email=…); the script signs in and goes to /desk.
  await expect(page).toHaveURL(atPath('/desk'));
  await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
  expect(await csp.violations()).toEqual([]);
});

test('a desk page: nonce on every script, and sorting the sources table works', async ({ pageAs }) => {
  const page = await pageAs('editor');
  const csp = await watchCsp(page);
  await openWithNonce(page, `/desk/dossiers/${DEMO_DOSSIER_SLUG}`);
  await page.getByRole('button', { name: /^Title/ }).click();
  await expect(page).toHaveURL(/[?&]sort=title/);
  await expect(page.getByRole('columnheader', { name: /^Title/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(await csp.violations()).toEqual([]);
});

test('the reactions page and its embed: every inline script allowed by its hash, no violation', async ({ page }) => {
  const csp = await watchCsp(page);
  await openWithHashes(page, `/d/${DEMO_DOSSIER_SLUG}/reactions`);
  await openWithHashes(page, `/embed/d/${DEMO_DOSSIER_SLUG}/reactions`);
  expect(await csp.violations()).toEqual([]);
});

test('every load of a page rendered per request gets a new nonce', async ({ page }) => {
  const first = await openWithNonce(page, '/login');
  const second = await openWithNonce(page, '/login');
  expect(second).not.toBe(first);
});

test('a script added to a cached page at run time is not in its hashes and does not run', async ({ page }) => {
  const csp = await watchCsp(page);
  await openWithHashes(page, `/d/${DEMO_DOSSIER_SLUG}`);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.cspSpecInjected = true';
    document.body.append(script);
  });
  await expect.poll(async () => (await csp.violations()).filter((violation) => violation.startsWith('script-src-elem blocked inline'))).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { cspSpecInjected?: boolean }).cspSpecInjected)).toBeUndefined();
});

test('markup injected into a page cannot run script, and the violation is reported', async ({ page }) => {
  const csp = await watchCsp(page);
  await openWithHashes(page, '/');
  await page.evaluate(() =>
    document.body.insertAdjacentHTML('beforeend', '<img src="/csp-spec-missing.png" onerror="window.cspSpecInjected = true">'),
  );
  await expect
    .poll(async () => (await csp.violations()).filter((violation) => violation.startsWith('script-src-attr blocked inline')))
    .toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { cspSpecInjected?: boolean }).cspSpecInjected)).toBeUndefined();
});
