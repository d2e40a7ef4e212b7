import { boolean, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, timestamptz } from '../db/columns';
import { roles } from './users.labels';

export { roles, type Role } from './users.labels';
export const roleEnum = pgEnum('role', roles);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased; sign-in compares lower-cased input. */
  email: text('email').notNull().unique(),
  name: text('name').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  role: roleEnum('role').notNull().default('viewer'),
  active: boolean('active').notNull().default(true),
  /** Set when an admin issues a temporary password; the user is asked to change it. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  ...editableColumns(),
});

/**
 * Failed sign-in counters, keyed by "email:<address>" or "ip:<address>". Kept in the database so every app
 * server behind a load balancer sees the same counts.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamptz('window_started_at').notNull().defaultNow(),
  lockedUntil: timestamptz('locked_until'),
});

/**
 * One row per sign-in. The session cookie carries this row's id; every request checks it is neither revoked nor
 * past `expires_at` (fixed at sign-in: sessions end a working day after signing in, however busy). Sign-out
 * revokes one row; a password change or reset, a role change and disabling revoke all of a user's rows.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
    /** Why it ended early: 'sign-out', 'password', 'role', 'disabled'. */
    revokedReason: text('revoked_reason'),
  },
  (table) => [index('user_sessions_user_id_idx').on(table.userId)],
);

export type User = typeof users.$inferSelect;
