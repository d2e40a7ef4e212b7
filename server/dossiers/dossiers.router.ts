import { createTRPCRouter, editorProcedure, publicProcedure, viewerProcedure } from '@/server/trpc/init';
import { versionedIdInput } from '@/server/validation';
import { createDossierInput, dossierIdInput, dossierSlugInput, setPublishedInput, updateDossierInput } from './dossiers.input';
import {
  createDossier,
  deleteDossier,
  getDossierBySlug,
  getLiveDossier,
  getPublishedDossier,
  restoreDossier,
  setDossierPublished,
  toPublicDossier,
  updateDossier,
} from './dossiers.service';

/** The lists with child counts (`dossiers.list`, `dossiers.listPublished`) live in server/dossier-summaries. */
export const dossiersRouter = createTRPCRouter({
  publicBySlug: publicProcedure
    .input(dossierSlugInput)
    .query(async ({ ctx, input }) => toPublicDossier(await getPublishedDossier(ctx.db, input.slug))),

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
