/**
 * Every kind of record the audit log names, in one list: the history procedure accepts these, services write them,
 * and the desk's history panel has one label set per entry (components/history/history-registry.ts).
 */
export const auditEntityTypes = ['dossier', 'source', 'user', 'actor', 'party', 'claim', 'reaction', 'watch_list'] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

/** The same list as named constants, for services: `entityType: auditEntity.source`. */
export const auditEntity = Object.fromEntries(auditEntityTypes.map((type) => [type, type])) as {
  readonly [Type in AuditEntityType]: Type;
};
