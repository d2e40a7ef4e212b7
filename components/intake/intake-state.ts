import type { ActorKind } from '@/server/actors/actors.labels';
import type { ClaimCategory, ClaimFigureValues, DatePrecision, QuoteKind, VerificationStatus } from '@/server/claims/claims.labels';
import type { AcceptIntakeFormValues, SaveIntakeDraftInput } from '@/server/intake/intake.input';
import type { ActorSuggestion, Evidence, IntakeAnalysis, PossibleDuplicate } from '@/server/intake/suggestions';
import type { ReactionChannel, ReactionStance } from '@/server/reactions/reactions.labels';
import type { ReliabilityGrade, SourceKind } from '@/server/sources/sources.labels';

/**
 * The review screen's state: the article, its source, and every suggestion with the editor's changes and ticks.
 * Plain JSON (strings, numbers, booleans), so it is the draft kept for the editor as is (intake.saveDraft).
 * Items keep their place in the review; the accept input lists only ticked ones, and `AcceptPositions` maps an
 * index of the input back to the review, so the server's error paths (reactions.2.primaryStance) land on the item.
 */

/** A new source's fields as the inputs hold them (dates as YYYY-MM-DD, blanks as ''). */
export interface SourceFieldValues {
  url: string;
  title: string;
  outlet: string;
  author: string;
  kind: SourceKind;
  language: string;
  publishedAt: string;
  retrievedAt: string;
  archiveUrl: string;
  reliability: ReliabilityGrade;
  internalNotes: string;
}

export interface ExistingSourceChoice {
  id: string;
  title: string;
  outlet: string;
  publishedOn: string | null;
}

interface Suggested {
  ref: string;
  ticked: boolean;
  evidence: Evidence;
  why: string[];
  duplicateOf: PossibleDuplicate | null;
}

export interface NewActorFields {
  name: string;
  kind: ActorKind;
  title: string;
  countryCode: string;
  affiliationRef: string | null;
  aliases: string[];
  description: string;
}

export interface ActorItem {
  ref: string;
  /** A directory actor the article names (nothing to create), or null for one proposed as new. */
  matchedActorId: string | null;
  ticked: boolean;
  evidence: Evidence;
  why: string[];
  mentions: string[];
  /** The editor chose an existing directory actor instead of creating this one: records use it. */
  instead: { id: string; name: string } | null;
  fields: NewActorFields;
}

export interface ReactionValues {
  actorRefs: string[];
  speakerRef: string | null;
  primaryStance: ReactionStance;
  stances: ReactionStance[];
  targets: string[];
  channel: ReactionChannel;
  reactedAt: string;
  reactedPrecision: DatePrecision;
  quote: string;
  originalText: string;
  originalLanguage: string;
  paraphrase: string;
  excerpt: string;
  tags: string[];
  internalNotes: string;
}
export interface ReactionItem extends Suggested {
  values: ReactionValues;
}

export interface ClaimValues extends ClaimFigureValues {
  claimantRef: string;
  aboutRefs: string[];
  statement: string;
  category: ClaimCategory;
  quote: string;
  quoteKind: QuoteKind;
  originalText: string;
  originalLanguage: string;
  saidAt: string;
  saidPrecision: DatePrecision;
  occurredAt: string;
  occurredPrecision: DatePrecision;
  place: string;
  status: VerificationStatus;
  statusExplanation: string;
  credibility: number;
  excerpt: string;
  tags: string[];
  internalNotes: string;
}
export interface ClaimItem extends Suggested {
  values: ClaimValues;
}

export interface ReviewState {
  format: 1;
  text: string;
  sourceMode: 'new' | 'existing';
  newSource: SourceFieldValues;
  existingSource: ExistingSourceChoice | null;
  /** False while the editor is still on the article; true once there are suggestions to review. */
  analysed: boolean;
  sentenceCount: number;
  /** Names of directory actors the review refers to (matched or picked by search), by id. */
  names: Record<string, { name: string; kind?: ActorKind }>;
  actors: ActorItem[];
  reactions: ReactionItem[];
  claims: ClaimItem[];
}

export const blankSource: SourceFieldValues = {
  url: '',
  title: '',
  outlet: '',
  author: '',
  kind: 'news_report',
  language: '',
  publishedAt: '',
  retrievedAt: '',
  archiveUrl: '',
  reliability: 'F',
  internalNotes: '',
};

export const emptyReview: ReviewState = {
  format: 1,
  text: '',
  sourceMode: 'new',
  newSource: blankSource,
  existingSource: null,
  analysed: false,
  sentenceCount: 0,
  names: {},
  actors: [],
  reactions: [],
  claims: [],
};

/** The review as a draft's JSON (it is plain JSON already; the type says so). */
export const draftOf = (state: ReviewState) => state as unknown as SaveIntakeDraftInput['state'];

/** A saved draft as the review reads it back; anything of another shape starts over. */
export function readDraft(state: unknown): ReviewState | null {
  if (!state || typeof state !== 'object') return null;
  const draft = state as Partial<ReviewState>;
  if (draft.format !== 1 || typeof draft.text !== 'string' || !Array.isArray(draft.actors) || !Array.isArray(draft.reactions) || !Array.isArray(draft.claims)) {
    return null;
  }
  return { ...emptyReview, ...draft, newSource: { ...blankSource, ...draft.newSource } } as ReviewState;
}

function actorItem(actor: ActorSuggestion): ActorItem {
  return {
    ref: actor.ref,
    matchedActorId: actor.matchedActorId,
    ticked: actor.matchedActorId === null,
    evidence: actor.evidence,
    why: [actor.why],
    mentions: actor.mentions,
    instead: null,
    fields: {
      name: actor.name,
      kind: actor.kind,
      title: actor.title ?? '',
      countryCode: actor.countryCode ?? '',
      affiliationRef: actor.affiliationRef,
      aliases: [],
      description: '',
    },
  };
}

/** The review of a fresh analysis: new actors, reactions and claims ticked, possible duplicates not. */
export function reviewOfAnalysis(previous: ReviewState, analysis: IntakeAnalysis, partyIds: readonly string[]): ReviewState {
  const names: ReviewState['names'] = { ...previous.names };
  for (const actor of analysis.actors) {
    if (actor.matchedActorId) names[actor.matchedActorId] = { name: actor.name, kind: actor.kind };
  }
  return {
    ...previous,
    analysed: true,
    sentenceCount: analysis.sentenceCount,
    names,
    actors: analysis.actors.map(actorItem),
    reactions: analysis.reactions.map((reaction) => ({
      ref: reaction.ref,
      ticked: reaction.duplicateOf === null,
      evidence: reaction.evidence,
      why: reaction.why,
      duplicateOf: reaction.duplicateOf,
      values: {
        actorRefs: reaction.actorRefs,
        speakerRef: reaction.speakerRef,
        primaryStance: reaction.primaryStance,
        stances: reaction.stances.filter((stance) => stance !== reaction.primaryStance),
        targets: reaction.targetRefs.filter((ref) => partyIds.includes(ref)),
        channel: reaction.channel,
        reactedAt: reaction.reactedOn ?? '',
        reactedPrecision: reaction.reactedPrecision,
        quote: reaction.quote ?? '',
        originalText: '',
        originalLanguage: '',
        paraphrase: reaction.paraphrase,
        excerpt: reaction.evidence.sentence,
        tags: [],
        internalNotes: '',
      },
    })),
    claims: analysis.claims.map((claim) => ({
      ref: claim.ref,
      ticked: claim.duplicateOf === null,
      evidence: claim.evidence,
      why: claim.why,
      duplicateOf: claim.duplicateOf,
      values: {
        claimantRef: claim.claimantRef,
        aboutRefs: claim.aboutRefs,
        statement: claim.statement,
        category: claim.category,
        ...claim.figures,
        quote: claim.quote ?? '',
        quoteKind: claim.quoteKind,
        originalText: '',
        originalLanguage: '',
        saidAt: claim.saidOn ?? '',
        saidPrecision: claim.saidPrecision,
        occurredAt: '',
        occurredPrecision: 'day',
        place: '',
        status: 'unverified',
        statusExplanation: '',
        credibility: 6,
        excerpt: claim.evidence.sentence,
        tags: [],
        internalNotes: '',
      },
    })),
  };
}

/** The actor a ref stands for once the editor's "use a directory actor instead" choices apply. */
export function resolveRef(state: ReviewState, ref: string): string {
  const item = state.actors.find((actor) => actor.ref === ref);
  return item?.instead?.id ?? ref;
}

/** How the review names an actor ref. */
export function nameOfRef(state: ReviewState, ref: string): string {
  const item = state.actors.find((actor) => actor.ref === ref);
  if (item) return item.instead?.name ?? item.fields.name;
  return state.names[ref]?.name ?? 'Chosen actor';
}

const isNewRef = (ref: string) => ref.startsWith('new:');

/** A new actor is created when it is ticked and not replaced by a directory actor. */
export const isCreated = (actor: ActorItem) => actor.matchedActorId === null && isNewRef(actor.ref) && actor.ticked && actor.instead === null;

/** The ticked records' refs, resolved: the actors they need. */
function refsOfReaction(values: ReactionValues): string[] {
  return [...values.actorRefs, ...(values.speakerRef ? [values.speakerRef] : [])];
}
function refsOfClaim(values: ClaimValues): string[] {
  return [values.claimantRef, ...values.aboutRefs].filter(Boolean);
}

/** The ticked records that use a new actor (unticked, it would leave them without it). */
export function usersOfActor(state: ReviewState, ref: string): string[] {
  const users: string[] = [];
  state.reactions.forEach((reaction, index) => {
    if (reaction.ticked && refsOfReaction(reaction.values).includes(ref)) users.push(`reaction ${index + 1}`);
  });
  state.claims.forEach((claim, index) => {
    if (claim.ticked && refsOfClaim(claim.values).includes(ref)) users.push(`claim ${index + 1}`);
  });
  return users;
}

/** Where each item of the accept input sits in the review. */
export interface AcceptPositions {
  newActors: number[];
  reactions: number[];
  claims: number[];
}

/** Errors keyed by the review's own paths: `reactions.<review index>.<field>`, `actors.3.name`, `source.url`, `text`. */
export type ReviewErrors = Record<string, string>;

const unique = <T,>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * The accept input from the ticked items, with refs resolved, and the problems the review can name before
 * asking the server (a ticked record needing a new actor that is unticked).
 */
export function buildAcceptInput(state: ReviewState, dossierId: string): { input: AcceptIntakeFormValues; positions: AcceptPositions; errors: ReviewErrors } {
  const errors: ReviewErrors = {};
  const positions: AcceptPositions = { newActors: [], reactions: [], claims: [] };
  const created = new Set(state.actors.filter(isCreated).map((actor) => actor.ref));
  const usable = (ref: string) => !isNewRef(ref) || created.has(ref);
  const resolve = (ref: string) => resolveRef(state, ref);

  const check = (refs: readonly string[], path: string) => {
    const missing = refs.map(resolve).filter((ref) => !usable(ref));
    if (missing.length) {
      errors[path] = `${missing.map((ref) => nameOfRef(state, ref)).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not ticked among the actors: tick ${missing.length === 1 ? 'it' : 'them'}, use a directory actor instead, or untick this record`;
    }
  };

  const newActors = state.actors.flatMap((actor, index) => {
    if (!isCreated(actor)) return [];
    positions.newActors.push(index);
    const affiliation = actor.fields.affiliationRef ? resolve(actor.fields.affiliationRef) : null;
    return [
      {
        ref: actor.ref,
        name: actor.fields.name,
        kind: actor.fields.kind,
        title: actor.fields.title,
        countryCode: actor.fields.countryCode || null,
        affiliationRef: affiliation && usable(affiliation) ? affiliation : null,
        aliases: actor.fields.aliases,
        description: actor.fields.description,
      },
    ];
  });

  const reactions = state.reactions.flatMap((reaction, index) => {
    if (!reaction.ticked) return [];
    positions.reactions.push(index);
    const { actorRefs, speakerRef, excerpt, ...values } = reaction.values;
    check(actorRefs, `reactions.${index}.actorRefs`);
    if (speakerRef) check([speakerRef], `reactions.${index}.speakerRef`);
    return [
      {
        ...values,
        stances: unique([values.primaryStance, ...values.stances]),
        alignments: [],
        actors: unique(actorRefs.map(resolve)).map((actorRef) => ({ actorRef, countsForRef: null })),
        speakerRef: speakerRef ? resolve(speakerRef) : null,
        excerpt,
      },
    ];
  });

  const claims = state.claims.flatMap((claim, index) => {
    if (!claim.ticked) return [];
    positions.claims.push(index);
    const { claimantRef, aboutRefs, ...values } = claim.values;
    if (claimantRef) check([claimantRef], `claims.${index}.claimantRef`);
    check(aboutRefs, `claims.${index}.aboutRefs`);
    return [{ ...values, claimantRef: claimantRef ? resolve(claimantRef) : '', aboutRefs: unique(aboutRefs.map(resolve)) }];
  });

  state.actors.forEach((actor, index) => {
    if (actor.matchedActorId === null && !isCreated(actor) && actor.instead === null) {
      const users = usersOfActor(state, actor.ref);
      if (users.length) errors[`actors.${index}.ticked`] = `Used by ${users.join(', ')}: tick it, or use a directory actor instead`;
    }
  });

  const source =
    state.sourceMode === 'existing' && state.existingSource
      ? { kind: 'existing' as const, sourceId: state.existingSource.id }
      : { kind: 'new' as const, fields: state.newSource };
  return { input: { dossierId, text: state.text, source, newActors, reactions, claims }, positions, errors };
}

/** Input field names the review shows under another name. */
const renamed: Record<string, Record<string, string>> = {
  reactions: { actors: 'actorRefs' },
  newActors: {},
  claims: {},
};

/**
 * An error path of the accept input (server or browser) as the review's key, or null for the banner:
 * reactions.2.primaryStance → reactions.<review index>.primaryStance, newActors.0.name → actors.<index>.name,
 * source.fields.url → source.url.
 */
export function reviewPathOf(path: ReadonlyArray<string | number>, positions: AcceptPositions): string | null {
  const [head, index, field] = path;
  if (head === 'text') return 'text';
  if (head === 'source') return path[1] === 'fields' && typeof path[2] === 'string' ? `source.${path[2]}` : 'source';
  if ((head === 'reactions' || head === 'claims' || head === 'newActors') && typeof index === 'number') {
    const at = positions[head][index];
    if (at === undefined) return null;
    const name = typeof field === 'string' ? (renamed[head]?.[field] ?? field) : 'ticked';
    return `${head === 'newActors' ? 'actors' : head}.${at}.${name}`;
  }
  return null;
}

/** The review's errors of one item (`reactions.3.`), for its summary line and its "More fields" disclosure. */
export function errorsOf(errors: ReviewErrors, prefix: string): Record<string, string> {
  const own: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) if (key.startsWith(prefix)) own[key.slice(prefix.length)] = message;
  return own;
}
