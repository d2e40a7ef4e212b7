import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { users } from '@/server/users/schema';
import type { AuditEntityType } from './entity-types';
import { auditLog, type AuditAction, type FieldChanges } from './schema';
import { expirePublicPages } from '@/server/public-cache/revalidate';
import { tagsForWrite } from '@/server/public-cache/tags';

export interface Actor {
  id: string;
}

export interface AuditRecord {
  actor: Actor | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  dossierId?: string | null;
  changes: FieldChanges;
}

/** Writes one audit row. Call it with the transaction that makes the change, so both commit or neither does. */
export async function recordAudit(tx: DatabaseOrTransaction, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: record.actor?.id ?? null,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    dossierId: record.dossierId ?? null,
    changes: record.changes,
  });
  // Whatever is audited may show on readers' pages: expire the cached ones it appears on (server/public-cache).
  expirePublicPages(tagsForWrite({ entityType: record.entityType, dossierId: record.dossierId ?? null }));
}

const IGNORED_FIELDS = new Set(['createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'version']);

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The fields that differ between two versions of a row, as JSON-safe before/after pairs. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED_FIELDS.has(key)) continue;
    const previous = comparable(before?.[key] ?? null);
    const next = comparable(after?.[key] ?? null);
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes[key] = { before: previous, after: next };
  }
  return changes;
}

const auditEntryColumns = {
  id: auditLog.id,
  occurredAt: auditLog.occurredAt,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  changes: auditLog.changes,
  actorEmail: users.email,
};

export async function listEntityHistory(
  db: Database,
  input: { entityType: AuditEntityType; entityId: string; before?: number; limit: number },
) {
  return db
    .select(auditEntryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, input.entityType),
        eq(auditLog.entityId, input.entityId),
        input.before ? lt(auditLog.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
}

export async function listDossierActivity(db: Database, input: { dossierId: string; before?: number; limit: number }) {
  return db
    .select(auditEntryColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.dossierId, input.dossierId), input.before ? lt(auditLog.id, input.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
}
