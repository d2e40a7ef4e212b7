import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@/server/trpc/root';

/**
 * The tRPC query options of the browser (`useTRPC()`) or of a server render (`getServerTRPC()`), which build the same
 * query keys. A desk list builds its queries with one function taking either, so what a page prefetches on the
 * server is exactly what the list asks for in the browser, and the first view is not fetched a second time.
 */
export type DeskTRPC = TRPCOptionsProxy<AppRouter>;

/** Rows per keyset page of the desk lists ("Load more"). */
export const LIST_PAGE_SIZE = 50;

