import { formatDay, formatMoment } from '@/components/format';

/** One audit entry's diff: field → before/after (the Drizzle property names of the row). */
export type HistoryChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * How the history panel shows one kind of audited record. A domain writes one of these next to its components
 * (components/<domain>/<domain>-history.ts) and adds it to the registry (components/history/history-registry.ts).
 */
export interface HistoryEntity {
  /** What one record is called in a sentence: "source", "claim". */
  noun: string;
  /** Field labels, by the diff's keys. Use the same words as the form. A field without a label shows its key. */
  fields: Readonly<Record<string, string>>;
  /**
   * Values as people read them, per field: an enum's labels from the domain's `<domain>.labels.ts` (e.g.
   * `kind: sourceKindLabels`), or a function (return null to fall back to the default formatting).
   */
  values?: Readonly<Record<string, Readonly<Record<string, string>> | ((value: unknown) => string | null)>>;
  /** Bookkeeping the reader does not need, on top of id, dossierId, version and who/when columns. */
  hidden?: readonly string[];
  /** Names the record in a dossier's activity ("source “Title”") from an entry's changes; null → "a source". */
  describe?: (changes: HistoryChanges) => string | null;
  /** The record's desk page, linked from a dossier's activity; null for no link (e.g. for viewers). */
  href?: (target: { entityId: string; dossierSlug: string; canEdit: boolean }) => string | null;
}

/** Typed identity: `export const sourceHistory = defineHistoryEntity({ … })`. */
export function defineHistoryEntity(entity: HistoryEntity): HistoryEntity {
  return entity;
}

/** Names a record by one of its text fields as it was after (or, when deleted, before) the change. */
export function describeBy(noun: string, field: string, maxLength = Number.POSITIVE_INFINITY) {
  return (changes: HistoryChanges): string | null => {
    const value = changes[field]?.after ?? changes[field]?.before;
    if (typeof value !== 'string' || !value) return null;
    return `${noun} “${value.length > maxLength ? `${value.slice(0, maxLength)}…` : value}”`;
  };
}

const ALWAYS_HIDDEN = new Set(['id', 'dossierId', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

export function isHiddenField(entity: HistoryEntity, field: string): boolean {
  return ALWAYS_HIDDEN.has(field) || Boolean(entity.hidden?.includes(field));
}

export function fieldLabel(entity: HistoryEntity, field: string): string {
  return entity.fields[field] ?? FALLBACK_FIELDS[field] ?? field;
}

/** Fields every editable table has. */
const FALLBACK_FIELDS: Record<string, string> = { deletedAt: 'Deleted at', internalNotes: 'Internal notes' };

/** A value as text; `empty` for nothing at all. Dates (ISO strings in the audit log) read as days or moments. */
export function formatHistoryValue(entity: HistoryEntity, field: string, value: unknown): { text: string; empty: boolean } {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return { text: 'empty', empty: true };
  }
  const format = entity.values?.[field];
  if (typeof format === 'function') {
    const text = format(value);
    if (text !== null) return { text, empty: false };
  } else if (format && (typeof value === 'string' || typeof value === 'number') && String(value) in format) {
    return { text: format[String(value)] ?? String(value), empty: false };
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return { text: value.includes('T00:00:00.000Z') ? formatDay(value) : formatMoment(value), empty: false };
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { text: formatDay(value), empty: false };
  if (typeof value === 'boolean') return { text: value ? 'Yes' : 'No', empty: false };
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return { text: value.join(', '), empty: false };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { text, empty: false };
}

/** For a kind of record no domain registered yet: its type as the noun, keys as labels. */
export function fallbackHistoryEntity(entityType: string): HistoryEntity {
  return { noun: entityType, fields: {} };
}
