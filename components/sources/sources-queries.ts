import { keepPreviousData } from '@tanstack/react-query';
import { LIST_PAGE_SIZE, type DeskTRPC } from '@/components/data-table/list-queries';
import type { SourceFilters } from '@/server/sources/sources.input';

/**
 * A dossier's sources table for a view: the keyset list and its exact count (which the browser fetches on its own
 * request, trpc/client.tsx, so the list never waits for it). The page prefetches `list` on the server.
 */
export function sourcesTableQueries(trpc: DeskTRPC, dossierId: string, filters: SourceFilters) {
  return {
    list: trpc.sources.list.infiniteQueryOptions(
      { dossierId, ...filters, limit: LIST_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
    count: trpc.sources.count.queryOptions({ dossierId, ...filters }, { placeholderData: keepPreviousData }),
  };
}
