import { actorsRouter } from '@/server/actors/actors.router';
import { auditRouter } from '@/server/audit/audit.router';
import { claimsRouter } from '@/server/claims/claims.router';
import { dossierSummariesRouter } from '@/server/dossier-summaries/dossier-summaries.router';
import { dossiersRouter } from '@/server/dossiers/dossiers.router';
import { intakeRouter } from '@/server/intake/intake.router';
import { partiesRouter } from '@/server/parties/parties.router';
import { reactionsRouter } from '@/server/reactions/reactions.router';
import { sourcesRouter } from '@/server/sources/sources.router';
import { usersRouter } from '@/server/users/users.router';
import { watchListsRouter } from '@/server/watch-lists/watch-lists.router';
import { createCallerFactory, createTRPCRouter, mergeRouters } from './init';

/** Every domain's router, registered by hand. Adding one? Add its procedures to server/trpc/access.test.ts too. */
export const appRouter = createTRPCRouter({
  dossiers: mergeRouters(dossiersRouter, dossierSummariesRouter),
  sources: sourcesRouter,
  audit: auditRouter,
  users: usersRouter,
  claims: claimsRouter,
  actors: actorsRouter,
  parties: partiesRouter,
  reactions: reactionsRouter,
  watchLists: watchListsRouter,
  intake: intakeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
