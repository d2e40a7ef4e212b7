import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);
const shared = {
  // 'server-only' throws outside React's server build; route handlers under test import it.
  resolve: { alias: { '@': root, 'server-only': path.join(root, 'node_modules/server-only/empty.js') } },
  test: { include: ['server/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
};

// Every integration test runs on embedded PGlite, and again on a real PostgreSQL server when TEST_DATABASE_URL is
// set (CI sets it). Each test file makes its own fresh database (server/testing/test-database.ts).
export default defineConfig({
  test: {
    projects: [
      { ...shared, test: { ...shared.test, name: 'pglite', env: { CLAIMDESK_TEST_DRIVER: 'pglite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ ...shared, test: { ...shared.test, name: 'postgres', env: { CLAIMDESK_TEST_DRIVER: 'postgres' } } }]
        : []),
    ],
  },
});
