import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, pgEnum, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { actors } from '../actors/schema';
import { editableColumns, timestamptz } from '../db/columns';
import { dossiers } from '../dossiers/schema';
import { sources } from '../sources/schema';
import {
  claimCategories,
  claimRelationKinds,
  correctionKinds,
  datePrecisions,
  quoteKinds,
  verificationStatuses,
} from './claims.labels';

export const claimCategoryEnum = pgEnum('claim_category', claimCategories);
export const verificationStatusEnum = pgEnum('verification_status', verificationStatuses);
export const datePrecisionEnum = pgEnum('date_precision', datePrecisions);
export const quoteKindEnum = pgEnum('quote_kind', quoteKinds);
export const claimRelationKindEnum = pgEnum('claim_relation_kind', claimRelationKinds);
export const correctionKindEnum = pgEnum('correction_kind', correctionKinds);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** One assertion by one claimant, in one dossier. */
export const claims = pgTable(
  'claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** Who made it (a spokesman is an actor affiliated to the party; the claim counts for the party). */
    claimantId: uuid('claimant_id')
      .notNull()
      .references(() => actors.id),
    /** The desk's one-sentence summary of what is claimed. */
    statement: text('statement').notNull(),
    /** The claimant's words (verbatim) or the desk's paraphrase, in English. */
    quote: text('quote').notNull().default(''),
    quoteKind: quoteKindEnum('quote_kind').notNull().default('paraphrase'),
    /** The words as said, when not in English, and their BCP 47 language tag. */
    originalText: text('original_text').notNull().default(''),
    originalLanguage: text('original_language').notNull().default(''),
    saidAt: timestamptz('said_at'),
    saidPrecision: datePrecisionEnum('said_precision').notNull().default('day'),
    occurredAt: timestamptz('occurred_at'),
    occurredPrecision: datePrecisionEnum('occurred_precision').notNull().default('day'),
    place: text('place').notNull().default(''),
    category: claimCategoryEnum('category').notNull().default('other'),
    killed: integer('killed'),
    killedAtLeast: boolean('killed_at_least').notNull().default(false),
    wounded: integer('wounded'),
    woundedAtLeast: boolean('wounded_at_least').notNull().default(false),
    displaced: integer('displaced'),
    displacedAtLeast: boolean('displaced_at_least').notNull().default(false),
    equipmentDestroyed: integer('equipment_destroyed'),
    equipmentDestroyedAtLeast: boolean('equipment_destroyed_at_least').notNull().default(false),
    status: verificationStatusEnum('status').notNull().default('unverified'),
    /** Public: why the desk gave this status. */
    statusExplanation: text('status_explanation').notNull().default(''),
    /** Admiralty information credibility, 1 (confirmed) … 6 (cannot be judged). */
    credibility: smallint('credibility').notNull().default(6),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Desk-only; never leaves through a public page or public CSV. */
    internalNotes: text('internal_notes').notNull().default(''),
    /** Full-text search over statement, quote and notes (desk search only: notes are never searched publicly). */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('english'::regconfig, coalesce(statement, '') || ' ' || coalesce(quote, '') || ' ' || coalesce(original_text, '') || ' ' || coalesce(internal_notes, ''))`,
    ),
    ...editableColumns(),
  },
  (t) => [
    index('claims_dossier_said_idx').on(t.dossierId, t.saidAt, t.id),
    index('claims_dossier_said_desc_idx').on(t.dossierId, t.saidAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('claims_dossier_occurred_idx').on(t.dossierId, t.occurredAt, t.id),
    index('claims_dossier_created_idx').on(t.dossierId, t.createdAt, t.id),
    index('claims_dossier_status_idx').on(t.dossierId, t.status, t.id),
    index('claims_dossier_category_idx').on(t.dossierId, t.category, t.id),
    index('claims_dossier_claimant_idx').on(t.dossierId, t.claimantId, t.id),
    // An actor's claims across dossiers, newest said first (the actor page).
    index('claims_claimant_said_idx').on(t.claimantId, t.saidAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('claims_search_idx').using('gin', t.searchVector),
    index('claims_tags_idx').using('gin', t.tags),
  ],
);

export type Claim = typeof claims.$inferSelect;

/** The actors a claim accuses or concerns. */
export const claimAbout = pgTable(
  'claim_about',
  {
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.actorId] }), index('claim_about_actor_idx').on(t.actorId, t.claimId)],
);

/** Evidence: a source a claim cites, with the exact excerpt. */
export const claimSources = pgTable(
  'claim_sources',
  {
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    excerpt: text('excerpt').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.sourceId] }), index('claim_sources_source_idx').on(t.sourceId, t.claimId)],
);

/** "from counters to", "from corroborates to", "from updates to". Both claims are in the same dossier. */
export const claimRelations = pgTable(
  'claim_relations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromClaimId: uuid('from_claim_id')
      .notNull()
      .references(() => claims.id),
    toClaimId: uuid('to_claim_id')
      .notNull()
      .references(() => claims.id),
    kind: claimRelationKindEnum('kind').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('claim_relations_unique').on(t.fromClaimId, t.toClaimId, t.kind),
    index('claim_relations_to_idx').on(t.toClaimId, t.kind),
  ],
);

/** Public, dated notes on changes to a published claim's statement, status or figures. */
export const claimCorrections = pgTable(
  'claim_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    kind: correctionKindEnum('kind').notNull(),
    note: text('note').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('claim_corrections_claim_idx').on(t.claimId, t.createdAt), index('claim_corrections_dossier_idx').on(t.dossierId, t.createdAt)],
);

export type ClaimCorrection = typeof claimCorrections.$inferSelect;
