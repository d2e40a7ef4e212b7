import { defineHistoryEntity } from '@/components/history/history-entity';
import { reactionPaths } from '@/components/reactions/reaction-paths';

/**
 * How a dossier's watch list ("who has not reacted") reads in the history panel (see
 * components/history/history-registry.ts). One entry per change, named by the dossier: the members by name before and
 * after, or whether readers see the list.
 */
export const watchListHistory = defineHistoryEntity({
  noun: 'watch list',
  fields: {
    members: 'Members',
    isPublic: 'Shown publicly',
  },
  describe: () => 'the watch list',
  // The list is a panel on the dossier's reactions page.
  href: ({ dossierSlug }) => reactionPaths.list(dossierSlug),
});
