import fs from 'node:fs';
import path from 'node:path';
import { test as setup, expect } from '@playwright/test';
import { authFile, demoEmail, DEMO_PASSWORD, ROLES, SESSION_COOKIE } from './fixtures';

/**
 * Signs each demo account in once, through the real /login form, and saves the session for the specs
 * (e2e/.auth/<role>.json, git-ignored). The server runs in production mode, so this also shows that the
 * `__Secure-` session cookie is set and kept on http://localhost.
 */
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(demoEmail(role));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/desk$/);
    await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
    await expect(page.getByText(demoEmail(role))).toBeVisible();

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    expect(session, `the ${SESSION_COOKIE} cookie`).toBeDefined();
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });

    fs.mkdirSync(path.dirname(authFile(role)), { recursive: true });
    await page.context().storageState({ path: authFile(role) });
  });
}
