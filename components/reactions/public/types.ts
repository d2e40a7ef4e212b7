/** The public reactions data the readers' components draw, as server/reactions/reactions.public.ts returns it. */
import type { PublicReaction } from '@/server/reactions/reactions.public';

export type {
  PublicActorRef,
  PublicReaction,
  PublicReactionsOverview,
  ReactingEntity,
  ReactingGroup,
} from '@/server/reactions/reactions.public';

export type PublicReactionPage = PublicReaction & { dossier: { id: string; slug: string; title: string } };
