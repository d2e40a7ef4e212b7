/**
 * The public reactions data the readers' components draw, as server/reactions/reactions.public.ts returns it.
 * (Kept here until that module lands; then these re-export its types.)
 */
import type { ActorKind } from '@/server/actors/actors.labels';
import type { Alignment, DatePrecision, ReactionChannel, ReactionStance } from '@/server/reactions/reactions.labels';

export interface PublicActorRef {
  id: string;
  name: string;
  kind: ActorKind;
  title: string;
  countryCode: string | null;
}

export interface PublicReaction {
  id: string;
  reactedAt: Date | null;
  reactedPrecision: DatePrecision;
  channel: ReactionChannel;
  stances: ReactionStance[];
  primaryStance: ReactionStance;
  quote: string;
  originalText: string;
  originalLanguage: string;
  paraphrase: string;
  signatories: Array<{ actor: PublicActorRef; countsFor: PublicActorRef }>;
  speaker: PublicActorRef | null;
  targets: Array<{ id: string; name: string }>;
  alignments: Array<{ party: { id: string; name: string }; alignment: Alignment }>;
  sources: Array<{
    source: { id: string; title: string; outlet: string; url: string | null; publishedAt: Date | null; reliability: string };
    excerpt: string;
  }>;
}

export type ReactingGroup = 'mediator' | 'organisation' | 'state' | 'other' | 'party';

export interface ReactingEntity {
  entity: PublicActorRef;
  group: ReactingGroup;
  reactionCount: number;
  alignments: Array<{ partyId: string; alignment: Alignment }>;
  primaryStance: ReactionStance;
  firstReactedAt: Date | null;
  reactions: PublicReaction[];
}

export interface PublicReactionsOverview {
  dossier: { id: string; slug: string; title: string };
  parties: Array<{ id: string; name: string; countryCode: string | null }>;
  total: number;
  countsByStance: Array<{ stance: ReactionStance; count: number }>;
  countsByAlignment: Array<{ partyId: string; counts: Record<Alignment, number> }>;
  groups: Array<{ group: ReactingGroup; entities: ReactingEntity[] }>;
  notYetReacted: PublicActorRef[] | null;
}

export type PublicReactionPage = PublicReaction & { dossier: { slug: string; title: string } };
