// @ts-check
/** Shared by scripts/e2e-server.mjs, scripts/e2e.mjs and playwright.config.ts: where the test server lives. */

/** A loopback port of its own, away from `npm run dev` (3000). E2E_PORT moves it. */
export const E2E_PORT = Number(process.env.E2E_PORT || 3210);
/** localhost, not 127.0.0.1: a potentially trustworthy origin, so the production `__Secure-` cookies are kept. */
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/** The production build's folder, separate from the .next/ of a developer's `next dev`. */
export const E2E_DIST_DIR = '.next-e2e';
/** The throwaway embedded database, wiped on every server start. */
export const E2E_DATA_DIR = '.data-e2e';
/** Test-only secret (next-auth needs 32+ characters); used by nothing but this throwaway server. */
export const E2E_AUTH_SECRET = 'claimdesk-e2e-only-secret-0123456789abcdef';
