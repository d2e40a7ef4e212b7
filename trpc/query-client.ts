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

export function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: toSignInWhenSessionEnded }),
    mutationCache: new MutationCache({ onError: toSignInWhenSessionEnded }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !/^(4\d\d)/.test(String(httpStatusOf(error) ?? '')) },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
