import { createLoader, type inferParserType } from 'nuqs/server';
import { parseAsFlag, parseAsListOf, parseAsText } from '@/server/search-params';
import { actorKinds } from './actors.labels';

/**
 * The actor directory's view in the address — `q`, `kind`, `deleted` — read by the list (nuqs `useQueryStates`)
 * and by the page, which prefetches the first page of that view on the server. Client-safe: no server code.
 */
export const actorListSearchParams = {
  q: parseAsText(200),
  kind: parseAsListOf(actorKinds),
  deleted: parseAsFlag,
};

export type ActorListView = inferParserType<typeof actorListSearchParams>;

export const loadActorListView: (input: URLSearchParams | string) => ActorListView = createLoader(actorListSearchParams);
