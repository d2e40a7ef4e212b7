import { PUBLIC_ALL_TAG, PUBLIC_INDEX_TAG, publicDossierTag } from './tags';

/**
 * The cache tags of one public response (a page, a CSV, an embed): its dossier's, or, for a "not found" answer,
 * the index's, so that publishing a dossier under that slug (or making that record public: a write in its dossier,
 * which expires the index too) replaces the cached 404. Every public response carries PUBLIC_ALL_TAG.
 */
export function publicResponseTags(dossier: { id: string } | null): string[] {
  return dossier ? [PUBLIC_ALL_TAG, publicDossierTag(dossier.id)] : [PUBLIC_ALL_TAG, PUBLIC_INDEX_TAG];
}
