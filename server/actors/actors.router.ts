import { adminProcedure, createTRPCRouter, editorProcedure, viewerProcedure } from '@/server/trpc/init';
import { versionedIdInput } from '@/server/validation';
import {
  actorIdInput,
  createActorInput,
  findDuplicateActorsInput,
  listActorsInput,
  mergeActorsInput,
  searchActorsInput,
  updateActorInput,
} from './actors.input';
import {
  createActor,
  deleteActor,
  findDuplicateActors,
  getActor,
  listActors,
  mergeActors,
  restoreActor,
  searchActors,
  updateActor,
} from './actors.service';

export const actorsRouter = createTRPCRouter({
  list: viewerProcedure.input(listActorsInput).query(({ ctx, input }) => listActors(ctx.db, input)),
  search: viewerProcedure.input(searchActorsInput).query(({ ctx, input }) => searchActors(ctx.db, input)),
  byId: viewerProcedure.input(actorIdInput).query(({ ctx, input }) => getActor(ctx.db, input.id)),
  findDuplicates: viewerProcedure.input(findDuplicateActorsInput).query(({ ctx, input }) => findDuplicateActors(ctx.db, input)),

  create: editorProcedure.input(createActorInput).mutation(({ ctx, input }) => createActor(ctx.db, ctx.user, input)),
  update: editorProcedure.input(updateActorInput).mutation(({ ctx, input }) => updateActor(ctx.db, ctx.user, input)),
  delete: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => deleteActor(ctx.db, ctx.user, input)),
  restore: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => restoreActor(ctx.db, ctx.user, input)),

  merge: adminProcedure.input(mergeActorsInput).mutation(({ ctx, input }) => mergeActors(ctx.db, ctx.user, input)),
});
