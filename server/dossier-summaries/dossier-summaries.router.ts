import { z } from 'zod';
import { createTRPCRouter, publicProcedure, viewerProcedure } from '@/server/trpc/init';
import { listDossierSummaries, listPublishedDossierSummaries } from './dossier-summaries';

export const listDossiersInput = z.object({ deleted: z.boolean().default(false) }).default({ deleted: false });

/**
 * The dossier lists (`dossiers.list`, `dossiers.listPublished`): merged into the `dossiers` namespace in
 * server/trpc/root.ts, so clients keep one name while the counting lives above the domains.
 */
export const dossierSummariesRouter = createTRPCRouter({
  listPublished: publicProcedure.query(({ ctx }) => listPublishedDossierSummaries(ctx.db)),
  list: viewerProcedure.input(listDossiersInput).query(({ ctx, input }) => listDossierSummaries(ctx.db, input)),
});
