import { z } from 'zod';
import {
  citedSources,
  cursor,
  entityId,
  languageTag,
  listSearch,
  noRepeats,
  oneOf,
  optionalDay,
  optionalPastMoment,
  optionalText,
  pageSize,
  publicSlug,
  sortOrder,
  tagList,
  version,
  type CitedSourceInput,
} from '@/server/validation';
import { actorKinds } from '@/server/actors/actors.labels';
import { alignments, datePrecisions, reactionChannels, reactionSortKeys, reactionStances } from './reactions.labels';

/**
 * The reactions API's inputs, shared by the routers and the desk forms. Client-safe: vocabularies come from
 * reactions.labels.ts, never from the Drizzle schema.
 */

export const MAX_REACTION_ACTORS = 50;
export const MAX_TARGETS = 20;
export const MAX_REACTION_SOURCES = 50;

export const reactionActorInput = z.object({
  actorId: entityId,
  /** Counts for this state or organisation in this reaction instead of the actor's own roll-up; null: the roll-up. */
  countsForId: entityId.nullish().transform((value) => value ?? null),
});
export type ReactionActorInput = z.infer<typeof reactionActorInput>;

export type ReactionSourceInput = CitedSourceInput;

/** An alignment the editor set by hand; parties not listed get the default from stances and targets. */
export const alignmentInput = z.object({
  partyId: entityId,
  alignment: z.enum(alignments, oneOf('Alignment', alignments)),
});
export type AlignmentInput = z.infer<typeof alignmentInput>;

const stance = (label: string) => z.enum(reactionStances, oneOf(label, reactionStances));

const reactionFields = {
  actors: z
    .array(reactionActorInput)
    .min(1, 'A reaction needs at least one actor')
    .max(MAX_REACTION_ACTORS, `A reaction can have at most ${MAX_REACTION_ACTORS} actors`)
    .refine(noRepeats((item: ReactionActorInput) => item.actorId), 'Actors lists the same actor twice'),
  /** The spokesman or minister who spoke for the actors, when not one of them. */
  speakerId: entityId.nullish().transform((value) => value ?? null),
  reactedAt: optionalPastMoment('Reacted at'),
  reactedPrecision: z.enum(datePrecisions, oneOf('Reacted-at precision', datePrecisions)).default('day'),
  channel: z.enum(reactionChannels, oneOf('Channel', reactionChannels)).default('statement'),
  /** The primary stance is always among the stances (the service adds it when missing). */
  primaryStance: stance('Primary stance'),
  stances: z
    .array(stance('Stance'))
    .max(reactionStances.length)
    .transform((values) => [...new Set(values)])
    .default([]),
  /** Dossier parties (role "party") the stance concerns; none: the conflict as a whole. */
  targets: z
    .array(entityId)
    .max(MAX_TARGETS, `A reaction can target at most ${MAX_TARGETS} parties`)
    .refine(noRepeats((id: string) => id), 'Targets lists the same party twice')
    .default([]),
  alignments: z
    .array(alignmentInput)
    .max(50)
    .refine(noRepeats((item: AlignmentInput) => item.partyId), 'Alignments lists the same party twice')
    .default([]),
  /** Verbatim words in English (or the translation of originalText). A reaction needs a quote or a paraphrase. */
  quote: optionalText('Quote', 10_000),
  originalText: optionalText('Original text', 10_000),
  originalLanguage: languageTag('Original language'),
  paraphrase: optionalText('Paraphrase', 5000),
  sources: citedSources('A reaction', MAX_REACTION_SOURCES),
  tags: tagList('A reaction'),
  internalNotes: optionalText('Internal notes', 10_000),
};

export const createReactionInput = z.object({ dossierId: entityId, ...reactionFields });
export type CreateReactionInput = z.infer<typeof createReactionInput>;
export type CreateReactionFormValues = z.input<typeof createReactionInput>;

export const updateReactionInput = z.object({ id: entityId, version, ...reactionFields });
export type UpdateReactionInput = z.infer<typeof updateReactionInput>;
export type UpdateReactionFormValues = z.input<typeof updateReactionInput>;

export { reactionSortKeys, type ReactionSortKey } from './reactions.labels';

/** The filters shared by the desk reactions table, its URL, its count and the desk CSV export. */
export const reactionFilters = z.object({
  search: listSearch,
  /** Reactions with any of these stances (primary or not). */
  stance: z.array(stance('Stance')).max(reactionStances.length).default([]),
  /** Reactions whose alignment towards `alignmentParty` (or any party, when none) is one of these. */
  alignment: z.array(z.enum(alignments, oneOf('Alignment', alignments))).max(alignments.length).default([]),
  alignmentParty: entityId.nullish().transform((value) => value ?? null),
  /** Kind of the state or organisation a signatory counts for (a president's reaction is a state's). */
  actorKind: z.array(z.enum(actorKinds, oneOf('Actor kind', actorKinds))).max(actorKinds.length).default([]),
  /** Reactions by (or counting for) any of these actors. */
  actor: z.array(entityId).max(50, 'Choose at most 50 actors').default([]),
  /** Reactions targeting any of these parties. */
  target: z.array(entityId).max(50, 'Choose at most 50 parties').default([]),
  channel: z.array(z.enum(reactionChannels, oneOf('Channel', reactionChannels))).max(reactionChannels.length).default([]),
  /** Reacted on or after this UTC calendar day. */
  reactedFrom: optionalDay('Reacted from'),
  /** Reacted on or before this UTC calendar day. */
  reactedTo: optionalDay('Reacted to'),
  deleted: z.boolean().default(false),
  sort: z.enum(reactionSortKeys, oneOf('Sort', reactionSortKeys)).default('reacted'),
  /** Not called `direction`: tRPC's infinite queries reserve that input key. */
  order: sortOrder,
});
export type ReactionFilters = z.infer<typeof reactionFilters>;

export const countReactionsInput = reactionFilters.extend({ dossierId: entityId });
export type CountReactionsInput = z.infer<typeof countReactionsInput>;

export const listReactionsInput = reactionFilters.extend({ dossierId: entityId, cursor, limit: pageSize });
export type ListReactionsInput = z.infer<typeof listReactionsInput>;

/** The desk timeline: every live reaction of a dossier by day and hour, earliest first. */
export const reactionTimelineInput = z.object({ dossierId: entityId });

/** Readers' reactions section: `by` narrows the list to one reacting state or organisation. */
export const publicReactionsInput = z.object({ slug: publicSlug, by: entityId.nullish().transform((value) => value ?? null) });
export type PublicReactionsInput = z.infer<typeof publicReactionsInput>;

export const publicReactionByIdInput = z.object({ slug: publicSlug, id: entityId });
