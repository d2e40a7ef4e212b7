import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, timestamptz } from '../db/columns';
import { dossiers } from '../dossiers/schema';
import { reliabilityGrades, sourceKinds } from './sources.labels';

export { reliabilityGrades, sourceKinds, type ReliabilityGrade, type SourceKind } from './sources.labels';
export const sourceKindEnum = pgEnum('source_kind', sourceKinds);
export const reliabilityEnum = pgEnum('reliability', reliabilityGrades);

export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    url: text('url'),
    /** Comparison key for duplicate detection; see normaliseSourceUrl. */
    urlNormalised: text('url_normalised'),
    title: text('title').notNull(),
    outlet: text('outlet').notNull().default(''),
    author: text('author').notNull().default(''),
    kind: sourceKindEnum('kind').notNull().default('news_report'),
    /** BCP 47 tag, e.g. "en", "az", "hy", "ru". */
    language: text('language').notNull().default(''),
    publishedAt: timestamptz('published_at'),
    retrievedAt: timestamptz('retrieved_at'),
    archiveUrl: text('archive_url'),
    reliability: reliabilityEnum('reliability').notNull().default('F'),
    /** Desk-only; never leaves through a public page or public CSV. */
    internalNotes: text('internal_notes').notNull().default(''),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('sources_dossier_url_unique')
      .on(t.dossierId, t.urlNormalised)
      .where(sql`${t.deletedAt} is null and ${t.urlNormalised} is not null`),
    index('sources_dossier_created_idx').on(t.dossierId, t.createdAt, t.id),
    index('sources_dossier_published_idx').on(t.dossierId, t.publishedAt, t.id),
    // Newest first with undated sources last: the public page's and a common desk order.
    index('sources_dossier_published_desc_idx').on(t.dossierId, t.publishedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('sources_dossier_outlet_idx').on(t.dossierId, t.outlet, t.id),
    index('sources_dossier_title_idx').on(t.dossierId, t.title, t.id),
    index('sources_dossier_reliability_idx').on(t.dossierId, t.reliability, t.id),
    index('sources_dossier_kind_idx').on(t.dossierId, t.kind, t.id),
    index('sources_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('sources_outlet_trgm_idx').using('gin', sql`${t.outlet} gin_trgm_ops`),
    index('sources_url_trgm_idx').using('gin', sql`${t.url} gin_trgm_ops`),
  ],
);

export type Source = typeof sources.$inferSelect;
