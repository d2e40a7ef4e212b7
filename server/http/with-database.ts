import { isDatabaseUnavailable, unavailableResponse } from '@/server/db/availability';

/** Route handlers answer a plain 503 with Retry-After while the database is down, never a 500 with its message. */
export function withDatabaseErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return unavailableResponse();
      throw error;
    }
  };
}
