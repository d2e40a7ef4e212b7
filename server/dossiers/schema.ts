import { date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, timestamptz } from '../db/columns';

export const dossierStatuses = ['draft', 'published'] as const;
export type DossierStatus = (typeof dossierStatuses)[number];
export const dossierStatusEnum = pgEnum('dossier_status', dossierStatuses);

export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** Unique across all dossiers, deleted ones included, so a restored dossier keeps its public URL. */
    slug: text('slug').notNull().unique(),
    summary: text('summary').notNull().default(''),
    status: dossierStatusEnum('status').notNull().default('draft'),
    /** When the events the dossier covers began and (if over) ended. */
    eventsStartOn: date('events_start_on', { mode: 'string' }),
    eventsEndOn: date('events_end_on', { mode: 'string' }),
    /** First publication; kept when unpublished and republished. */
    publishedAt: timestamptz('published_at'),
    ...editableColumns(),
  },
  (t) => [index('dossiers_status_updated_idx').on(t.status, t.updatedAt)],
);

export type Dossier = typeof dossiers.$inferSelect;
