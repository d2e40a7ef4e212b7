import { createTRPCRouter, editorProcedure, viewerProcedure } from '@/server/trpc/init';
import {
  addWatchListMembersInput,
  applyWatchListPresetInput,
  getWatchListInput,
  previewWatchListPresetInput,
  removeWatchListMemberInput,
  setWatchListMembersInput,
  setWatchListPublicInput,
} from './watch-lists.input';
import {
  addWatchListMembers,
  applyWatchListPreset,
  getWatchList,
  previewWatchListPreset,
  removeWatchListMember,
  setWatchListMembers,
  setWatchListPublic,
} from './watch-lists.service';

export const watchListsRouter = createTRPCRouter({
  get: viewerProcedure.input(getWatchListInput).query(({ ctx, input }) => getWatchList(ctx.db, input.dossierId)),
  previewPreset: viewerProcedure.input(previewWatchListPresetInput).query(({ ctx, input }) => previewWatchListPreset(ctx.db, input)),

  setMembers: editorProcedure.input(setWatchListMembersInput).mutation(({ ctx, input }) => setWatchListMembers(ctx.db, ctx.user, input)),
  addMembers: editorProcedure.input(addWatchListMembersInput).mutation(({ ctx, input }) => addWatchListMembers(ctx.db, ctx.user, input)),
  removeMember: editorProcedure.input(removeWatchListMemberInput).mutation(({ ctx, input }) => removeWatchListMember(ctx.db, ctx.user, input)),
  applyPreset: editorProcedure.input(applyWatchListPresetInput).mutation(({ ctx, input }) => applyWatchListPreset(ctx.db, ctx.user, input)),
  setPublic: editorProcedure.input(setWatchListPublicInput).mutation(({ ctx, input }) => setWatchListPublic(ctx.db, ctx.user, input)),
});
