import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Timestamp with time zone, as a JS Date. One definition so every table agrees. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Columns every editable table carries: who/when, an optimistic-concurrency version and a soft-delete marker.
 * A function, not a shared object, so each table gets its own column builders.
 */
export const editableColumns = () => ({
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  // Plain uuids rather than foreign keys: audit history must survive whatever happens to a user row.
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
  deletedAt: timestamptz('deleted_at'),
});
