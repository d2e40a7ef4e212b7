import { boolean, index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { actors } from '../actors/schema';
import { timestamptz } from '../db/columns';
import { dossiers } from '../dossiers/schema';

/**
 * Who a dossier's desk expects to react (UN Security Council members, the parties' neighbours, regional
 * organisations…): the "who has not reacted" view lists those without a reaction yet. One row per dossier for the
 * list's settings, one per watched actor; every change is audited as one `watch_list` entry per dossier.
 */
export const watchLists = pgTable('watch_lists', {
  dossierId: uuid('dossier_id')
    .primaryKey()
    .references(() => dossiers.id),
  /** Readers see the "not yet reacted" list on the public page and embed. */
  isPublic: boolean('is_public').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const watchListMembers = pgTable(
  'watch_list_members',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
    position: integer('position').notNull().default(0),
    addedAt: timestamptz('added_at').notNull().defaultNow(),
    addedBy: uuid('added_by'),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.actorId] }), index('watch_list_members_actor_idx').on(t.actorId)],
);

export type WatchList = typeof watchLists.$inferSelect;
export type WatchListMember = typeof watchListMembers.$inferSelect;
