import { z } from 'zod';
import { createTRPCRouter, editorProcedure } from '@/server/trpc/init';
import { entityId } from '@/server/validation';
import { acceptIntakeInput, analyzeArticleInput, intakeDraftInput, saveIntakeDraftInput } from './intake.input';
import { analyzeForDossier } from './intake-context';
import { acceptIntake, discardIntakeDraft, getIntakeDraft, getSourceText, listSourcesWithText, saveIntakeDraft } from './intake.service';

/** Article intake is an editor's tool from the first step: viewers may not read drafts or article texts either. */
export const intakeRouter = createTRPCRouter({
  /** A mutation only because the article travels in the body (a query would put it in the URL); it writes nothing. */
  analyze: editorProcedure.input(analyzeArticleInput).mutation(({ ctx, input }) => analyzeForDossier(ctx.db, input)),

  draft: editorProcedure.input(intakeDraftInput).query(({ ctx, input }) => getIntakeDraft(ctx.db, ctx.user, input.dossierId)),
  saveDraft: editorProcedure.input(saveIntakeDraftInput).mutation(({ ctx, input }) => saveIntakeDraft(ctx.db, ctx.user, input)),
  discardDraft: editorProcedure.input(intakeDraftInput).mutation(({ ctx, input }) => discardIntakeDraft(ctx.db, ctx.user, input.dossierId)),

  accept: editorProcedure.input(acceptIntakeInput).mutation(({ ctx, input }) => acceptIntake(ctx.db, ctx.user, input)),

  sourceText: editorProcedure.input(z.object({ sourceId: entityId })).query(({ ctx, input }) => getSourceText(ctx.db, input.sourceId)),
  sourcesWithText: editorProcedure.input(intakeDraftInput).query(({ ctx, input }) => listSourcesWithText(ctx.db, input.dossierId)),
});
