import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { GET, POST } from '@/app/api/trpc/[trpc]/route';
import type { AppRouter } from '@/server/trpc/root';

/**
 * A tRPC client as the browser has it (its transformer and error class) calling the real route handler in this
 * process (body limits, error formatter), signed in by `cookie` (signed out without it).
 */
export function routeHandlerClient(cookie?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: 'http://localhost:3000/api/trpc',
        transformer: superjson,
        headers: cookie ? { cookie } : {},
        fetch: (url, init) => {
          const request = new Request(url, init as RequestInit);
          return request.method === 'GET' ? GET(request) : POST(request);
        },
      }),
    ],
  });
}

/** What a call was refused with; fails the test when the server accepts it. */
export async function refusal(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the server to refuse');
}
