import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { claims, claimSources } from '@/server/claims/schema';
import type { Database } from '@/server/db/client';
import { dossiers } from '@/server/dossiers/schema';
import { reactions, reactionSources } from '@/server/reactions/schema';
import { sources } from '@/server/sources/schema';

/**
 * The read model of dossier lists with counts of their child rows. It sits above the domains (it reads dossiers,
 * sources, claims and reactions), so `server/dossiers` never imports a child domain; a new child domain adds its count here.
 *
 * The subqueries are qualified by hand: in a single-table select drizzle writes columns without their table, so
 * `${dossiers.id}` would bind to the inner table's "id" and every count would be 0.
 */
const liveSourceCount = sql<number>`(select count(*)::int from ${sources} where ${sources}.dossier_id = ${dossiers}.id and ${sources}.deleted_at is null)`;

/** Every claim the desk can see in the dossier's claims table: not deleted (with or without a source yet). */
const liveClaimCount = sql<number>`(select count(*)::int from ${claims} where ${claims}.dossier_id = ${dossiers}.id and ${claims}.deleted_at is null)`;

/**
 * The claims readers can see: not deleted and citing at least one live source (a claim without a source is never
 * public, so it is not counted on the public home either).
 */
const publicClaimCount = sql<number>`(select count(*)::int from ${claims} where ${claims}.dossier_id = ${dossiers}.id and ${claims}.deleted_at is null and exists (select 1 from ${claimSources} join ${sources} on ${sources}.id = ${claimSources}.source_id where ${claimSources}.claim_id = ${claims}.id and ${sources}.deleted_at is null))`;

/** Every reaction the desk can see in the dossier's reactions table: not deleted (with or without a source yet). */
const liveReactionCount = sql<number>`(select count(*)::int from ${reactions} where ${reactions}.dossier_id = ${dossiers}.id and ${reactions}.deleted_at is null)`;

/** The reactions readers can see: not deleted and citing at least one live source (the same rule as claims). */
const publicReactionCount = sql<number>`(select count(*)::int from ${reactions} where ${reactions}.dossier_id = ${dossiers}.id and ${reactions}.deleted_at is null and exists (select 1 from ${reactionSources} join ${sources} on ${sources}.id = ${reactionSources}.source_id where ${reactionSources}.reaction_id = ${reactions}.id and ${sources}.deleted_at is null))`;

/** The desk's list: live dossiers (or deleted ones, to restore), newest activity first, with live child counts. */
export async function listDossierSummaries(db: Database, options: { deleted: boolean }) {
  return db
    .select({
      id: dossiers.id,
      title: dossiers.title,
      slug: dossiers.slug,
      status: dossiers.status,
      summary: dossiers.summary,
      eventsStartOn: dossiers.eventsStartOn,
      eventsEndOn: dossiers.eventsEndOn,
      updatedAt: dossiers.updatedAt,
      version: dossiers.version,
      deletedAt: dossiers.deletedAt,
      sourceCount: liveSourceCount,
      claimCount: liveClaimCount,
      reactionCount: liveReactionCount,
    })
    .from(dossiers)
    .where(options.deleted ? isNotNull(dossiers.deletedAt) : isNull(dossiers.deletedAt))
    .orderBy(desc(dossiers.updatedAt), desc(dossiers.id))
    .limit(500);
}
export type DossierSummary = Awaited<ReturnType<typeof listDossierSummaries>>[number];

/** Published, live dossiers for the public home page, with what readers can open: live sources, public claims. */
export async function listPublishedDossierSummaries(db: Database) {
  return db
    .select({
      title: dossiers.title,
      slug: dossiers.slug,
      summary: dossiers.summary,
      eventsStartOn: dossiers.eventsStartOn,
      eventsEndOn: dossiers.eventsEndOn,
      publishedAt: dossiers.publishedAt,
      updatedAt: dossiers.updatedAt,
      sourceCount: liveSourceCount,
      claimCount: publicClaimCount,
      reactionCount: publicReactionCount,
    })
    .from(dossiers)
    .where(and(eq(dossiers.status, 'published'), isNull(dossiers.deletedAt)))
    .orderBy(desc(dossiers.publishedAt), desc(dossiers.id));
}
export type PublishedDossierSummary = Awaited<ReturnType<typeof listPublishedDossierSummaries>>[number];
