'use client';

import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { formatDay } from '@/components/format';

/** "Added": the day a row was created, sortable as `created` (newest first on the first click). */
export function addedColumn<Row extends { createdAt: Date | string }>(): ColumnDef<Row, Date | string> {
  return createColumnHelper<Row>().accessor((row) => row.createdAt, {
    id: 'created',
    header: 'Added',
    sortDescFirst: true,
    meta: { cellClassName: 'whitespace-nowrap text-stone-500' },
    cell: ({ getValue }) => formatDay(getValue()),
  });
}

/** The editors' row buttons, in a last column without a visible header; no column at all without `actions`. */
export function actionsColumn<Row>(actions: ((row: Row) => React.ReactNode) | undefined): Array<ColumnDef<Row, unknown>> {
  if (!actions) return [];
  return [
    createColumnHelper<Row>().display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { cellClassName: 'text-right whitespace-nowrap' },
      cell: ({ row }) => actions(row.original),
    }),
  ];
}
