import { createTRPCRouter, editorProcedure, publicProcedure, viewerProcedure } from '@/server/trpc/init';
import {
  createDossierInput,
  dossierIdInput,
  dossierSlugInput,
  listDossiersInput,
  setPublishedInput,
  updateDossierInput,
  versionedIdInput,
} from './dossiers.input';
import {
  createDossier,
  deleteDossier,
  getDossierBySlug,
  getLiveDossier,
  getPublishedDossier,
  listDossiers,
  listPublishedDossiers,
  restoreDossier,
  setDossierPublished,
  toPublicDossier,
  updateDossier,
} from './dossiers.service';

export const dossiersRouter = createTRPCRouter({
  listPublished: publicProcedure.query(({ ctx }) => listPublishedDossiers(ctx.db)),
  publicBySlug: publicProcedure
    .input(dossierSlugInput)
    .query(async ({ ctx, input }) => toPublicDossier(await getPublishedDossier(ctx.db, input.slug))),

  list: viewerProcedure.input(listDossiersInput).query(({ ctx, input }) => listDossiers(ctx.db, input)),
  bySlug: viewerProcedure.input(dossierSlugInput).query(({ ctx, input }) => getDossierBySlug(ctx.db, input.slug)),
  byId: viewerProcedure.input(dossierIdInput).query(({ ctx, input }) => getLiveDossier(ctx.db, input.id)),

  create: editorProcedure.input(createDossierInput).mutation(({ ctx, input }) => createDossier(ctx.db, ctx.user, input)),
  update: editorProcedure.input(updateDossierInput).mutation(({ ctx, input }) => updateDossier(ctx.db, ctx.user, input)),
  setPublished: editorProcedure
    .input(setPublishedInput)
    .mutation(({ ctx, input }) => setDossierPublished(ctx.db, ctx.user, input)),
  delete: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => deleteDossier(ctx.db, ctx.user, input)),
  restore: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => restoreDossier(ctx.db, ctx.user, input)),
});
