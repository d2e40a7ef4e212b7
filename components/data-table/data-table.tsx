'use client';

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { Button } from '@/components/ui/primitives';

declare module '@tanstack/react-table' {
  // Type parameters must match TanStack's own declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for the column's header cell (width, alignment). */
    headerClassName?: string;
    /** Classes for the column's body cells. */
    cellClassName?: string;
  }
}

export type SortOrder = 'asc' | 'desc';
/** The server-side order of a list: a sortable column's id and its direction (`order`, since tRPC reserves `direction`). */
export interface ListSort<Key extends string = string> {
  sort: Key;
  order: SortOrder;
}

/** What a tRPC infinite query already offers for keyset pages; pass the query result itself. */
export interface LoadMore {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export interface DataTableProps<TData, Key extends string> {
  /**
   * Per-domain column definitions (`<domain>-columns.tsx`). A column sorts when it has an accessor and its `id` is a
   * sort key of the list; `sortDescFirst` picks the direction of a first click (dates newest first, text A–Z).
   */
  // Columns of one table hold values of different types; TanStack's own docs type such a list with `any`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: Array<ColumnDef<TData, any>>;
  data: TData[];
  getRowId: (row: TData) => string;
  /** Server-side sorting: the table only shows it and reports clicks. Leave out for a list that does not sort. */
  sort?: ListSort<Key>;
  onSortChange?: (sort: ListSort<Key>) => void;
  /** The first page is loading: show `loadingText` instead of rows. */
  isPending: boolean;
  loadingText: string;
  /** Shown in place of rows when there are none (say why: no data, no match, nothing deleted). */
  emptyText: React.ReactNode;
  /** Previous rows stay visible, dimmed, while a new view loads. */
  isStale?: boolean;
  /** Keyset pages: a "Load more" button under the table while the server has more. */
  loadMore?: LoadMore;
}

function toSorting(sort: ListSort | undefined): SortingState {
  return sort ? [{ id: sort.sort, desc: sort.order === 'desc' }] : [];
}

/**
 * The one table of the desk's lists (TanStack Table, headless). Rows arrive already filtered, sorted and paged by
 * the server; this renders them, the sortable headers (buttons with `aria-sort`), the empty and loading states and
 * "Load more". Filters and the row count sit around it, in the list's own component.
 */
export function DataTable<TData, Key extends string = string>({
  columns,
  data,
  getRowId,
  sort,
  onSortChange,
  isPending,
  loadingText,
  emptyText,
  isStale = false,
  loadMore,
}: DataTableProps<TData, Key>) {
  const sorting = toSorting(sort);
  // TanStack Table returns new functions each render by design; the React Compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    columns,
    data,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableSorting: Boolean(onSortChange),
    enableMultiSort: false,
    // A click on the sorted column flips it; it never goes back to "unsorted" (the server always orders).
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      if (next && onSortChange) onSortChange({ sort: next.id as Key, order: next.desc ? 'desc' : 'asc' });
    },
  });
  const columnCount = table.getVisibleLeafColumns().length;
  const rows = table.getRowModel().rows;

  return (
    <>
      <div className={`overflow-x-auto rounded-lg border border-stone-200 bg-white ${isStale ? 'opacity-60' : ''}`}>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 bg-stone-50 text-xs tracking-wide text-stone-600 uppercase">
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id}>
                {headerGroup.headers.map((header) => {
                  const { column } = header;
                  const sorted = column.getIsSorted();
                  const label = header.isPlaceholder ? null : flexRender(column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={`px-3 py-2 font-medium ${column.columnDef.meta?.headerClassName ?? ''}`}
                    >
                      {column.getCanSort() ? (
                        <button
                          type="button"
                          className={`inline-flex items-center gap-1 rounded uppercase hover:text-stone-900 ${sorted ? 'text-stone-900' : ''}`}
                          onClick={column.getToggleSortingHandler()}
                        >
                          {label}
                          <span aria-hidden="true" className={sorted ? 'text-stone-700' : 'text-stone-300'}>
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-stone-100">
            {isPending || rows.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="px-3 py-6 text-stone-500">
                  {isPending ? loadingText : emptyText}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} className="align-top">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`px-3 py-2.5 ${cell.column.columnDef.meta?.cellClassName ?? ''}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      {loadMore?.hasNextPage ? (
        <div className="mt-3 flex justify-center">
          <Button variant="secondary" disabled={loadMore.isFetchingNextPage} onClick={() => loadMore.fetchNextPage()}>
            {loadMore.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** The list's row count, announced politely to screen readers when a filter changes it. */
export function RowCount({ children, isUpdating = false }: { children: React.ReactNode; isUpdating?: boolean }) {
  return (
    <div className="flex items-baseline justify-between gap-4">
      <p role="status" aria-live="polite" className="text-sm text-stone-600">
        {children ?? '\u00a0'}
      </p>
      {isUpdating ? <p className="text-xs text-stone-500">Updating…</p> : null}
    </div>
  );
}
