import { z } from 'zod';
import { getPublishedDossier } from '@/server/dossiers/dossiers.service';
import { createTRPCRouter, editorProcedure, publicProcedure, viewerProcedure } from '@/server/trpc/init';
import { entityId, versionedIdInput } from '@/server/validation';
import {
  claimsByActorInput,
  countClaimsInput,
  createClaimInput,
  listClaimsInput,
  listPublicClaimsInput,
  publicClaimByIdInput,
  updateClaimInput,
} from './claims.input';
import { getPublicClaim, listPublicClaimsByDay } from './claims.public';
import { countClaims, createClaim, deleteClaim, getClaim, listClaims, listClaimsByActor, restoreClaim, updateClaim } from './claims.service';

export const claimsRouter = createTRPCRouter({
  /** Readers' view: one window of whole days of a published dossier's public claims, one column per party. */
  listPublic: publicProcedure.input(listPublicClaimsInput).query(async ({ ctx, input }) => {
    const dossier = await getPublishedDossier(ctx.db, input.slug);
    const { from, limit, ...filters } = input;
    return listPublicClaimsByDay(ctx.db, dossier.id, filters, { from: from ?? undefined, perPage: limit });
  }),
  publicById: publicProcedure.input(publicClaimByIdInput).query(({ ctx, input }) => getPublicClaim(ctx.db, input.slug, input.id)),

  list: viewerProcedure.input(listClaimsInput).query(({ ctx, input }) => listClaims(ctx.db, input)),
  count: viewerProcedure.input(countClaimsInput).query(({ ctx, input }) => countClaims(ctx.db, input.dossierId, input)),
  byId: viewerProcedure.input(z.object({ id: entityId })).query(({ ctx, input }) => getClaim(ctx.db, input.id)),
  /** The actor page: every live claim the actor made or is about, across live dossiers, newest said first. */
  byActor: viewerProcedure.input(claimsByActorInput).query(({ ctx, input }) => listClaimsByActor(ctx.db, input)),

  create: editorProcedure.input(createClaimInput).mutation(({ ctx, input }) => createClaim(ctx.db, ctx.user, input)),
  update: editorProcedure.input(updateClaimInput).mutation(({ ctx, input }) => updateClaim(ctx.db, ctx.user, input)),
  delete: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => deleteClaim(ctx.db, ctx.user, input)),
  restore: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => restoreClaim(ctx.db, ctx.user, input)),
});
