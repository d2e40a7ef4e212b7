import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { createRequestContext } from '@/server/trpc/init';
import { createCaller } from '@/server/trpc/root';
import { getAppDatabase } from '@/server/startup';

/**
 * A tRPC caller for server components, built once per request (React `cache`), never shared between requests, so
 * one user's data cannot leak into another's render. It goes through the same procedures and authorization as HTTP.
 */
export const getServerCaller = cache(async () => {
  const { db } = await getAppDatabase();
  return createCaller(await createRequestContext(db, await headers()));
});
