import { bigint, index, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/columns';

export const auditActions = ['create', 'update', 'delete', 'restore', 'publish', 'unpublish'] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditActionEnum = pgEnum('audit_action', auditActions);

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamptz('occurred_at').notNull().defaultNow(),
    /** Null for changes made by the system (seeding, operator CLI without a user). */
    actorId: uuid('actor_id'),
    action: auditActionEnum('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** The dossier the entity belongs to, for a dossier-wide activity feed. */
    dossierId: uuid('dossier_id'),
    changes: jsonb('changes').$type<FieldChanges>().notNull().default({}),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId, t.occurredAt),
    index('audit_dossier_idx').on(t.dossierId, t.occurredAt),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
