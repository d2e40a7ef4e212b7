import { keepPreviousData } from '@tanstack/react-query';
import { namedActorQuery } from '@/components/actors/actors-queries';
import { dayRangeQuery } from '@/components/data-table/day-range';
import { LIST_PAGE_SIZE, type DeskTRPC } from '@/components/data-table/list-queries';
import type { ClaimFilters } from '@/server/claims/claims.input';

/**
 * A dossier's claims table for a view: the keyset list, its exact count (on its own request, trpc/client.tsx), the
 * dossier's parties (the party filter) and the actors named by the "About" filter. The page prefetches all but the
 * count on the server.
 */
export function claimsTableQueries(trpc: DeskTRPC, dossierId: string, filters: ClaimFilters) {
  const days = dayRangeQuery(filters.saidFrom, filters.saidTo);
  const query = { dossierId, ...filters, saidFrom: days.from, saidTo: days.to };
  return {
    days,
    list: trpc.claims.list.infiniteQueryOptions(
      { ...query, limit: LIST_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
    count: trpc.claims.count.queryOptions(query, { placeholderData: keepPreviousData }),
    parties: trpc.parties.list.queryOptions({ dossierId }),
    about: filters.about.map((id) => namedActorQuery(trpc, id)),
  };
}

