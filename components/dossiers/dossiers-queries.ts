import type { DeskTRPC } from '@/components/data-table/list-queries';
import type { DossierListView } from '@/server/dossiers/dossiers.search-params';

/** The desk home's list of dossiers (live, or the deleted ones); the page prefetches it on the server. */
export const dossierListQuery = (trpc: DeskTRPC, view: DossierListView) => trpc.dossiers.list.queryOptions({ deleted: view.deleted });
