import { defineHistoryEntity, describeBy } from '@/components/history/history-entity';
import { actorKindLabels } from '@/server/actors/actors.labels';
import { countryName } from '@/server/actors/countries';
import { actorPaths } from './actor-paths';

/** How an actor's changes read in the history panel (see components/history/history-registry.ts). */
export const actorHistory = defineHistoryEntity({
  noun: 'actor',
  fields: {
    name: 'Name',
    kind: 'Kind',
    countryCode: 'Country',
    affiliationId: 'Affiliation (id)',
    title: 'Title',
    aliases: 'Aliases',
    description: 'Description',
    internalNotes: 'Internal notes',
    mergedIntoId: 'Merged into (id)',
    deletedAt: 'Deleted at',
  },
  values: {
    kind: actorKindLabels,
    countryCode: (value) => (typeof value === 'string' ? `${countryName(value) || value} (${value})` : null),
  },
  hidden: ['matchKeys'],
  describe: describeBy('actor', 'name'),
  href: ({ entityId }) => actorPaths.actor(entityId),
});
