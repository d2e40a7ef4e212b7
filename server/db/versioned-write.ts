import { eq, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { diffFields, recordAudit, type Actor } from '@/server/audit/audit.service';
import type { AuditEntityType } from '@/server/audit/entity-types';
import type { AuditAction, FieldChanges } from '@/server/audit/schema';
import { assertVersion, notFound } from '@/server/errors';
import type { DatabaseOrTransaction } from './client';

/** A table with `id` and the editableColumns() (version, who/when, soft delete). */
export type EditableTable = PgTable & {
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  updatedBy: PgColumn;
  createdBy: PgColumn;
  deletedAt: PgColumn;
};

type EditableRow = { id: string; version: number; deletedAt: Date | null };

/** Who writes: a signed-in user, or null for the system (seeding, the operator CLI). */
export type Writer = Actor | null;

export interface EditableEntityConfig<T extends EditableTable> {
  table: T;
  entityType: AuditEntityType;
  /** How messages name it: "Source" → "Source not found.", "This source was changed by someone else…". */
  label: string;
  /** The dossier a row belongs to, for the dossier-wide activity feed (null for directory records: users, actors). */
  dossierIdOf: (row: InferSelectModel<T>) => string | null;
  /** Runs after the row is locked, before any write: refuse here what the row's context forbids (a deleted dossier). */
  afterLock?: (tx: DatabaseOrTransaction, row: InferSelectModel<T>) => Promise<void>;
  /**
   * Columns whose values never enter the audit log (a password hash). A change to one is recorded under the given
   * name as "(hidden)" → "(changed)"; creating the row records nothing for it.
   */
  secretFields?: Partial<Record<keyof InferSelectModel<T> & string, string>>;
  /**
   * Columns that never enter the audit log, not even as "changed": derived data that is not an edit (a generated
   * search vector).
   */
  auditOmit?: ReadonlyArray<keyof InferSelectModel<T> & string>;
}

/**
 * Changes the audit entry records beside the row's own columns (its child rows, a correction note), under their own
 * names. A function runs on the written row inside the caller's transaction, after the row is written and before the
 * audit entry: the place to write child rows that need the row's id and to return what changed in them.
 */
export type ExtraChanges<Row> = FieldChanges | ((row: Row) => FieldChanges | Promise<FieldChanges>);

export interface UpdateOptions<Row> {
  /** Names the write in the audit log ('publish', 'unpublish' … default 'update'). */
  action?: AuditAction;
  extraChanges?: ExtraChanges<Row>;
}

export interface VersionedTarget {
  id: string;
  version: number;
}

/**
 * The one versioned, audited write every editable table goes through: lock the row, check the caller's version,
 * write with `version + 1` and `updated_by`, and record the field diff in the audit log — all on the caller's
 * transaction, so a service can add its own checks and child rows to the same commit.
 */
export function editableEntity<T extends EditableTable>(config: EditableEntityConfig<T>) {
  type Row = InferSelectModel<T>;
  type Values = Partial<InferInsertModel<T>>;
  const { table, entityType, label } = config;
  const what = label.toLowerCase();

  const secrets = Object.entries(config.secretFields ?? {}) as [string, string][];
  const hidden = [...secrets.map(([column]) => column), ...(config.auditOmit ?? [])];

  /** The row as the audit log may see it: secret and omitted columns left out. */
  function visible(row: Row | null): Record<string, unknown> | null {
    if (!row || hidden.length === 0) return row as Record<string, unknown> | null;
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const column of hidden) delete copy[column];
    return copy;
  }

  async function extraFor(extra: ExtraChanges<Row> | undefined, row: Row): Promise<FieldChanges> {
    if (!extra) return {};
    return typeof extra === 'function' ? await extra(row) : extra;
  }

  function changesBetween(before: Row | null, after: Row): FieldChanges {
    const changes = diffFields(visible(before), visible(after));
    if (before) {
      for (const [column, name] of secrets) {
        const [previous, next] = [(before as Record<string, unknown>)[column], (after as Record<string, unknown>)[column]];
        if (previous !== next) changes[name] = { before: '(hidden)', after: '(changed)' };
      }
    }
    return changes;
  }

  async function audit(tx: DatabaseOrTransaction, actor: Writer, action: AuditAction, before: Row | null, after: Row, changes?: FieldChanges) {
    await recordAudit(tx, {
      actor,
      action,
      entityType,
      entityId: (after as EditableRow).id,
      dossierId: config.dossierIdOf(after),
      changes: changes ?? changesBetween(before, after),
    });
  }

  /** Locks the row `for update`; NOT_FOUND when it is missing or not in the expected deleted state. */
  async function lock(tx: DatabaseOrTransaction, id: string, options: { deleted: boolean } = { deleted: false }): Promise<Row> {
    const rows = (await tx
      .select()
      .from(table as PgTable)
      .where(eq(table.id, id))
      .for('update')) as unknown as Row[];
    const row = rows[0];
    if (!row || ((row as EditableRow).deletedAt !== null) !== options.deleted) throw notFound(options.deleted ? `Deleted ${what}` : label);
    await config.afterLock?.(tx, row);
    return row;
  }

  async function write(tx: DatabaseOrTransaction, actor: Writer, before: Row, values: Values): Promise<Row> {
    const rows = (await tx
      .update(table as PgTable)
      .set({ ...values, updatedBy: actor?.id ?? null, updatedAt: new Date(), version: (before as EditableRow).version + 1 } as never)
      .where(eq(table.id, (before as EditableRow).id))
      .returning()) as unknown as Row[];
    return rows[0]!;
  }

  return {
    lock,

    /** Inserts a row and audits it against nothing; `extraChanges` adds its child rows to the same entry. */
    async create(
      tx: DatabaseOrTransaction,
      actor: Writer,
      values: Omit<T['$inferInsert'], 'createdBy' | 'updatedBy'>,
      options: { extraChanges?: ExtraChanges<Row> } = {},
    ): Promise<Row> {
      const rows = (await tx
        .insert(table as PgTable)
        .values({ ...values, createdBy: actor?.id ?? null, updatedBy: actor?.id ?? null } as never)
        .returning()) as unknown as Row[];
      const created = rows[0]!;
      const extra = await extraFor(options.extraChanges, created);
      await audit(tx, actor, 'create', null, created, { ...changesBetween(null, created), ...extra });
      return created;
    },

    /**
     * Applies `change` (computed from the locked row) to a live row at the caller's version. The last argument is the
     * action naming it in the audit log ('publish', 'unpublish' … default 'update'), or options with that action and
     * `extraChanges` recorded in the same entry.
     */
    async update(
      tx: DatabaseOrTransaction,
      actor: Writer,
      target: VersionedTarget,
      change: Values | ((before: Row) => Values | Promise<Values>),
      options: AuditAction | UpdateOptions<Row> = 'update',
    ): Promise<{ before: Row; after: Row }> {
      const resolved: UpdateOptions<Row> = typeof options === 'string' ? { action: options } : options;
      const { action = 'update', extraChanges } = resolved;
      const before = await lock(tx, target.id);
      assertVersion(before as EditableRow, target.version, what);
      const values = typeof change === 'function' ? await change(before) : change;
      const after = await write(tx, actor, before, values);
      const extra = await extraFor(extraChanges, after);
      await audit(tx, actor, action, before, after, { ...changesBetween(before, after), ...extra });
      return { before, after };
    },

    /** Soft delete: the row stays (history, references) but leaves every list. */
    async softDelete(tx: DatabaseOrTransaction, actor: Writer, target: VersionedTarget): Promise<Row> {
      const before = await lock(tx, target.id, { deleted: false });
      assertVersion(before as EditableRow, target.version, what);
      const after = await write(tx, actor, before, { deletedAt: new Date() } as Values);
      await audit(tx, actor, 'delete', before, after, diffFields({ deletedAt: null }, { deletedAt: (after as EditableRow).deletedAt }));
      return after;
    },

    /** Undoes a soft delete. `check` runs on the locked deleted row first (e.g. its URL was taken meanwhile). */
    async restore(
      tx: DatabaseOrTransaction,
      actor: Writer,
      target: VersionedTarget,
      check?: (before: Row) => Promise<void>,
    ): Promise<Row> {
      const before = await lock(tx, target.id, { deleted: true });
      assertVersion(before as EditableRow, target.version, what);
      await check?.(before);
      const after = await write(tx, actor, before, { deletedAt: null } as Values);
      await audit(tx, actor, 'restore', before, after, diffFields({ deletedAt: (before as EditableRow).deletedAt }, { deletedAt: null }));
      return after;
    },
  };
}
