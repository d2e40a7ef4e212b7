/**
 * Every kind of record the audit log names, in one list: the history procedure accepts these, services write them,
 * and the desk's history panel has one label set per entry (components/history/history-registry.ts).
 */
export const auditEntityTypes = ['dossier', 'source', 'user', 'actor', 'party', 'claim'] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];
