import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { users, userSessions } from '@/server/users/schema';
import type { SessionUser } from '@/server/users/users.service';

/** A working day: a lost laptop's session dies overnight, not in a month (next-auth's default). */
export const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

export type SessionEndReason = 'sign-out' | 'password' | 'role' | 'disabled' | 'ended-by-admin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opens a session at sign-in. Its end is fixed now: using it does not extend it. */
export async function openSession(db: DatabaseOrTransaction, userId: string): Promise<{ id: string; expiresAt: Date }> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS})` })
    .returning({ id: userSessions.id, expiresAt: userSessions.expiresAt });
  return row!;
}

/**
 * The user behind a live session: the session is not revoked, not past its end, belongs to this user, and the
 * user is active. One indexed lookup per request, so any revocation takes effect on the next request.
 */
export async function findSessionUser(db: Database, sessionId: string, userId: string): Promise<SessionUser | null> {
  if (!UUID.test(sessionId) || !UUID.test(userId)) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, mustChangePassword: users.mustChangePassword })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    );
  return row ?? null;
}

/** Sign-out: ends this one session. */
export async function revokeSession(db: DatabaseOrTransaction, sessionId: string, reason: SessionEndReason = 'sign-out'): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await db
    .update(userSessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every live session of a user (password changed or reset, role changed, account disabled). */
export async function revokeUserSessions(db: DatabaseOrTransaction, userId: string, reason: SessionEndReason): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, sql`now()`)))
    .returning({ id: userSessions.id });
  return ended.length;
}

/** A count per user of sessions still live, for the users list (drizzle leaves columns unqualified in a select list). */
export const liveSessionCount = sql<number>`(
  select count(*)::int from "user_sessions" s
  where s.user_id = "users"."id" and s.revoked_at is null and s.expires_at > now()
)`;

/** Housekeeping: rows of sessions that ended more than a day ago serve no one. */
export async function deleteEndedSessions(db: DatabaseOrTransaction): Promise<void> {
  await db.delete(userSessions).where(sql`${userSessions.expiresAt} < now() - interval '1 day'`);
}
