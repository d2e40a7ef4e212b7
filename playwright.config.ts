import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL, E2E_PORT } from './scripts/e2e-settings.mjs';
import { findBrowser, INSTALL_HELP } from './scripts/find-browser.mjs';

/**
 * End-to-end tests against a production build on a loopback port with a throwaway embedded database
 * (scripts/e2e-server.mjs). `npm run test:e2e` finds or installs a browser first; `npx playwright test` works too
 * once one exists. Each role signs in once through the real /login form (e2e/auth.setup.ts).
 */
const CI = Boolean(process.env.CI);

const browser = findBrowser();
if (!browser) throw new Error(`${INSTALL_HELP}\n(\`npm run test:e2e\` installs Debian's chromium itself when run as root.)`);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  forbidOnly: CI,
  // A failure is a failure: no retries to hide flakiness.
  retries: 0,
  // Two cores, shared with the server under test.
  workers: 2,
  timeout: 60_000,
  reporter: CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    { name: 'chromium', dependencies: ['setup'] },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    // Ready when the app answers with its database open (the build runs first: allow for it).
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 10 * 60_000,
    reuseExistingServer: !CI,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
