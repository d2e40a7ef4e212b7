'use client';

import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { NeedsSourceBadge } from '@/components/claims/claim-status-badge';
import { formatClaimMoment } from '@/components/claims/claim-format';
import { actionsColumn, addedColumn } from '@/components/data-table/columns';
import { reactionChannelLabels } from '@/server/reactions/reactions.labels';
import { AlignmentList, SignatoryNames, StanceChips, type ReactionRow } from './reaction-badges';
import { reactionPaths } from './reaction-paths';

export type { ReactionRow } from './reaction-badges';

const column = createColumnHelper<ReactionRow>();

/** The words a reaction is known by: its quote, else the desk's paraphrase. */
export function reactionWords(reaction: { quote: string; paraphrase: string }): { text: string; quoted: boolean } {
  return reaction.quote ? { text: reaction.quote, quoted: true } : { text: reaction.paraphrase, quoted: false };
}

function shorten(text: string, max = 220): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}

/**
 * The desk reactions table's columns. Ids of sortable columns are the list's sort keys (`reactionSortKeys`): a
 * first click sorts dates newest first, stance and channel in their taxonomy order. `actions` renders editors'
 * buttons.
 */
export function reactionColumns({ dossierSlug, actions }: { dossierSlug: string; actions?: (reaction: ReactionRow) => React.ReactNode }) {
  return [
    column.accessor('reactedAt', {
      id: 'reacted',
      header: 'Reacted',
      sortDescFirst: true,
      meta: { cellClassName: 'whitespace-nowrap text-stone-700' },
      cell: ({ row: { original: reaction } }) => formatClaimMoment(reaction.reactedAt, reaction.reactedPrecision),
    }),
    column.display({
      id: 'actors',
      header: 'Actors',
      meta: { cellClassName: 'min-w-48 max-w-xs text-stone-800' },
      cell: ({ row: { original: reaction } }) => (
        <>
          <SignatoryNames signatories={reaction.signatories} />
          {reaction.signatories.length > 1 ? <div className="text-xs text-stone-500">Joint, {reaction.signatories.length} signatories</div> : null}
          {reaction.speaker ? <div className="text-xs text-stone-500">Speaker: {reaction.speaker.name}</div> : null}
        </>
      ),
    }),
    column.display({
      id: 'words',
      header: 'Reaction',
      meta: { cellClassName: 'min-w-64 max-w-xl' },
      cell: ({ row: { original: reaction } }) => {
        const words = reactionWords(reaction);
        return (
          <Link prefetch={false} href={reactionPaths.reaction(dossierSlug, reaction.id)} className="font-medium text-ink hover:underline">
            {words.quoted ? <q>{shorten(words.text)}</q> : shorten(words.text) || 'Untitled reaction'}
          </Link>
        );
      },
    }),
    column.accessor('primaryStance', {
      id: 'stance',
      header: 'Stances',
      meta: { cellClassName: 'min-w-32' },
      cell: ({ row: { original: reaction } }) => <StanceChips primary={reaction.primaryStance} stances={reaction.stances} />,
    }),
    column.display({
      id: 'targets',
      header: 'Targets',
      meta: { cellClassName: 'text-stone-700' },
      cell: ({ row: { original: reaction } }) => (reaction.targets.length ? reaction.targets.map((target) => target.name).join(', ') : '—'),
    }),
    column.display({
      id: 'alignment',
      header: 'Alignment',
      meta: { cellClassName: 'text-xs' },
      cell: ({ row: { original: reaction } }) => <AlignmentList alignments={reaction.alignments} compact />,
    }),
    column.accessor('channel', {
      id: 'channel',
      header: 'Channel',
      meta: { cellClassName: 'text-stone-700' },
      cell: ({ getValue }) => reactionChannelLabels[getValue()],
    }),
    column.accessor('liveSourceCount', {
      id: 'sources',
      header: 'Sources',
      enableSorting: false,
      meta: { cellClassName: 'whitespace-nowrap text-stone-700' },
      cell: ({ row: { original: reaction } }) => (reaction.needsSource ? <NeedsSourceBadge /> : reaction.liveSourceCount),
    }),
    addedColumn<ReactionRow>(),
    ...actionsColumn(actions),
  ];
}
