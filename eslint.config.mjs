import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a where clause would touch every row.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Desk components run in the browser: no Drizzle, database or server code (type-only imports are erased, so
    // they may name e.g. AppRouter). A quick editor-time hint; the complete check, which follows every import of
    // every 'use client' module, is scripts/client-boundary.test.ts. Public components are server components.
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/public/**', 'components/reactions/public/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/server/*/schema', '@/server/db', '@/server/db/*', '@/server/*/*.service', '@/server/*/*.router', '@/server/trpc/root', '@/server/trpc/init', '@/server/startup', 'drizzle-orm', 'drizzle-orm/*', 'pg', 'server-only'],
              allowTypeImports: true,
              message: 'Browser components may import from server/ only *.labels, *.input, *.search-params and the client-safe modules listed in scripts/client-boundary.ts (type-only imports are fine).',
            },
          ],
        },
      ],
    },
  },
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.data/**', '.data-*/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];
export default config;
