import { TRPCError } from '@trpc/server';
import { parseMapMode, type MapMode } from '@/components/reactions/public/map-mode';
import type { PublicReactionPage, PublicReactionsOverview } from '@/components/reactions/public/types';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import type { createCaller } from '@/server/trpc/root';
import { entityId } from '@/server/validation';

/**
 * The readers' reactions data, read as a signed-out reader through the public procedures (reactions.listPublic,
 * reactions.publicById), apart from the pages so tests load it the same way. A malformed slug or id is refused
 * before any query; anything a reader may not see is `null` (a 404 for the page that needs it).
 */
type Caller = ReturnType<typeof createCaller>;
export type Query = Record<string, string | string[] | undefined>;

export interface ReactionsSectionData {
  overview: PublicReactionsOverview;
  mode: MapMode;
  query: Query;
}

const isRefusal = (error: unknown) => error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST');

async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isRefusal(error)) return null;
    throw error;
  }
}

/** The dossier page's "International reactions" (the map mode from `?map=stance` / `?towards=<party id>`). */
export async function loadReactionsSection(caller: Caller, slug: string, query: Query = {}): Promise<ReactionsSectionData | null> {
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) return null;
  const overview = await orNull(() => caller.reactions.listPublic({ slug: parsedSlug.data, by: null }));
  return overview ? { overview, mode: parseMapMode(query, overview.parties), query } : null;
}

/** Every public reaction of one reacting state or organisation (`?by=<entity id>`); null when it has none. */
export async function loadEntityReactions(caller: Caller, slug: string, by: string | string[] | undefined): Promise<PublicReactionsOverview | null> {
  const parsedSlug = slugSchema.safeParse(slug);
  const parsedBy = entityId.safeParse(by);
  if (!parsedSlug.success || !parsedBy.success) return null;
  const overview = await orNull(() => caller.reactions.listPublic({ slug: parsedSlug.data, by: parsedBy.data }));
  return overview && overview.groups.some((group) => group.entities.length > 0) ? overview : null;
}

/** One public reaction; null unless it is public (published dossier, live reaction, a live source). */
export async function loadPublicReaction(caller: Caller, slug: string, id: string): Promise<PublicReactionPage | null> {
  const parsedSlug = slugSchema.safeParse(slug);
  const parsedId = entityId.safeParse(id);
  if (!parsedSlug.success || !parsedId.success) return null;
  return orNull(() => caller.reactions.publicById({ slug: parsedSlug.data, id: parsedId.data }));
}
