import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * `npm run test:chaos`: the chaos and abuse suite (chaos/*.test.ts) against real production servers it starts itself
 * on throwaway databases. One file at a time (each starts its own servers, on two cores), long timeouts.
 * chaos/global-setup.ts builds once (or reuses CHAOS_DIST_DIR) before the first file.
 */
export default defineConfig({
  resolve: { alias: { '@': root, 'server-only': path.join(root, 'node_modules/server-only/empty.js') } },
  test: {
    name: 'chaos',
    include: ['chaos/**/*.test.ts'],
    globalSetup: ['chaos/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 6 * 60_000,
    hookTimeout: 4 * 60_000,
    teardownTimeout: 60_000,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
});
