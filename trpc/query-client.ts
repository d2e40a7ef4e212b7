import { defaultShouldDehydrateQuery, MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import superjson from 'superjson';

const httpStatusOf = (error: unknown) => (error as { data?: { httpStatus?: number } }).data?.httpStatus;

/**
 * A session can end under an open page (signed out elsewhere, password changed, account disabled): the next
 * call answers 401, and the browser goes to the sign-in page, coming back here afterwards.
 */
function toSignInWhenSessionEnded(error: unknown) {
  if (typeof window === 'undefined' || httpStatusOf(error) !== 401) return;
  const signIn = new URL('/login', window.location.origin);
  signIn.searchParams.set('callbackUrl', `${window.location.pathname}${window.location.search}`);
  // A full navigation: nothing rendered for the ended session may stay in memory.
  window.location.assign(signIn);
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** `false` skips the invalidation after success (a mutation that ends the session, e.g. a password change). */
      invalidates?: boolean;
    };
  }
}

export function makeQueryClient() {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: toSignInWhenSessionEnded }),
    mutationCache: new MutationCache({
      onError: toSignInWhenSessionEnded,
      /**
       * Invalidation, once for every mutation: after any successful write every query is stale (lists, counts,
       * details, history) and the ones on screen refetch. Components never invalidate themselves. Returning the
       * promise makes the mutation wait for the refetch, so its own `onSuccess` (e.g. navigating away) and
       * `mutateAsync` see fresh data.
       */
      onSuccess: (_data, _variables, _context, mutation) =>
        mutation.meta?.invalidates === false ? undefined : queryClient.invalidateQueries(),
    }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !/^(4\d\d)/.test(String(httpStatusOf(error) ?? '')) },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
  return queryClient;
}
