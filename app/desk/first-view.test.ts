import { dehydrate, hydrate, InfiniteQueryObserver, QueryObserver, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierListQuery } from '@/components/dossiers/dossiers-queries';
import { historyQueries } from '@/components/history/history-queries';
import { sourcesTableQueries } from '@/components/sources/sources-queries';
import { loadDossierListView } from '@/server/dossiers/dossiers.search-params';
import { loadSourceFilters } from '@/server/sources/sources.search-params';
import { callerFor, dossierInput, sourceInput } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { createInnerContext } from '@/server/trpc/init';
import { appRouter, type AppRouter } from '@/server/trpc/root';
import { sentAlone } from '@/trpc/sent-alone';
import { makeQueryClient } from '@/trpc/query-client';

/**
 * A desk page's first view: what the server prefetches (app/desk/prefetch.ts) reaches the browser's QueryClient as
 * fresh data under the keys the browser's lists ask for, so the browser shows it without asking the server again.
 * Here the browser's client records every call instead of sending it, and the page's handover goes through JSON as
 * it does in the RSC payload.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let dossier: { id: string; slug: string };

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  const editor = callerFor(database.db, users.editor);
  dossier = await editor.dossiers.create(dossierInput({ title: 'Shelling of Terter' }));
  for (const title of ['Terter: first report', 'Ganja hit', 'Terter: second report']) {
    await editor.sources.create(sourceInput(dossier.id, { title }));
  }
});
afterAll(() => database.cleanup());

/** The server render: a per-request QueryClient filled through the procedures, then dehydrated into the page. */
async function serverRender(prefetch: (trpc: ReturnType<typeof serverTRPC>['trpc'], queryClient: QueryClient) => Promise<void>) {
  const { trpc, queryClient } = serverTRPC();
  await prefetch(trpc, queryClient);
  return JSON.parse(JSON.stringify(dehydrate(queryClient))) as ReturnType<typeof dehydrate>;
}

function serverTRPC() {
  const queryClient = makeQueryClient();
  const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: createInnerContext({ db: database.db, user: users.viewer }), queryClient });
  return { trpc, queryClient };
}

/** The browser: its own QueryClient hydrated with the page's state, and a tRPC client that only records calls. */
function browser(state: ReturnType<typeof dehydrate>) {
  const queryClient = makeQueryClient();
  hydrate(queryClient, state);
  const calls: string[] = [];
  const recording: TRPCLink<AppRouter> = () => ({ op }) =>
    observable(() => {
      calls.push(op.path);
    });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: createTRPCClient<AppRouter>({ links: [recording] }), queryClient });
  return { queryClient, trpc, calls };
}

describe('desk first view', () => {
  it('hands the sources table of the view in the address to the browser, which shows it without fetching it again', async () => {
    const address = 'q=terter&sort=title&dir=asc';
    const state = await serverRender((trpc, queryClient) =>
      queryClient.prefetchInfiniteQuery(sourcesTableQueries(trpc, dossier.id, loadSourceFilters(address)).list),
    );

    const page = browser(state);
    // What the table's nuqs parsers read from the same address.
    const table = sourcesTableQueries(page.trpc, dossier.id, loadSourceFilters(`?${address}`));
    const list = new InfiniteQueryObserver(page.queryClient, table.list);
    const unsubscribe = list.subscribe(() => {});
    const shown = list.getCurrentResult();
    unsubscribe();

    expect(shown.isFetching).toBe(false);
    expect(shown.data?.pages[0]?.items.map((source) => source.title)).toEqual(['Terter: first report', 'Terter: second report']);
    // Dates arrive as dates (superjson), as the browser's own fetch would give them.
    expect(shown.data?.pages[0]?.items[0]?.createdAt).toBeInstanceOf(Date);
    expect(page.calls).toEqual([]);
  });

  it('leaves the exact count to the browser, which sends it on its own request', async () => {
    const state = await serverRender((trpc, queryClient) =>
      queryClient.prefetchInfiniteQuery(sourcesTableQueries(trpc, dossier.id, loadSourceFilters('')).list),
    );
    const page = browser(state);
    const count = new QueryObserver(page.queryClient, sourcesTableQueries(page.trpc, dossier.id, loadSourceFilters('')).count);
    const unsubscribe = count.subscribe(() => {});
    expect(count.getCurrentResult().isFetching).toBe(true);
    unsubscribe();
    await Promise.resolve();
    expect(page.calls).toEqual(['sources.count']);
    expect(sentAlone('sources.count')).toBe(true);
  });

  it('a different view than the one prefetched is fetched by the browser', async () => {
    const state = await serverRender((trpc, queryClient) =>
      queryClient.prefetchInfiniteQuery(sourcesTableQueries(trpc, dossier.id, loadSourceFilters('q=terter')).list),
    );
    const page = browser(state);
    const list = new InfiniteQueryObserver(page.queryClient, sourcesTableQueries(page.trpc, dossier.id, loadSourceFilters('q=ganja')).list);
    const unsubscribe = list.subscribe(() => {});
    expect(list.getCurrentResult().isFetching).toBe(true);
    unsubscribe();
  });

  it('hands over the dossier list and the dossier activity the same way', async () => {
    const view = loadDossierListView('');
    const scope = { kind: 'dossier' as const, dossierId: dossier.id, dossierSlug: dossier.slug };
    const state = await serverRender(async (trpc, queryClient) => {
      await queryClient.prefetchQuery(dossierListQuery(trpc, view));
      await queryClient.prefetchQuery(historyQueries(trpc, scope, undefined).activity);
    });
    const page = browser(state);
    const dossiers = new QueryObserver(page.queryClient, dossierListQuery(page.trpc, view));
    const activity = new QueryObserver(page.queryClient, historyQueries(page.trpc, scope, undefined).activity);
    const unsubscribe = [dossiers.subscribe(() => {}), activity.subscribe(() => {})];
    expect(dossiers.getCurrentResult().data?.map((row) => row.title)).toContain('Shelling of Terter');
    expect(activity.getCurrentResult().data?.length).toBe(4);
    expect([dossiers, activity].map((observer) => observer.getCurrentResult().isFetching)).toEqual([false, false]);
    unsubscribe.forEach((stop) => stop());
    expect(page.calls).toEqual([]);
  });

  it('only exact counts travel alone; lists and the rest share the batch', () => {
    const procedures = Object.keys(appRouter._def.procedures);
    expect(procedures.filter(sentAlone).sort()).toEqual(['claims.count', 'reactions.count', 'sources.count']);
    expect(sentAlone('sources.list')).toBe(false);
  });
});
