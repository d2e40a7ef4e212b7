/**
 * The cache tags of readers' pages (server/public-cache/README in CONTRIBUTING: "Public pages' cache"). Every public
 * page and CSV is cached by Next until one of its tags is revalidated:
 *   - `public:all` — on every public page: directory records (an actor's name) appear in any dossier;
 *   - `public:index` — the home page's list and counts, and every "no such dossier" answer (a dossier published
 *     under that slug later must replace the cached 404);
 *   - `public:dossier:<id>` — every page, CSV and embed of one dossier.
 */
export const PUBLIC_ALL_TAG = 'public:all';
export const PUBLIC_INDEX_TAG = 'public:index';
export const publicDossierTag = (dossierId: string) => `public:dossier:${dossierId}`;

/** The tags one audited write expires: its dossier's pages and the index, or everything for a directory record. */
export function tagsForWrite(write: { entityType: string; dossierId: string | null }): string[] {
  if (write.entityType === 'user') return []; // accounts appear on no public page
  if (write.dossierId === null) return [PUBLIC_ALL_TAG];
  return [publicDossierTag(write.dossierId), PUBLIC_INDEX_TAG];
}
