import { z } from 'zod';
import { createTRPCRouter, viewerProcedure } from '@/server/trpc/init';
import { entityId } from '@/server/validation';
import { listDossierActivity, listEntityHistory } from './audit.service';

const before = z.number().int().positive().optional();
const limit = z.number().int().min(1).max(100).default(50);

export const auditRouter = createTRPCRouter({
  history: viewerProcedure
    .input(z.object({ entityType: z.enum(['dossier', 'source']), entityId, before, limit }))
    .query(({ ctx, input }) => listEntityHistory(ctx.db, input)),
  dossierActivity: viewerProcedure
    .input(z.object({ dossierId: entityId, before, limit }))
    .query(({ ctx, input }) => listDossierActivity(ctx.db, input)),
});
