import { defineHistoryEntity } from '@/components/history/history-entity';
import { datePrecisionLabels, reactionChannelLabels, reactionStanceLabels, type ReactionStance } from '@/server/reactions/reactions.labels';
import { reactionPaths } from './reaction-paths';

const stanceList = (value: unknown): string | null =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? value.map((item) => reactionStanceLabels[item as ReactionStance] ?? item).join(', ')
    : null;

/** Names a reaction in a dossier's activity by its quote, else its paraphrase. */
function describeReaction(changes: Record<string, { before: unknown; after: unknown }>): string | null {
  for (const field of ['quote', 'paraphrase']) {
    const value = changes[field]?.after ?? changes[field]?.before;
    if (typeof value === 'string' && value) return `reaction “${value.length > 80 ? `${value.slice(0, 80)}…` : value}”`;
  }
  return null;
}

/** How a reaction's changes read in the history panel (see components/history/history-registry.ts). */
export const reactionHistory = defineHistoryEntity({
  noun: 'reaction',
  fields: {
    actors: 'Signatories',
    speakerId: 'Speaker (id)',
    reactedAt: 'Reacted at',
    reactedPrecision: 'Reacted at precision',
    channel: 'Channel',
    stances: 'Stances',
    primaryStance: 'Primary stance',
    targets: 'Targets',
    alignments: 'Alignments',
    quote: 'Quote',
    originalText: 'Original text',
    originalLanguage: 'Original language',
    paraphrase: 'Paraphrase',
    sources: 'Sources',
    tags: 'Tags',
    internalNotes: 'Internal notes',
    deletedAt: 'Deleted at',
  },
  values: {
    channel: reactionChannelLabels,
    primaryStance: reactionStanceLabels,
    stances: stanceList,
    reactedPrecision: datePrecisionLabels,
  },
  hidden: ['searchVector'],
  describe: describeReaction,
  href: ({ entityId, dossierSlug }) => reactionPaths.reaction(dossierSlug, entityId),
});
