import type { TestProject } from 'vitest/node';
import { ensureBuild } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build folder every chaos server runs (NEXT_DIST_DIR). */
    distDir: string;
  }
}

/** Once, before the first chaos file: build for production (or reuse CHAOS_DIST_DIR). */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('distDir', await ensureBuild());
}
