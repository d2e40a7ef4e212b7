import { cache } from 'react';
import type { Database } from '@/server/db/client';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { getPublishedDossier } from '@/server/dossiers/dossiers.service';
import type { Dossier } from '@/server/dossiers/schema';
import { ServiceError } from '@/server/errors';
import { publicResponseTags } from '@/server/public-cache/response-tags';
import { getAppDatabase } from '@/server/startup';

/**
 * What every reader's page starts from. Readers' pages are cached (Next's full route cache) and expired by writes
 * (server/public-cache), so they read no session, cookie, header or query string: they read the database directly
 * through the domains' public functions, never through a caller (whose context reads the session).
 */
export async function readersDatabase(): Promise<Database> {
  return (await getAppDatabase()).db;
}

/**
 * The published dossier a reader's page is about, or null for anything a reader must not or cannot see: a
 * malformed slug (refused before any query), an unknown, draft or deleted dossier. Looked up once per render
 * (React `cache`): the page's metadata and body and every part of the page share this one lookup, and each
 * domain read takes the row rather than looking the slug up again.
 */
export const findPublishedDossier = cache(async (db: Database, slug: string): Promise<Dossier | null> => {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  try {
    return await getPublishedDossier(db, parsed.data);
  } catch (error) {
    if (isRefusal(error)) return null;
    throw error;
  }
});

/** A domain's "not for readers" answer (an unknown or non-public record, a forged page link). */
export const isRefusal = (error: unknown) => error instanceof ServiceError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST');

/** The cache tags of a reader's page: its dossier's, or the index's for a 404 (server/public-cache/response-tags.ts). */
export const publicPageTags = publicResponseTags;
