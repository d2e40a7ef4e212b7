import { defineHistoryEntity } from '@/components/history/history-entity';
import { partyRoleLabels } from '@/server/actors/actors.labels';

/** How a dossier party's changes read in the history panel (see components/history/history-registry.ts). */
export const partyHistory = defineHistoryEntity({
  noun: 'party',
  fields: {
    actorId: 'Actor (id)',
    role: 'Role',
    position: 'Position',
    deletedAt: 'Removed at',
  },
  values: {
    role: partyRoleLabels,
    // Stored from 0; people count from 1.
    position: (value) => (typeof value === 'number' ? String(value + 1) : null),
  },
  // Parties are listed on the dossier's page itself.
  href: () => null,
});
