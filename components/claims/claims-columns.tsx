'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { actionsColumn, addedColumn } from '@/components/data-table/columns';
import { claimCategoryLabels } from '@/server/claims/claims.labels';
import type { AppRouter } from '@/server/trpc/root';
import { formatClaimMoment } from './claim-format';
import { claimPaths } from './claim-paths';
import { ClaimStatusBadge, NeedsSourceBadge } from './claim-status-badge';

export type ClaimRow = inferRouterOutputs<AppRouter>['claims']['list']['items'][number];

const column = createColumnHelper<ClaimRow>();

/**
 * The desk claims table's columns. Ids of sortable columns are the list's sort keys (`claimSortKeys`); a first
 * click sorts dates newest first, status and category in their listed order. `actions` renders editors' buttons.
 */
export function claimColumns({ dossierSlug, actions }: { dossierSlug: string; actions?: (claim: ClaimRow) => React.ReactNode }) {
  return [
    column.accessor('saidAt', {
      id: 'said',
      header: 'Said',
      sortDescFirst: true,
      meta: { cellClassName: 'whitespace-nowrap text-stone-700' },
      cell: ({ row: { original: claim } }) => formatClaimMoment(claim.saidAt, claim.saidPrecision),
    }),
    column.display({
      id: 'claimant',
      header: 'Claimant',
      meta: { cellClassName: 'text-stone-800' },
      cell: ({ row: { original: claim } }) => (
        <>
          <span className="font-medium">{claim.claimant.name}</span>
          <div className="text-xs text-stone-500">
            {claim.party ? (claim.party.id === claim.claimant.id ? 'Party' : `for ${claim.party.name}`) : 'Other'}
          </div>
        </>
      ),
    }),
    column.accessor('statement', {
      id: 'statement',
      header: 'Statement',
      enableSorting: false,
      meta: { cellClassName: 'max-w-xl' },
      cell: ({ row: { original: claim } }) => (
        <>
          <Link prefetch={false} href={claimPaths.claim(dossierSlug, claim.id)} className="font-medium text-ink hover:underline">
            {claim.statement}
          </Link>
          {claim.about.length ? <div className="mt-0.5 text-xs text-stone-500">About {claim.about.map((actor) => actor.name).join(', ')}</div> : null}
          {claim.relationCounts.counteredBy > 0 ? (
            <div className="mt-0.5 text-xs text-stone-500">
              {claim.relationCounts.counteredBy === 1 ? '1 counterclaim' : `${claim.relationCounts.counteredBy} counterclaims`}
            </div>
          ) : null}
        </>
      ),
    }),
    column.accessor('category', {
      id: 'category',
      header: 'Category',
      meta: { cellClassName: 'text-stone-700' },
      cell: ({ getValue }) => claimCategoryLabels[getValue()],
    }),
    column.accessor('status', {
      id: 'status',
      header: 'Status',
      cell: ({ getValue }) => <ClaimStatusBadge status={getValue()} />,
    }),
    column.accessor('sourceCount', {
      id: 'sources',
      header: 'Sources',
      enableSorting: false,
      meta: { cellClassName: 'whitespace-nowrap text-stone-700' },
      cell: ({ row: { original: claim } }) => (claim.needsSource ? <NeedsSourceBadge /> : claim.sourceCount),
    }),
    column.accessor('occurredAt', {
      id: 'occurred',
      header: 'Occurred',
      sortDescFirst: true,
      meta: { cellClassName: 'whitespace-nowrap text-stone-700' },
      cell: ({ row: { original: claim } }) => formatClaimMoment(claim.occurredAt, claim.occurredPrecision),
    }),
    addedColumn<ClaimRow>(),
    ...actionsColumn(actions),
  ];
}
