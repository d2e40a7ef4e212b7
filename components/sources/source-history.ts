import { defineHistoryEntity, describeBy } from '@/components/history/history-entity';
import { deskPaths } from '@/components/ui/links';
import { reliabilityLabels, sourceKindLabels } from '@/server/sources/sources.labels';

/** How a source's changes read in the history panel (see components/history/history-registry.ts). */
export const sourceHistory = defineHistoryEntity({
  noun: 'source',
  fields: {
    url: 'URL',
    title: 'Title',
    outlet: 'Outlet',
    author: 'Author',
    kind: 'Kind',
    language: 'Language',
    publishedAt: 'Published at',
    retrievedAt: 'Retrieved at',
    archiveUrl: 'Archive URL',
    reliability: 'Reliability',
    internalNotes: 'Internal notes',
    deletedAt: 'Deleted at',
  },
  values: { kind: sourceKindLabels, reliability: reliabilityLabels },
  hidden: ['urlNormalised'],
  describe: describeBy('source', 'title'),
  // Viewers read sources in the dossier's table; the entry links editors to the source's page.
  href: ({ entityId, dossierSlug, canEdit }) => (canEdit ? deskPaths.source(dossierSlug, entityId) : null),
});
