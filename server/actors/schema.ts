import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../db/columns';
import { dossiers } from '../dossiers/schema';
import { actorKinds, partyRoles } from './actors.labels';

export { actorKinds, partyRoles, type ActorKind, type PartyRole } from './actors.labels';
export const actorKindEnum = pgEnum('actor_kind', actorKinds);
export const partyRoleEnum = pgEnum('party_role', partyRoles);

/** The actor directory, shared by every dossier: states, organisations, bodies, people… */
export const actors = pgTable(
  'actors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: actorKindEnum('kind').notNull(),
    /** ISO 3166-1 alpha-2, upper case; set for states (and optional for others based in one). */
    countryCode: text('country_code'),
    /** The state or organisation this actor acts for (Macron → France; a defence ministry → its state). */
    affiliationId: uuid('affiliation_id').references((): AnyPgColumn => actors.id),
    /** Role or title: "President", "Foreign Ministry spokeswoman". */
    title: text('title').notNull().default(''),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    /** Name and aliases folded (case, accents, punctuation) for search and duplicate detection; see matchKey. */
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
    /** Short public description. */
    description: text('description').notNull().default(''),
    /** Desk-only; never leaves through a public page or public CSV. */
    internalNotes: text('internal_notes').notNull().default(''),
    /** Set when an admin merged this actor into another; every reference was moved there. */
    mergedIntoId: uuid('merged_into_id'),
    ...editableColumns(),
  },
  (t) => [
    index('actors_name_idx').on(t.name, t.id),
    index('actors_kind_name_idx').on(t.kind, t.name, t.id),
    index('actors_affiliation_idx').on(t.affiliationId),
    index('actors_match_keys_idx').using('gin', t.matchKeys),
    index('actors_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

export type ActorRecord = typeof actors.$inferSelect;

/** The actors a dossier's story is about; their order sets the columns of the public side-by-side view. */
export const dossierParties = pgTable(
  'dossier_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
    role: partyRoleEnum('role').notNull().default('party'),
    position: integer('position').notNull().default(0),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('dossier_parties_unique').on(t.dossierId, t.actorId).where(sql`${t.deletedAt} is null`),
    index('dossier_parties_dossier_idx').on(t.dossierId, t.position),
  ],
);

export type DossierParty = typeof dossierParties.$inferSelect;
