import { parseMapMode, type MapMode } from '@/components/reactions/public/map-mode';
import type { PublicReactionPage, PublicReactionsOverview } from '@/components/reactions/public/types';
import type { Database } from '@/server/db/client';
import type { Dossier } from '@/server/dossiers/schema';
import { getPublicReactionOf, getPublicReactionsOverviewOf } from '@/server/reactions/reactions.public';
import { entityId } from '@/server/validation';
import { findPublishedDossier, isRefusal, publicPageTags } from '../../published-dossier';

/**
 * The readers' reactions data, read as a signed-out reader through the public functions (the reactions overview,
 * one public reaction), apart from the pages so tests load it the same way. A malformed slug or id is refused
 * before any query; anything a reader may not see is `null` (a 404 for the page that needs it). The dossier is
 * looked up once per render (findPublishedDossier); `tags` are the page's cache tags (publicPageTags).
 */
export type Query = Record<string, string | string[] | undefined>;

export interface ReactionsSectionData {
  overview: PublicReactionsOverview;
  mode: MapMode;
  query: Query;
}

async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isRefusal(error)) return null;
    throw error;
  }
}

/** The dossier page's "International reactions" (the map mode from `?map=stance` / `?towards=<party id>`). */
export async function loadReactionsSection(db: Database, slug: string, query: Query = {}): Promise<ReactionsSectionData | null> {
  const dossier = await findPublishedDossier(db, slug);
  return dossier ? reactionsSectionOf(db, dossier, query) : null;
}

/** loadReactionsSection for a published dossier already read (the dossier page's). */
export async function reactionsSectionOf(db: Database, dossier: Dossier, query: Query = {}): Promise<ReactionsSectionData | null> {
  const overview = await orNull(() => getPublicReactionsOverviewOf(db, dossier, { by: null }));
  return overview ? { overview, mode: parseMapMode(query, overview.parties), query } : null;
}

/** Every public reaction of one reacting state or organisation (`?by=<entity id>`); null when it has none. */
export async function loadEntityReactions(db: Database, slug: string, by: string | string[] | undefined): Promise<PublicReactionsOverview | null> {
  const parsedBy = entityId.safeParse(by);
  if (!parsedBy.success) return null;
  const dossier = await findPublishedDossier(db, slug);
  if (!dossier) return null;
  const overview = await orNull(() => getPublicReactionsOverviewOf(db, dossier, { by: parsedBy.data }));
  return overview && overview.groups.some((group) => group.entities.length > 0) ? overview : null;
}

/** One public reaction; null unless it is public (published dossier, live reaction, a live source). */
export async function loadPublicReaction(db: Database, slug: string, id: string): Promise<PublicReactionPage | null> {
  const parsedId = entityId.safeParse(id);
  if (!parsedId.success) return null;
  const dossier = await findPublishedDossier(db, slug);
  if (!dossier) return null;
  return orNull(() => getPublicReactionOf(db, dossier, parsedId.data));
}

/** The cache tags of a reactions page: its dossier's when found, the index's for a 404. */
export const reactionsPageTags = (data: { dossier: { id: string } } | null) => publicPageTags(data?.dossier ?? null);
