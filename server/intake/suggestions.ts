import type { ActorKind } from '@/server/actors/actors.labels';
import type { ClaimCategory, ClaimFigureValues, DatePrecision, QuoteKind } from '@/server/claims/claims.labels';
import type { ReactionChannel, ReactionStance } from '@/server/reactions/reactions.labels';

/**
 * What article intake suggests: the analysis of one article's text (server/intake/analyze.ts), before the editor
 * reviews it. Types only, so browser components may `import type` them.
 *
 * Suggestions refer to actors by `ref`: a directory actor's id when the name matched the directory, or `new:<slug>`
 * for an actor proposed from the text (created only when the editor accepts). Reactions and claims use the same
 * refs for their actors, speaker, targets, claimant and about, so an editor's change to one actor carries through.
 */

/** Where in the article a suggestion comes from (offsets are UTF-16 indexes into the article text, end exclusive). */
export interface Evidence {
  /** The sentence, verbatim: the excerpt a record cites. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The words that triggered the suggestion (a cue phrase, a name), inside the sentence. */
  spanStart: number;
  spanEnd: number;
}

export interface ActorSuggestion {
  ref: string;
  name: string;
  kind: ActorKind;
  title: string | null;
  countryCode: string | null;
  /** Ref of the actor this one acts for (Macron → France), when the text says so. */
  affiliationRef: string | null;
  /** The directory actor the name matched (name or alias, accent- and case-insensitive); null: proposed as new. */
  matchedActorId: string | null;
  /** Every other way the article names this actor ("Aliyev", "the ministry"). */
  mentions: string[];
  evidence: Evidence;
  why: string;
}

export type Figures = ClaimFigureValues;

/** A record the dossier already has that a suggestion may repeat: such suggestions start unticked. */
export interface PossibleDuplicate {
  id: string;
  /** How the desk would name it: "France — Calls for ceasefire, 27 Sept 2020". */
  label: string;
}

export interface ReactionSuggestion {
  ref: string;
  /** Signatories, in the text's order: several for a joint statement. */
  actorRefs: string[];
  /** The spokesperson or minister who spoke for them, when not one of them. */
  speakerRef: string | null;
  primaryStance: ReactionStance;
  /** Every stance read, the primary one first. */
  stances: ReactionStance[];
  /** Refs of the dossier's parties the stance concerns (supports Azerbaijan → Azerbaijan). */
  targetRefs: string[];
  channel: ReactionChannel;
  /** YYYY-MM-DD when the text dates it, else null. */
  reactedOn: string | null;
  reactedPrecision: DatePrecision;
  /** Words the text quotes as the actor's (fragments joined by " … "), else null. */
  quote: string | null;
  paraphrase: string;
  evidence: Evidence;
  why: string[];
  duplicateOf: PossibleDuplicate | null;
}

export interface ClaimSuggestion {
  ref: string;
  claimantRef: string;
  aboutRefs: string[];
  statement: string;
  category: ClaimCategory;
  figures: Figures;
  quote: string | null;
  quoteKind: QuoteKind;
  saidOn: string | null;
  saidPrecision: DatePrecision;
  evidence: Evidence;
  why: string[];
  duplicateOf: PossibleDuplicate | null;
}

export interface IntakeAnalysis {
  actors: ActorSuggestion[];
  reactions: ReactionSuggestion[];
  claims: ClaimSuggestion[];
  /** Sentences read, for the review screen's counts. */
  sentenceCount: number;
}
