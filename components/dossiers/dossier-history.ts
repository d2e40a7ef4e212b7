import { defineHistoryEntity, describeBy } from '@/components/history/history-entity';
import { deskPaths } from '@/components/ui/links';

/** How a dossier's changes read in the history panel (see components/history/history-registry.ts). */
export const dossierHistory = defineHistoryEntity({
  noun: 'dossier',
  fields: {
    title: 'Title',
    slug: 'Slug',
    summary: 'Summary',
    status: 'Status',
    eventsStartOn: 'Start date',
    eventsEndOn: 'End date',
    publishedAt: 'Published at',
    deletedAt: 'Deleted at',
  },
  values: { status: { draft: 'Draft', published: 'Published' } },
  describe: describeBy('dossier', 'title'),
  href: ({ dossierSlug }) => deskPaths.dossier(dossierSlug),
});
