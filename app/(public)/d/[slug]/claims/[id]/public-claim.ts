import { getPublicClaimOf, type PublicClaim } from '@/server/claims/claims.public';
import type { Database } from '@/server/db/client';
import { toPublicDossier } from '@/server/dossiers/dossiers.service';
import { entityId } from '@/server/validation';
import { findPublishedDossier, isRefusal, publicPageTags } from '../../../../published-dossier';

/**
 * A public claim's page data, read as a signed-out reader through the public functions, apart from the page file
 * so tests load it the same way. `found: false` (a 404) for a malformed slug or id (refused before any query), an
 * unknown, draft or deleted dossier, and a claim that is not public: unknown, deleted, or citing no live source.
 * The dossier is looked up once per render (findPublishedDossier); `tags` are the page's cache tags.
 */
export type PublicClaimPageData =
  | { found: false; tags: string[] }
  | { found: true; tags: string[]; dossier: ReturnType<typeof toPublicDossier>; claim: PublicClaim };

export async function loadPublicClaimPage(db: Database, slug: string, id: string): Promise<PublicClaimPageData> {
  const notFound = { found: false, tags: publicPageTags(null) } as const;
  const parsedId = entityId.safeParse(id);
  if (!parsedId.success) return notFound;
  const dossier = await findPublishedDossier(db, slug);
  if (!dossier) return notFound;
  try {
    const claim = await getPublicClaimOf(db, dossier, parsedId.data);
    return { found: true, tags: publicPageTags(dossier), dossier: toPublicDossier(dossier), claim };
  } catch (error) {
    if (isRefusal(error)) return notFound;
    throw error;
  }
}

export const publicClaimPath = (slug: string, id: string) => `/d/${slug}/claims/${id}`;
