import { TRPCError } from '@trpc/server';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import type { createCaller } from '@/server/trpc/root';
import { entityId } from '@/server/validation';

/**
 * A public claim's page data, read as a signed-out reader through the public procedures, apart from the page file
 * so tests load it the same way. `found: false` (a 404) for a malformed slug or id (refused before any query), an
 * unknown, draft or deleted dossier, and a claim that is not public: unknown, deleted, or citing no live source.
 */
type Caller = ReturnType<typeof createCaller>;
export type PublicClaimPageData =
  | { found: false }
  | {
      found: true;
      dossier: Awaited<ReturnType<Caller['dossiers']['publicBySlug']>>;
      claim: Awaited<ReturnType<Caller['claims']['publicById']>>;
    };

const isRefusal = (error: unknown) => error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST');

export async function loadPublicClaimPage(caller: Caller, slug: string, id: string): Promise<PublicClaimPageData> {
  const parsedSlug = slugSchema.safeParse(slug);
  const parsedId = entityId.safeParse(id);
  if (!parsedSlug.success || !parsedId.success) return { found: false };
  try {
    const dossier = await caller.dossiers.publicBySlug({ slug: parsedSlug.data });
    const claim = await caller.claims.publicById({ slug: parsedSlug.data, id: parsedId.data });
    return { found: true, dossier, claim };
  } catch (error) {
    if (isRefusal(error)) return { found: false };
    throw error;
  }
}

export const publicClaimPath = (slug: string, id: string) => `/d/${slug}/claims/${id}`;
