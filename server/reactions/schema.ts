import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { actors } from '../actors/schema';
import { datePrecisionEnum } from '../claims/schema';
import { editableColumns, timestamptz } from '../db/columns';
import { dossiers } from '../dossiers/schema';
import { sources } from '../sources/schema';
import { alignments, reactionChannels, reactionStances } from './reactions.labels';

export const reactionStanceEnum = pgEnum('reaction_stance', reactionStances);
export const reactionChannelEnum = pgEnum('reaction_channel', reactionChannels);
export const alignmentEnum = pgEnum('alignment', alignments);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One statement or act by one or more actors (a joint statement has several signatories, reaction_actors), in one
 * dossier: "France, Germany, Italy and the EU urged an immediate ceasefire".
 */
export const reactions = pgTable(
  'reactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** Who spoke when it differs from the signatories: a spokesman, a minister (an actor affiliated to one). */
    speakerId: uuid('speaker_id').references(() => actors.id),
    reactedAt: timestamptz('reacted_at'),
    reactedPrecision: datePrecisionEnum('reacted_precision').notNull().default('day'),
    channel: reactionChannelEnum('channel').notNull().default('statement'),
    /** Every stance of the reaction, the primary one included; at least one. */
    stances: reactionStanceEnum('stances').array().notNull(),
    primaryStance: reactionStanceEnum('primary_stance').notNull(),
    /** The reacting actor's words in English (verbatim, or a translation of `originalText`), when quoted. */
    quote: text('quote').notNull().default(''),
    /** The words as said, when not in English, and their BCP 47 language tag. */
    originalText: text('original_text').notNull().default(''),
    originalLanguage: text('original_language').notNull().default(''),
    /** The desk's summary in its own words. */
    paraphrase: text('paraphrase').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Desk-only; never leaves through a public page, embed or public CSV. */
    internalNotes: text('internal_notes').notNull().default(''),
    /** Full-text search over the words and notes (desk search only: notes are never searched publicly). */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('english'::regconfig, coalesce(quote, '') || ' ' || coalesce(original_text, '') || ' ' || coalesce(paraphrase, '') || ' ' || coalesce(internal_notes, ''))`,
    ),
    ...editableColumns(),
  },
  (t) => [
    index('reactions_dossier_reacted_idx').on(t.dossierId, t.reactedAt, t.id),
    index('reactions_dossier_reacted_desc_idx').on(t.dossierId, t.reactedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('reactions_dossier_created_idx').on(t.dossierId, t.createdAt, t.id),
    index('reactions_dossier_primary_idx').on(t.dossierId, t.primaryStance, t.id),
    index('reactions_dossier_channel_idx').on(t.dossierId, t.channel, t.id),
    index('reactions_stances_idx').using('gin', t.stances),
    index('reactions_search_idx').using('gin', t.searchVector),
    index('reactions_tags_idx').using('gin', t.tags),
  ],
);

export type Reaction = typeof reactions.$inferSelect;

/**
 * A reaction's signatories, in the order given. `countsForId` overrides, for this reaction only, the state or
 * organisation the actor counts for (Edi Rama as OSCE chairman-in-office counts for the OSCE, not Albania); null:
 * the roll-up along the actor's affiliations (countsFor in counts-for.ts).
 */
export const reactionActors = pgTable(
  'reaction_actors',
  {
    reactionId: uuid('reaction_id')
      .notNull()
      .references(() => reactions.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
    countsForId: uuid('counts_for_id').references(() => actors.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.reactionId, t.actorId] }),
    index('reaction_actors_actor_idx').on(t.actorId, t.reactionId),
    index('reaction_actors_counts_for_idx').on(t.countsForId),
  ],
);

/** The dossier parties a reaction's stance concerns (none: it concerns the conflict as a whole). */
export const reactionTargets = pgTable(
  'reaction_targets',
  {
    reactionId: uuid('reaction_id')
      .notNull()
      .references(() => reactions.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
  },
  (t) => [primaryKey({ columns: [t.reactionId, t.actorId] }), index('reaction_targets_actor_idx').on(t.actorId, t.reactionId)],
);

/**
 * Where the reaction stands towards each party of the dossier (role 'party'), as saved: the default from stance and
 * target (defaultAlignments in alignment.ts) unless the editor changed it (`edited`). A party added to the dossier
 * later has no row: readers of alignments fall back to the default for it.
 */
export const reactionAlignments = pgTable(
  'reaction_alignments',
  {
    reactionId: uuid('reaction_id')
      .notNull()
      .references(() => reactions.id),
    partyActorId: uuid('party_actor_id')
      .notNull()
      .references(() => actors.id),
    alignment: alignmentEnum('alignment').notNull(),
    edited: boolean('edited').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.reactionId, t.partyActorId] })],
);

/** Evidence: a source a reaction cites, with the exact excerpt. */
export const reactionSources = pgTable(
  'reaction_sources',
  {
    reactionId: uuid('reaction_id')
      .notNull()
      .references(() => reactions.id),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    excerpt: text('excerpt').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.reactionId, t.sourceId] }), index('reaction_sources_source_idx').on(t.sourceId, t.reactionId)],
);

