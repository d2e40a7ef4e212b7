import { z } from 'zod';
import { createTRPCRouter, viewerProcedure } from '@/server/trpc/init';
import { entityId } from '@/server/validation';
import { listDossierActivity, listEntityHistory } from './audit.service';
import { auditEntityTypes } from './entity-types';

const before = z.number().int().positive().optional();
const limit = z.number().int().min(1).max(100).default(50);
/**
 * Every audited kind of record but users: any signed-in viewer may read these histories, while a user's history
 * (emails, roles, who disabled whom) is not a viewer's business — the user list itself is admin-only.
 */
const deskEntityType = z.enum(auditEntityTypes).exclude(['user'], {
  error: `Entity type must be one of: ${auditEntityTypes.filter((type) => type !== 'user').join(', ')}`,
});

export const auditRouter = createTRPCRouter({
  history: viewerProcedure
    .input(z.object({ entityType: deskEntityType, entityId, before, limit }))
    .query(({ ctx, input }) => listEntityHistory(ctx.db, input)),
  dossierActivity: viewerProcedure
    .input(z.object({ dossierId: entityId, before, limit }))
    .query(({ ctx, input }) => listDossierActivity(ctx.db, input)),
});
