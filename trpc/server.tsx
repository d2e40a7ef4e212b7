import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createRequestContext } from '@/server/trpc/init';
import { appRouter, createCaller } from '@/server/trpc/root';
import { getAppDatabase } from '@/server/startup';
import { makeQueryClient } from './query-client';

/** The request's tRPC context (its user read from the session once), shared by the caller and the prefetches. */
const getRequestContext = cache(async () => {
  const { db } = await getAppDatabase();
  return createRequestContext(db, await headers());
});

/**
 * A tRPC caller for server components, built once per request (React `cache`), never shared between requests, so
 * one user's data cannot leak into another's render. It goes through the same procedures and authorization as HTTP.
 */
export const getServerCaller = cache(async () => createCaller(await getRequestContext()));

/** The request's own QueryClient, which desk pages fill before rendering and hand to the browser's (`HydrateClient`). */
export const getQueryClient = cache(makeQueryClient);

/**
 * Query options built on the server, for prefetching a desk page's first view: the same query keys as the browser's
 * `useTRPC()`, answered by the same procedures (and authorization) in-process, into the request's QueryClient.
 * Built per request too: the context and the QueryClient it fills belong to the request being rendered.
 */
export const getServerTRPC = cache(() =>
  createTRPCOptionsProxy({ router: appRouter, ctx: getRequestContext, queryClient: getQueryClient }),
);

/**
 * Hands what the page prefetched to the browser's QueryClient: the client components below render those queries'
 * data on the server and in the browser's first render, and do not fetch them again while fresh (`staleTime`).
 */
export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
