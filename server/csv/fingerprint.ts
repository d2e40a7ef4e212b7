import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@/server/db/client';
import { dossiers } from '@/server/dossiers/schema';

/**
 * What a published dossier's public CSV depends on, read in one small query before any row is streamed (the
 * claims', reactions' and sources' public exports): the dossier's id, slug and version, then each of `states` in
 * order, joined with '|'. Null when there is nothing public: unknown, draft or deleted.
 */
export async function publishedFingerprint(
  db: Database,
  slug: string,
  states: readonly SQL<string>[],
): Promise<{ dossierId: string; slug: string; fingerprint: string } | null> {
  const [row] = await db
    .select({
      id: dossiers.id,
      slug: dossiers.slug,
      version: dossiers.version,
      ...Object.fromEntries(states.map((state, index) => [`state${index}`, state])),
    })
    .from(dossiers)
    .where(and(eq(dossiers.slug, slug.toLowerCase()), eq(dossiers.status, 'published'), isNull(dossiers.deletedAt)));
  if (!row) return null;
  const values = row as Record<string, unknown>;
  return {
    dossierId: row.id,
    slug: row.slug,
    fingerprint: [row.id, row.slug, row.version, ...states.map((_, index) => values[`state${index}`])].join('|'),
  };
}

/**
 * The rows of an editable table as one string (count, summed versions, latest change): every write bumps a version
 * or adds a row, so it changes with their content. `ofDossier` limits it to the rows of the dossier being read
 * (tables with `dossier_id`). Tables are qualified by hand: drizzle writes a single-table select's columns bare.
 */
export function rowsState(table: PgTable, { ofDossier }: { ofDossier: boolean }): SQL<string> {
  return ofDossier
    ? sql<string>`(select concat_ws('/', count(*), coalesce(sum(${table}.version), 0), max(${table}.updated_at)::text) from ${table} where ${table}.dossier_id = ${dossiers}.id)`
    : sql<string>`(select concat_ws('/', count(*), coalesce(sum(${table}.version), 0), max(${table}.updated_at)::text) from ${table})`;
}
