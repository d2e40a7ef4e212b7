'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { StatusBadge } from '@/components/dossiers/status-badge';
import { formatDay } from '@/components/format';
import { deskPaths } from '@/components/ui/links';
import type { AppRouter } from '@/server/trpc/root';

export type DossierRow = inferRouterOutputs<AppRouter>['dossiers']['list'][number];

const column = createColumnHelper<DossierRow>();

/** The desk home's columns. Deleted dossiers show when they were deleted and no link (their pages are gone). */
export function dossierColumns({ deleted, actions }: { deleted: boolean; actions?: (dossier: DossierRow) => React.ReactNode }) {
  return [
    column.accessor('title', {
      header: 'Title',
      cell: ({ row: { original: dossier } }) => (
        <>
          {deleted ? (
            <span className="font-medium text-stone-800">{dossier.title}</span>
          ) : (
            <Link prefetch={false} href={deskPaths.dossier(dossier.slug)} className="font-medium text-ink hover:underline">
              {dossier.title}
            </Link>
          )}
          <div className="mt-0.5 font-mono text-xs text-stone-500">{dossier.slug}</div>
        </>
      ),
    }),
    column.accessor('status', {
      header: 'Status',
      cell: ({ getValue }) => <StatusBadge status={getValue()} />,
    }),
    column.accessor('sourceCount', {
      header: 'Sources',
      meta: { headerClassName: 'text-right', cellClassName: 'text-right tabular-nums' },
    }),
    column.accessor('claimCount', {
      header: 'Claims',
      meta: { headerClassName: 'text-right', cellClassName: 'text-right tabular-nums' },
    }),
    column.accessor('reactionCount', {
      header: 'Reactions',
      meta: { headerClassName: 'text-right', cellClassName: 'text-right tabular-nums' },
    }),
    column.accessor(deleted ? 'deletedAt' : 'updatedAt', {
      id: 'changed',
      header: deleted ? 'Deleted' : 'Updated',
      meta: { cellClassName: 'whitespace-nowrap text-stone-600' },
      cell: ({ getValue }) => formatDay(getValue()),
    }),
    ...(actions
      ? [
          column.display({
            id: 'actions',
            header: () => <span className="sr-only">Actions</span>,
            meta: { cellClassName: 'text-right' },
            cell: ({ row }) => actions(row.original),
          }),
        ]
      : []),
  ];
}
