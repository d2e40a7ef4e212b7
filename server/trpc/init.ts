import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { hasRole } from '@/server/auth/roles';
import { getSessionUser } from '@/server/auth/session';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '@/server/db/availability';
import type { Database } from '@/server/db/client';
import { ServiceError } from '@/server/errors';
import type { Role } from '@/server/users/schema';
import { describeZodError } from '@/server/validation';
import type { SessionUser } from '@/server/users/users.service';

// ---------------------------------------------------------------------------------------------------------------
// 1. Context. The inner context needs no request, so tests build it directly with any user.
// ---------------------------------------------------------------------------------------------------------------
export interface Context {
  db: Database;
  user: SessionUser | null;
}

export function createInnerContext(context: Context): Context {
  return context;
}

/** For HTTP: the user comes from the session cookie and is re-read from the database. */
export async function createRequestContext(db: Database, headers: Headers): Promise<Context> {
  return createInnerContext({ db, user: await getSessionUser(db, headers.get('cookie')) });
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Initialisation, and the one place errors are shaped for clients.
// ---------------------------------------------------------------------------------------------------------------
export { describeZodError };

const UNEXPECTED_MESSAGE = 'Something went wrong on our side.';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const serviceError = error.cause instanceof ServiceError ? error.cause : null;
    const { stack: _stack, ...data } = shape.data;
    // An unexpected error's own message may quote SQL and its parameters: clients only ever see a plain sentence.
    const message = zodError ? describeZodError(zodError) : error.code === 'INTERNAL_SERVER_ERROR' ? UNEXPECTED_MESSAGE : shape.message;
    return {
      ...shape,
      message,
      data: {
        ...data,
        fieldErrors: zodError
          ? Object.fromEntries(zodError.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]))
          : null,
        details: serviceError?.details ?? null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Two routers as one namespace (a read model's lists beside its domain's procedures). */
export const mergeRouters = t.mergeRouters;

// ---------------------------------------------------------------------------------------------------------------
// 3. Procedures. All authorization lives in these builders; routers pick one and never check roles themselves.
// ---------------------------------------------------------------------------------------------------------------
/** Maps business-rule refusals to tRPC codes, and hides anything unexpected behind a generic 500. */
const mapServiceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof ServiceError) {
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
    if (cause instanceof ZodError) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: describeZodError(cause), cause });
    }
    if (isDatabaseUnavailable(cause ?? result.error)) {
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      console.error('[trpc] unexpected error:', result.error.cause ?? result.error);
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: UNEXPECTED_MESSAGE });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapServiceErrors);

const requireRole = (minimum: Role) =>
  t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
    if (!hasRole(ctx.user.role, minimum)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${minimum} role.` });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });

/** Signed-in readers of the desk (every role). */
export const viewerProcedure = publicProcedure.use(requireRole('viewer'));
/** May create, edit, delete, restore and publish. */
export const editorProcedure = publicProcedure.use(requireRole('editor'));
/** Editor rights plus user management. */
export const adminProcedure = publicProcedure.use(requireRole('admin'));
