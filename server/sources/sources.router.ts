import { z } from 'zod';
import { getPublishedDossier } from '@/server/dossiers/dossiers.service';
import { createTRPCRouter, editorProcedure, publicProcedure, viewerProcedure } from '@/server/trpc/init';
import { cursor, entityId, pageSize, storableString, versionedIdInput } from '@/server/validation';
import {
  createSourceInput,
  findDuplicateInput,
  listSourcesInput,
  sourceFilters,
  updateSourceInput,
} from './sources.input';
import {
  countSources,
  createSource,
  deleteSource,
  findDuplicateSource,
  getSource,
  listSources,
  restoreSource,
  toPublicSource,
  updateSource,
} from './sources.service';

export const sourcesRouter = createTRPCRouter({
  /** Readers' view: sources of a published dossier, public fields only. */
  listPublic: publicProcedure
    .input(z.object({ slug: storableString('Slug').trim().max(200), cursor, limit: pageSize }))
    .query(async ({ ctx, input }) => {
      const dossier = await getPublishedDossier(ctx.db, input.slug);
      const page = await listSources(ctx.db, {
        ...sourceFilters.parse({ sort: 'published', order: 'desc' }),
        dossierId: dossier.id,
        cursor: input.cursor,
        limit: input.limit,
      });
      return { items: page.items.map(toPublicSource), nextCursor: page.nextCursor };
    }),

  list: viewerProcedure.input(listSourcesInput).query(({ ctx, input }) => listSources(ctx.db, input)),
  count: viewerProcedure
    .input(sourceFilters.extend({ dossierId: entityId }))
    .query(({ ctx, input }) => countSources(ctx.db, input.dossierId, input)),
  byId: viewerProcedure.input(z.object({ id: entityId })).query(({ ctx, input }) => getSource(ctx.db, input.id)),
  findDuplicate: viewerProcedure.input(findDuplicateInput).query(({ ctx, input }) => findDuplicateSource(ctx.db, input)),

  create: editorProcedure.input(createSourceInput).mutation(({ ctx, input }) => createSource(ctx.db, ctx.user, input)),
  update: editorProcedure.input(updateSourceInput).mutation(({ ctx, input }) => updateSource(ctx.db, ctx.user, input)),
  delete: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => deleteSource(ctx.db, ctx.user, input)),
  restore: editorProcedure.input(versionedIdInput).mutation(({ ctx, input }) => restoreSource(ctx.db, ctx.user, input)),
});
