import { boolean, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, timestamptz } from '../db/columns';

export const roles = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];
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

export type User = typeof users.$inferSelect;
