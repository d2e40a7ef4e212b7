import { randomBytes } from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '@/server/audit/audit.service';
import { auditEntity } from '@/server/audit/entity-types';
import { beginPasswordCheck, clearPasswordCheckThrottle } from '@/server/auth/login-throttle';
import { hashPassword, passwordSchema, verifyPassword } from '@/server/auth/password';
import { liveSessionCount, revokeUserSessions, type SessionEndReason } from '@/server/auth/sessions';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { editableEntity, type Writer } from '@/server/db/versioned-write';
import { isUniqueViolation, notFound, ServiceError } from '@/server/errors';
import { users, type Role, type User } from './schema';

/**
 * Every write of a user row: locked, versioned, audited — the password hash never enters the audit log (a new one
 * shows as "password: (hidden) → (changed)"). Users are never deleted, only disabled.
 */
const userEntity = editableEntity({
  table: users,
  entityType: auditEntity.user,
  label: 'User',
  dossierIdOf: () => null,
  secretFields: { passwordHash: 'password' },
});

/** What the rest of the app knows about the signed-in person, re-read from the database on every request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** The active user with this id, or null (unknown or disabled). One primary-key lookup. */
export async function findActiveUser(db: Database, id: string): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)));
  return row ?? null;
}

export async function findUserByEmail(db: DatabaseOrTransaction, email: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function listUsers(db: Database) {
  return db
    .select({ ...publicColumns, liveSessions: liveSessionCount })
    .from(users)
    .orderBy(asc(users.email));
}

/** "Sign out everywhere" for someone's lost laptop or shared screen, without disabling the account. */
export async function endUserSessions(db: Database, actor: Actor, input: { id: string }) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.id));
    if (!user) throw notFound('User');
    const ended = await revokeUserSessions(tx, user.id, 'ended-by-admin');
    await recordAudit(tx, {
      actor,
      action: 'update',
      entityType: auditEntity.user,
      entityId: user.id,
      changes: { sessions: { before: `${ended} signed in`, after: 'all signed out' } },
    });
    return { ended };
  });
}

export async function countUsers(db: DatabaseOrTransaction): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

/** A readable random password for an admin to pass on; the user is asked to replace it. */
export function generateTemporaryPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** The columns the user list shows (no hash, no who-changed-what). */
function toListedUser(row: User) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function createUser(
  db: Database,
  actor: Writer,
  input: { email: string; name?: string; role: Role; password: string; mustChangePassword?: boolean },
) {
  const password = passwordSchema.parse(input.password);
  const passwordHash = await hashPassword(password);
  const email = input.email.trim().toLowerCase();
  try {
    const created = await db.transaction((tx) =>
      userEntity.create(tx, actor, {
        email,
        name: input.name ?? '',
        role: input.role,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? false,
      }),
    );
    return toListedUser(created);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError('CONFLICT', `email: a user with ${email} already exists.`);
    throw error;
  }
}

async function countOtherActiveAdmins(tx: DatabaseOrTransaction, exceptId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)));
  return row?.count ?? 0;
}

type UserChange = Partial<Pick<User, 'role' | 'active' | 'passwordHash' | 'mustChangePassword'>>;

/**
 * The one way a user's role, active flag or password changes: versioned and audited, refusing to leave no active
 * admin, and ending the user's sessions when what they signed in under changed.
 */
async function changeUser(db: Database, actor: Writer, target: { id: string; version?: number }, change: UserChange) {
  return db.transaction(async (tx) => {
    // Lock every admin row first, so two admins demoting each other at once cannot both succeed.
    await tx.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).for('update');
    // The operator CLI and one's own password change act on the row as it is; the desk names the version it saw.
    const version = target.version ?? (await userEntity.lock(tx, target.id)).version;
    const { before, after } = await userEntity.update(tx, actor, { id: target.id, version }, async (row) => {
      const losesAdmin =
        row.role === 'admin' && row.active && ((change.role && change.role !== 'admin') || change.active === false);
      if (losesAdmin && (await countOtherActiveAdmins(tx, row.id)) === 0) {
        throw new ServiceError('CONFLICT', 'This is the last active admin; make someone else admin first.');
      }
      return change;
    });
    // Whoever holds one of this user's cookies must sign in again, under the new password or role.
    const endReason: SessionEndReason | null = change.passwordHash
      ? 'password'
      : change.active === false
        ? 'disabled'
        : change.role && change.role !== before.role
          ? 'role'
          : null;
    if (endReason) await revokeUserSessions(tx, before.id, endReason);
    const { passwordHash: _hash, ...visible } = after;
    return visible;
  });
}

export const setUserRole = (db: Database, actor: Writer, input: { id: string; version?: number; role: Role }) =>
  changeUser(db, actor, input, { role: input.role });

export const setUserActive = (db: Database, actor: Writer, input: { id: string; version?: number; active: boolean }) =>
  changeUser(db, actor, input, { active: input.active });

/** Issues a new temporary password, returned once for the admin to pass on. */
export async function resetUserPassword(db: Database, actor: Actor, input: { id: string; version: number }) {
  const temporaryPassword = generateTemporaryPassword();
  const user = await changeUser(db, actor, input, {
    passwordHash: await hashPassword(temporaryPassword),
    mustChangePassword: true,
  });
  return { user, temporaryPassword };
}

export async function setUserPassword(db: Database, actor: Writer, id: string, password: string) {
  return changeUser(db, actor, { id }, {
    passwordHash: await hashPassword(passwordSchema.parse(password)),
    mustChangePassword: false,
  });
}

/**
 * Asks for the current password again, throttled like sign-in (a stolen session must not become a way to guess
 * the password), then ends every session of the user, this one included.
 */
export async function changeOwnPassword(
  db: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
) {
  const throttle = await beginPasswordCheck(db, actor.id);
  if (throttle.locked) {
    throw new ServiceError('TOO_MANY_REQUESTS', 'Too many wrong current passwords. Wait 15 minutes, then try again.');
  }
  if (throttle.delayMs) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
  const [row] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!row) throw notFound('User');
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new ServiceError('BAD_REQUEST', 'currentPassword: the current password is not correct.');
  }
  await setUserPassword(db, actor, actor.id, input.newPassword);
  await clearPasswordCheckThrottle(db, actor.id);
}
