'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { actionsColumn, addedColumn } from '@/components/data-table/columns';
import { formatDay } from '@/components/format';
import { ReliabilityBadge } from '@/components/sources/reliability-badge';
import { deskPaths, linkStyle } from '@/components/ui/links';
import { sourceKindLabels } from '@/server/sources/sources.labels';
import type { AppRouter } from '@/server/trpc/root';

export type SourceRow = inferRouterOutputs<AppRouter>['sources']['list']['items'][number];

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

const column = createColumnHelper<SourceRow>();

/**
 * The desk sources table's columns. Ids of sortable columns are the list's sort keys (`sourceSortKeys`); a first
 * click sorts text and grades ascending, dates newest first. `actions` renders the editor's row buttons.
 */
export function sourceColumns({ dossierSlug, actions }: { dossierSlug: string; actions?: (source: SourceRow) => React.ReactNode }) {
  return [
    column.accessor('reliability', {
      id: 'reliability',
      header: 'Reliability',
      meta: { headerClassName: 'w-16' },
      cell: ({ row }) => <ReliabilityBadge grade={row.original.reliability} />,
    }),
    column.accessor('title', {
      id: 'title',
      header: 'Title',
      meta: { cellClassName: 'max-w-md' },
      cell: ({ row: { original: source } }) => (
        <>
          <Link prefetch={false} href={deskPaths.source(dossierSlug, source.id)} className="font-medium text-ink hover:underline">
            {source.title}
          </Link>
          <div className="mt-0.5 text-xs text-stone-500">
            {source.url ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer nofollow" className={linkStyle}>
                {hostOf(source.url) || 'Link'}
              </a>
            ) : (
              'No URL'
            )}
            {source.author ? ` · ${source.author}` : null}
            {source.archiveUrl ? (
              <>
                {' · '}
                <a href={source.archiveUrl} target="_blank" rel="noopener noreferrer nofollow" className={linkStyle}>
                  Archived copy
                </a>
              </>
            ) : null}
          </div>
        </>
      ),
    }),
    column.accessor('outlet', {
      id: 'outlet',
      header: 'Outlet',
      meta: { cellClassName: 'text-stone-700' },
      cell: ({ getValue }) => getValue() || <span className="text-stone-400">—</span>,
    }),
    column.accessor('kind', {
      id: 'kind',
      header: 'Kind',
      enableSorting: false,
      meta: { cellClassName: 'whitespace-nowrap text-stone-700' },
      cell: ({ getValue }) => sourceKindLabels[getValue()],
    }),
    column.accessor('publishedAt', {
      id: 'published',
      header: 'Date',
      sortDescFirst: true,
      meta: { cellClassName: 'whitespace-nowrap text-stone-700' },
      cell: ({ getValue }) => formatDay(getValue()),
    }),
    addedColumn<SourceRow>(),
    ...actionsColumn(actions),
  ];
}
