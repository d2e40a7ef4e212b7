import { z } from 'zod';
import { createTRPCRouter, editorProcedure, publicProcedure, viewerProcedure } from '@/server/trpc/init';
import { entityId, versionedIdInput } from '@/server/validation';
import {
  countReactionsInput,
  createReactionInput,
  listReactionsInput,
  publicReactionByIdInput,
  publicReactionsInput,
  reactionTimelineInput,
  updateReactionInput,
} from './reactions.input';
import { getPublicReaction, getPublicReactionsOverview } from './reactions.public';
import {
  countReactions,
  createReaction,
  deleteReaction,
  getReaction,
  listReactions,
  listReactionTimeline,
  restoreReaction,
  updateReaction,
} from './reactions.service';

export const reactionsRouter = createTRPCRouter({
  /** Readers' "International reactions": counts, grouped reacting entities (all of one with `by`), not yet reacted. */
  listPublic: publicProcedure.input(publicReactionsInput).query(({ ctx, input }) => getPublicReactionsOverview(ctx.db, input.slug, { by: input.by })),
  publicById: publicProcedure.input(publicReactionByIdInput).query(({ ctx, input }) => getPublicReaction(ctx.db, input.slug, input.id)),

  list: viewerProcedure.input(listReactionsInput).query(({ ctx, input }) => listReactions(ctx.db, input)),
  count: viewerProcedure.input(countReactionsInput).query(({ ctx, input }) => countReactions(ctx.db, input.dossierId, input)),
  byId: viewerProcedure.input(z.object({ id: entityId })).query(({ ctx, input }) => getReaction(ctx.db, input.id)),
  /** Every live reaction of the dossier by day and hour, earliest first: who reacted first. */
  timeline: viewerProcedure.input(reactionTimelineInput).query(({ ctx, input }) => listReactionTimeline(ctx.db, input.dossierId)),

  create: editorProcedure.input(createReactionInput).mutation(({ ctx, input }) => createReaction(ctx.db, ctx.user, input)),
  update: editorProcedure.input(updateReactionInput).mutation(({ ctx, input }) => updateReaction(ctx.db, ctx.user, input)),
  delete: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => deleteReaction(ctx.db, ctx.user, input)),
  restore: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => restoreReaction(ctx.db, ctx.user, input)),
});
