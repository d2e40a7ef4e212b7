import { keepPreviousData } from '@tanstack/react-query';
import { LIST_PAGE_SIZE, type DeskTRPC } from '@/components/data-table/list-queries';
import type { ActorListView } from '@/server/actors/actors.search-params';

/** The actor directory for a view (keyset pages); the page prefetches the first on the server. */
export function actorListQuery(trpc: DeskTRPC, view: ActorListView) {
  return trpc.actors.list.infiniteQueryOptions(
    { search: view.q, kind: view.kind, deleted: view.deleted, limit: LIST_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
  );
}

/** An actor of a filter, named (the address holds only its id). */
export const namedActorQuery = (trpc: DeskTRPC, id: string) => trpc.actors.byId.queryOptions({ id }, { staleTime: 60_000 });
