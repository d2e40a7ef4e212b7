import { z } from 'zod';
import { actorObject, checkActor } from '@/server/actors/actors.input';
import { createClaimInput } from '@/server/claims/claims.input';
import { createReactionInput, MAX_REACTION_ACTORS } from '@/server/reactions/reactions.input';
import { createSourceInput } from '@/server/sources/sources.input';
import { entityId, MAX_EXCERPT_LENGTH, noRepeats, optionalDay, optionalText, requiredText } from '@/server/validation';

/**
 * Article intake's inputs, shared by the router and the review screen. Client-safe (no Drizzle).
 *
 * Records in an intake refer to actors by ref: a directory actor's id, or `new:<slug>` for an actor proposed from the
 * text and declared in `newActors` (created first, in the same transaction, when the editor accepts).
 */

/** About 15,000 words: a long feature; a wire story is 300–1,500. */
export const MAX_ARTICLE_LENGTH = 100_000;
export const MAX_INTAKE_ACTORS = 100;
export const MAX_INTAKE_RECORDS = 200;
/** A saved review (the article, the source's fields and every suggestion with the editor's changes). */
export const MAX_DRAFT_BYTES = 1_000_000;
/** The review screen's state is about six levels deep; this leaves room and refuses pathological nesting. */
export const MAX_DRAFT_DEPTH = 32;

export const articleText = requiredText('Article text', MAX_ARTICLE_LENGTH);

export const newActorRef = z
  .string({ error: 'A new actor’s ref is required' })
  .regex(/^new:[a-z0-9-]{1,80}$/, 'A new actor’s ref must look like new:nicolas-sarkozy');
/** An actor in the directory (its id) or one this intake creates (`new:<slug>`). */
export const actorRef = z.union([entityId, newActorRef], { error: 'Actor must be a directory actor’s id or a new actor’s ref' });

export const analyzeArticleInput = z.object({
  dossierId: entityId,
  text: articleText,
  /** The article's publication day: dates without a year ("Sept. 27") and "yesterday" are read from it. */
  publishedOn: optionalDay('Published on'),
});
export type AnalyzeArticleInput = z.infer<typeof analyzeArticleInput>;

export const intakeNewActorInput = actorObject
  .omit({ affiliationId: true, allowDuplicate: true, internalNotes: true })
  .extend({ ref: newActorRef, affiliationRef: actorRef.nullable().default(null) })
  .superRefine((value, context) => checkActor({ ...value, affiliationId: null, allowDuplicate: true, internalNotes: '' }, context));
export type IntakeNewActorInput = z.infer<typeof intakeNewActorInput>;

const excerpt = optionalText('Excerpt', MAX_EXCERPT_LENGTH);

export const intakeReactionInput = createReactionInput
  .omit({ dossierId: true, actors: true, speakerId: true, sources: true })
  .extend({
    actors: z
      .array(z.object({ actorRef, countsForRef: actorRef.nullish().transform((value) => value ?? null) }))
      .min(1, 'A reaction needs at least one actor')
      .max(MAX_REACTION_ACTORS, `A reaction can have at most ${MAX_REACTION_ACTORS} actors`)
      .refine(noRepeats((item: { actorRef: string }) => item.actorRef), 'Actors lists the same actor twice'),
    speakerRef: actorRef.nullish().transform((value) => value ?? null),
    /** The article's words the reaction rests on: the excerpt it cites the source with. */
    excerpt,
  });
export type IntakeReactionInput = z.infer<typeof intakeReactionInput>;

export const intakeClaimInput = createClaimInput
  .omit({ dossierId: true, claimantId: true, about: true, sources: true, relations: true })
  .extend({
    claimantRef: actorRef,
    aboutRefs: z
      .array(actorRef)
      .max(20, 'A claim can be about at most 20 actors')
      .refine(noRepeats((ref: string) => ref), 'About lists the same actor twice')
      .default([]),
    excerpt,
  });
export type IntakeClaimInput = z.infer<typeof intakeClaimInput>;

export const intakeSourceInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('existing'), sourceId: entityId }),
    z.object({ kind: z.literal('new'), fields: createSourceInput.omit({ dossierId: true }) }),
  ],
  { error: 'Source must be an existing source or a new one' },
);

export const acceptIntakeInput = z
  .object({
    dossierId: entityId,
    /** Kept with the source, so the article can be read (and analysed) again. */
    text: articleText,
    source: intakeSourceInput,
    newActors: z.array(intakeNewActorInput).max(MAX_INTAKE_ACTORS, `An intake can create at most ${MAX_INTAKE_ACTORS} actors`).default([]),
    reactions: z.array(intakeReactionInput).max(MAX_INTAKE_RECORDS, `An intake can create at most ${MAX_INTAKE_RECORDS} reactions`).default([]),
    claims: z.array(intakeClaimInput).max(MAX_INTAKE_RECORDS, `An intake can create at most ${MAX_INTAKE_RECORDS} claims`).default([]),
  })
  .superRefine((value, context) => {
    const declared = new Set<string>();
    value.newActors.forEach((actor, index) => {
      if (declared.has(actor.ref)) context.addIssue({ code: 'custom', path: ['newActors', index, 'ref'], message: `${actor.ref} is declared twice` });
      declared.add(actor.ref);
    });
    const check = (ref: string | null, path: Array<string | number>) => {
      if (ref?.startsWith('new:') && !declared.has(ref)) {
        context.addIssue({ code: 'custom', path, message: `${ref} is not among the new actors` });
      }
    };
    value.newActors.forEach((actor, index) => check(actor.affiliationRef, ['newActors', index, 'affiliationRef']));
    value.reactions.forEach((reaction, index) => {
      reaction.actors.forEach((item, position) => {
        check(item.actorRef, ['reactions', index, 'actors', position, 'actorRef']);
        check(item.countsForRef, ['reactions', index, 'actors', position, 'countsForRef']);
      });
      check(reaction.speakerRef, ['reactions', index, 'speakerRef']);
    });
    value.claims.forEach((claim, index) => {
      check(claim.claimantRef, ['claims', index, 'claimantRef']);
      claim.aboutRefs.forEach((ref, position) => check(ref, ['claims', index, 'aboutRefs', position]));
    });
    if (!value.newActors.length && !value.reactions.length && !value.claims.length) {
      context.addIssue({ code: 'custom', path: [], message: 'Tick at least one suggestion to accept' });
    }
  });
export type AcceptIntakeInput = z.infer<typeof acceptIntakeInput>;
export type AcceptIntakeFormValues = z.input<typeof acceptIntakeInput>;

export const intakeDraftInput = z.object({ dossierId: entityId });

/** The review as the editor left it: the screen's own state, kept as JSON for that user and dossier. */
export const saveIntakeDraftInput = z.object({
  dossierId: entityId,
  state: z
    .custom<DraftJson>((state) => draftShapeProblem(state) === null, { error: (issue) => draftShapeProblem(issue.input) ?? 'Draft must be JSON' })
    .refine((state) => JSON.stringify(state).length <= MAX_DRAFT_BYTES, `A draft can be at most ${MAX_DRAFT_BYTES / 1_000_000} MB`),
});
export type SaveIntakeDraftInput = z.infer<typeof saveIntakeDraftInput>;

type DraftJson = string | number | boolean | null | DraftJson[] | { [key: string]: DraftJson };

/**
 * Why a draft is not plain JSON an editor's screen could have made, or null. Walks the value with a stack of its own
 * (not zod's recursive z.json(), nor JSON.stringify, which overflow the call stack on input nested 10,000 deep).
 */
export function draftShapeProblem(state: unknown): string | null {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return 'Draft must be a JSON object';
  const pending: Array<{ value: unknown; depth: number }> = [{ value: state, depth: 1 }];
  while (pending.length) {
    const { value, depth } = pending.pop()!;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'Draft must be JSON (numbers must be finite)';
      continue;
    }
    if (typeof value !== 'object') return 'Draft must be JSON';
    if (depth > MAX_DRAFT_DEPTH) return `A draft can be nested at most ${MAX_DRAFT_DEPTH} levels deep`;
    const prototype = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return 'Draft must be JSON';
    for (const item of Object.values(value)) pending.push({ value: item, depth: depth + 1 });
  }
  return null;
}
