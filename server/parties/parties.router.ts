import { createTRPCRouter, editorProcedure, viewerProcedure } from '@/server/trpc/init';
import { versionedIdInput } from '@/server/validation';
import { addPartyInput, listPartiesInput, movePartyInput, updatePartyInput } from './parties.input';
import { addParty, listParties, moveParty, removeParty, updateParty } from './parties.service';

export const partiesRouter = createTRPCRouter({
  list: viewerProcedure.input(listPartiesInput).query(({ ctx, input }) => listParties(ctx.db, input.dossierId)),

  add: editorProcedure.input(addPartyInput).mutation(({ ctx, input }) => addParty(ctx.db, ctx.user, input)),
  update: editorProcedure.input(updatePartyInput).mutation(({ ctx, input }) => updateParty(ctx.db, ctx.user, input)),
  move: editorProcedure.input(movePartyInput).mutation(({ ctx, input }) => moveParty(ctx.db, ctx.user, input)),
  remove: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => removeParty(ctx.db, ctx.user, input)),
});
