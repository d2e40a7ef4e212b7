/**
 * The history panel's registry: how each kind of audited record (server/audit/entity-types.ts) reads in a history.
 * The panel (components/history/history-panel.tsx) knows no domain; it looks the entry's entityType up here.
 *
 * To add a domain (actor, party, claim, …):
 * 1. Next to its components write `components/<domain>/<domain>-history.ts`:
 *
 *      import { defineHistoryEntity, describeBy } from '@/components/history/history-entity';
 *      import { claimCategoryLabels, verificationStatusLabels } from '@/server/claims/claims.labels';
 *      export const claimHistory = defineHistoryEntity({
 *        noun: 'claim',
 *        fields: { statement: 'Statement', status: 'Verification status', category: 'Category', … },  // form labels
 *        values: { status: verificationStatusLabels, category: claimCategoryLabels },  // enums: the domain's labels
 *        hidden: ['searchVector'],                                // bookkeeping not worth showing
 *        describe: describeBy('claim', 'statement'),              // names it in a dossier's activity
 *        href: ({ entityId, dossierSlug }) => deskPaths.claim(dossierSlug, entityId),   // its desk page, or null
 *      });
 *
 *    `values` formats enum values through the domain's client-safe `<domain>.labels.ts` (never `*.input.ts` or
 *    schema.ts). id, dossierId, version and the who/when columns are hidden for every type.
 * 2. Add one line to `historyRegistry` below.
 * 3. Show a record's own history with `<HistoryPanel scope={{ kind: 'entity', entityType: 'claim', entityId }} />`
 *    (the audit.history procedure); a dossier's page shows every entry of the dossier with `kind: 'dossier'`.
 *
 * An entity type missing here still shows, with its type as noun and raw field keys.
 */
import { actorHistory } from '@/components/actors/actor-history';
import { claimHistory } from '@/components/claims/claim-history';
import { dossierHistory } from '@/components/dossiers/dossier-history';
import { fallbackHistoryEntity, type HistoryEntity } from '@/components/history/history-entity';
import { partyHistory } from '@/components/parties/party-history';
import { reactionHistory } from '@/components/reactions/reaction-history';
import { sourceHistory } from '@/components/sources/source-history';
import { watchListHistory } from '@/components/watch-lists/watch-list-history';
import type { AuditEntityType } from '@/server/audit/entity-types';

export const historyRegistry: Partial<Record<AuditEntityType, HistoryEntity>> = {
  dossier: dossierHistory,
  source: sourceHistory,
  actor: actorHistory,
  party: partyHistory,
  claim: claimHistory,
  reaction: reactionHistory,
  watch_list: watchListHistory,
};

export function historyEntity(entityType: string): HistoryEntity {
  return historyRegistry[entityType as AuditEntityType] ?? fallbackHistoryEntity(entityType);
}
