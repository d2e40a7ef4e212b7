import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/trpc/root';
import { createRequestContext } from '@/server/trpc/init';
import { getAppDatabase } from '@/server/startup';

async function handler(request: Request) {
  const { db } = await getAppDatabase();
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(db, request.headers),
  });
}

export { handler as GET, handler as POST };
