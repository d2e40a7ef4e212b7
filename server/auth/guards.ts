import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getAppDatabase } from '@/server/startup';
import type { Role } from '@/server/users/schema';
import type { SessionUser } from '@/server/users/users.service';
import { hasRole } from './roles';
import { getSessionUser } from './session';

/**
 * Page and route-handler guards: the non-tRPC half of authorization. Pages redirect signed-out users to /login;
 * route handlers answer 401/403. Both re-read the user from the database.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const { db } = await getAppDatabase();
  const cookieHeader = (await cookies())
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join('; ');
  return getSessionUser(db, cookieHeader);
}

export async function requirePageUser(minimum: Role = 'viewer'): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get('x-claimdesk-path') ?? '/desk';
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!hasRole(user.role, minimum)) notFound();
  return user;
}

/** For route handlers: the user, or a 401/403 Response to return as is. */
export async function requireRouteUser(
  request: Request,
  minimum: Role = 'viewer',
): Promise<{ user: SessionUser; denied?: never } | { user?: never; denied: Response }> {
  const { db } = await getAppDatabase();
  const user = await getSessionUser(db, request.headers.get('cookie'));
  if (!user) return { denied: Response.json({ error: 'Sign in to continue.' }, { status: 401 }) };
  if (!hasRole(user.role, minimum)) return { denied: Response.json({ error: `This needs the ${minimum} role.` }, { status: 403 }) };
  return { user };
}
