import 'server-only';
import { actorListQuery } from '@/components/actors/actors-queries';
import { claimsTableQueries } from '@/components/claims/claims-queries';
import { dossierListQuery } from '@/components/dossiers/dossiers-queries';
import { historyQueries } from '@/components/history/history-queries';
import { reactionsTableQueries } from '@/components/reactions/reactions-queries';
import { sourcesTableQueries } from '@/components/sources/sources-queries';
import { loadActorListView } from '@/server/actors/actors.search-params';
import { loadClaimFilters } from '@/server/claims/claims.search-params';
import { loadDossierListView } from '@/server/dossiers/dossiers.search-params';
import { loadReactionFilters } from '@/server/reactions/reactions.search-params';
import { loadSourceFilters } from '@/server/sources/sources.search-params';
import { getQueryClient, getServerTRPC } from '@/trpc/server';

/**
 * The first view of each desk page, fetched during the server render into the request's QueryClient (through the
 * same procedures and authorization as the browser), so the HTML carries the rows and `HydrateClient` hands them
 * to the browser, which does not fetch them again. Each reads the view from the address with the list's own nuqs
 * parsers, and builds its queries with the list's own function (`*-queries.ts`), so keys match the browser's.
 *
 * Exact counts are left out on purpose: the browser asks for them on their own request (trpc/sent-alone.ts), and
 * the page need not wait for a scan to show its rows. A query that fails here is not handed over; the browser
 * asks again and shows its error as usual.
 */

/** What Next passes a page as `searchParams`. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

async function addressOf(searchParams: PageSearchParams): Promise<URLSearchParams> {
  const address = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) address.append(key, item);
  }
  return address;
}

/** /desk: the list of dossiers (live, or the deleted ones with ?deleted=1). */
export async function prefetchDossierList(searchParams: PageSearchParams) {
  const view = loadDossierListView(await addressOf(searchParams));
  await getQueryClient().prefetchQuery(dossierListQuery(getServerTRPC(), view));
}

/** A dossier's desk page: its parties, the first page of its sources table (the view in the address), its activity. */
export async function prefetchDossierPage(dossier: { id: string; slug: string }, searchParams: PageSearchParams) {
  const trpc = getServerTRPC();
  const queryClient = getQueryClient();
  const sources = sourcesTableQueries(trpc, dossier.id, loadSourceFilters(await addressOf(searchParams)));
  await Promise.all([
    queryClient.prefetchQuery(trpc.parties.list.queryOptions({ dossierId: dossier.id })),
    queryClient.prefetchInfiniteQuery(sources.list),
    prefetchHistory({ kind: 'dossier', dossierId: dossier.id, dossierSlug: dossier.slug }),
  ]);
}

/** The claims page: the first page of the view in the address, the parties and the "About" filter's actors. */
export async function prefetchClaimsPage(dossierId: string, searchParams: PageSearchParams) {
  const queryClient = getQueryClient();
  const claims = claimsTableQueries(getServerTRPC(), dossierId, loadClaimFilters(await addressOf(searchParams)));
  await Promise.all([
    queryClient.prefetchInfiniteQuery(claims.list),
    queryClient.prefetchQuery(claims.parties),
    ...claims.about.map((actor) => queryClient.prefetchQuery(actor)),
  ]);
}

/** The reactions page: the watch list, and the table's first page (with parties and named actors) or the timeline. */
export async function prefetchReactionsPage(dossierId: string, searchParams: PageSearchParams) {
  const trpc = getServerTRPC();
  const queryClient = getQueryClient();
  const address = await addressOf(searchParams);
  const watchList = queryClient.prefetchQuery(trpc.watchLists.get.queryOptions({ dossierId }));
  // The view switch (components/reactions/use-reaction-filters.ts): anything but `timeline` is the table.
  if (address.get('view') === 'timeline') {
    await Promise.all([watchList, queryClient.prefetchQuery(trpc.reactions.timeline.queryOptions({ dossierId }))]);
    return;
  }
  const reactions = reactionsTableQueries(trpc, dossierId, loadReactionFilters(address));
  await Promise.all([
    watchList,
    queryClient.prefetchInfiniteQuery(reactions.list),
    queryClient.prefetchQuery(reactions.parties),
    ...reactions.actors.map((actor) => queryClient.prefetchQuery(actor)),
  ]);
}

/** The actor directory: the first page of the view in the address. */
export async function prefetchActorList(searchParams: PageSearchParams) {
  const view = loadActorListView(await addressOf(searchParams));
  await getQueryClient().prefetchInfiniteQuery(actorListQuery(getServerTRPC(), view));
}

/** The users page (admins). */
export async function prefetchUsers() {
  const trpc = getServerTRPC();
  await getQueryClient().prefetchQuery(trpc.users.list.queryOptions());
}

/** The latest page of a history panel: a dossier's activity or a record's own history. */
export async function prefetchHistory(scope: Parameters<typeof historyQueries>[1]) {
  await getQueryClient().prefetchQuery(historyQueries(getServerTRPC(), scope, undefined).query);
}
