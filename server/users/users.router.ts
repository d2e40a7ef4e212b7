import { adminProcedure, createTRPCRouter, viewerProcedure } from '@/server/trpc/init';
import { versionedIdInput } from '@/server/validation';
import { changeOwnPasswordInput, createUserInput, endSessionsInput, setActiveInput, setRoleInput } from './users.input';
import {
  changeOwnPassword,
  createUser,
  endUserSessions,
  generateTemporaryPassword,
  listUsers,
  resetUserPassword,
  setUserActive,
  setUserRole,
} from './users.service';

export const usersRouter = createTRPCRouter({
  me: viewerProcedure.query(({ ctx }) => ctx.user),
  changeOwnPassword: viewerProcedure
    .input(changeOwnPasswordInput)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.user, input)),

  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  /** Creates the account with a temporary password, returned once for the admin to pass on. */
  create: adminProcedure.input(createUserInput).mutation(async ({ ctx, input }) => {
    const temporaryPassword = generateTemporaryPassword();
    const user = await createUser(ctx.db, ctx.user, { ...input, password: temporaryPassword, mustChangePassword: true });
    return { user, temporaryPassword };
  }),
  setRole: adminProcedure.input(setRoleInput).mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.user, input)),
  setActive: adminProcedure.input(setActiveInput).mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.user, input)),
  endSessions: adminProcedure.input(endSessionsInput).mutation(({ ctx, input }) => endUserSessions(ctx.db, ctx.user, input)),
  resetPassword: adminProcedure
    .input(versionedIdInput)
    .mutation(({ ctx, input }) => resetUserPassword(ctx.db, ctx.user, input)),
});
