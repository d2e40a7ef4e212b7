import { jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/columns';
import { dossiers } from '../dossiers/schema';
import { sources } from '../sources/schema';
import { users } from '../users/schema';

/**
 * An article intake left half-reviewed: the review screen's own state (article, source fields, suggestions with the
 * editor's ticks and edits), opaque to the server. One per dossier and user; deleted when that user accepts.
 */
export const intakeDrafts = pgTable(
  'intake_drafts',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: jsonb('state').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.userId] })],
);

/**
 * The article text an intake read, kept with its source (not on `sources`, whose lists and CSVs must not carry it),
 * so an editor can read or analyse it again. Written once, by the first intake from that source.
 */
export const sourceTexts = pgTable('source_texts', {
  sourceId: uuid('source_id')
    .primaryKey()
    .references(() => sources.id),
  text: text('text').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  // A plain uuid, as in editableColumns: the record must outlive whatever happens to a user row.
  createdBy: uuid('created_by'),
});

export type IntakeDraft = typeof intakeDrafts.$inferSelect;
export type SourceText = typeof sourceTexts.$inferSelect;
