import { createLoader, type inferParserType } from 'nuqs/server';
import { parseAsFlag } from '@/server/search-params';

/**
 * The desk home's view in the address — `deleted=1` lists the deleted dossiers — read by the list (nuqs) and by
 * the page, which prefetches that list on the server. Client-safe: no server code.
 */
export const dossierListSearchParams = {
  deleted: parseAsFlag,
};

export type DossierListView = inferParserType<typeof dossierListSearchParams>;

export const loadDossierListView: (input: URLSearchParams | string) => DossierListView = createLoader(dossierListSearchParams);
