import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from '@/server/db/availability';
import { trpcBodyLimit, withBodyLimit } from '@/server/http/body-limit';
import { appRouter } from '@/server/trpc/root';
import { createRequestContext } from '@/server/trpc/init';
import { MAX_BATCH_SIZE } from '@/server/trpc/limits';
import { getAppDatabase } from '@/server/startup';

async function handler(incoming: Request) {
  const request = await withBodyLimit(incoming, trpcBodyLimit(incoming.url));
  if (request instanceof Response) return request;
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    async createContext() {
      try {
        const { db } = await getAppDatabase();
        return await createRequestContext(db, request.headers);
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE, cause: error });
        throw error;
      }
    },
    responseMeta({ errors }) {
      // Answers carry desk data for one signed-in person: never stored by a browser or a shared cache.
      const headers: Record<string, string> = { 'Cache-Control': 'private, no-store' };
      if (errors.some((error) => error.code === 'SERVICE_UNAVAILABLE')) headers['Retry-After'] = String(RETRY_AFTER_SECONDS);
      return { headers };
    },
  });
}

export { handler as GET, handler as POST };
