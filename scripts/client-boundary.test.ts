import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBreach, findBoundaryBreaches, readProjectGraph, runtimeImports } from './client-boundary';

const root = path.resolve(import.meta.dirname, '..');

describe('the client boundary', () => {
  it('keeps every module a client component reaches free of server code', () => {
    const { graph, clientEntries } = readProjectGraph(root);
    expect(clientEntries).toContain('trpc/client.tsx');
    const breaches = findBoundaryBreaches(graph, clientEntries).map(describeBreach);
    expect(breaches, `client components reach server code:\n${breaches.join('\n')}`).toEqual([]);
  });

  it('names the import chain to a schema reached through an input module', () => {
    const graph = new Map([
      ['components/sources/source-form.tsx', ['react', 'server/sources/sources.input.ts']],
      ['server/sources/sources.input.ts', ['zod', 'server/sources/sources.labels.ts', 'server/sources/schema.ts']],
      ['server/sources/sources.labels.ts', []],
      ['server/sources/schema.ts', ['drizzle-orm/pg-core']],
    ]);
    expect(findBoundaryBreaches(graph, ['components/sources/source-form.tsx']).map(describeBreach)).toEqual([
      'components/sources/source-form.tsx → server/sources/sources.input.ts → server/sources/schema.ts  (a server module that is not client-safe (only *.labels.ts, *.input.ts, *.search-params.ts and CLIENT_SAFE_SERVER_MODULES are))',
    ]);
  });

  it('catches a server-only package reached through a shared component, and a Node built-in', () => {
    const graph = new Map([
      ['components/a.tsx', ['components/helpers.ts']],
      ['components/helpers.ts', ['drizzle-orm', 'node:crypto']],
    ]);
    expect(findBoundaryBreaches(graph, ['components/a.tsx']).map((breach) => breach.chain)).toEqual([
      ['components/a.tsx', 'components/helpers.ts', 'drizzle-orm'],
      ['components/a.tsx', 'components/helpers.ts', 'node:crypto'],
    ]);
  });

  it('lets client components reach labels, inputs, search params and the listed shared modules', () => {
    const graph = new Map([
      ['components/a.tsx', ['server/claims/claims.labels.ts', 'server/claims/claims.input.ts', 'server/claims/claims.search-params.ts']],
      ['server/claims/claims.input.ts', ['zod', 'server/validation.ts']],
      ['server/claims/claims.search-params.ts', ['nuqs/server', 'server/search-params.ts']],
    ]);
    expect(findBoundaryBreaches(graph, ['components/a.tsx'])).toEqual([]);
  });

  it('counts what the compiler keeps: not type-only imports, but re-exports and dynamic imports', () => {
    const text = [
      "'use client';",
      "import type { AppRouter } from '@/server/trpc/root';",
      "import { type Source } from '@/server/sources/schema';",
      "export type { Dossier } from '@/server/dossiers/schema';",
      "import { sourceKinds } from '@/server/sources/sources.labels';",
      "export { claimCategories } from '@/server/claims/claims.labels';",
      "import '@/components/side-effect';",
      "const Dialog = dynamic(() => import('@/components/heavy-dialog'));",
      "type Caller = typeof import('@/server/trpc/root');",
    ].join('\n');
    expect(runtimeImports('components/x.tsx', text)).toEqual({
      usesClient: true,
      specifiers: ['@/server/sources/sources.labels', '@/server/claims/claims.labels', '@/components/side-effect', '@/components/heavy-dialog'],
    });
  });
});
