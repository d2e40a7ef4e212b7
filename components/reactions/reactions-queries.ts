import { keepPreviousData } from '@tanstack/react-query';
import { namedActorQuery } from '@/components/actors/actors-queries';
import { dayRangeQuery } from '@/components/data-table/day-range';
import { LIST_PAGE_SIZE, type DeskTRPC } from '@/components/data-table/list-queries';
import type { ReactionFilters } from '@/server/reactions/reactions.input';

/**
 * A dossier's reactions table for a view: the keyset list, its exact count (on its own request, trpc/client.tsx),
 * the dossier's parties (alignment and target filters) and the actors named by the "Actor" filter. The page
 * prefetches all but the count on the server.
 */
export function reactionsTableQueries(trpc: DeskTRPC, dossierId: string, filters: ReactionFilters) {
  const days = dayRangeQuery(filters.reactedFrom, filters.reactedTo);
  const query = { dossierId, ...filters, reactedFrom: days.from, reactedTo: days.to };
  return {
    days,
    list: trpc.reactions.list.infiniteQueryOptions(
      { ...query, limit: LIST_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
    count: trpc.reactions.count.queryOptions(query, { placeholderData: keepPreviousData }),
    parties: trpc.parties.list.queryOptions({ dossierId }),
    actors: filters.actor.map((id) => namedActorQuery(trpc, id)),
  };
}
