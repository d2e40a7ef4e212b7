'use client';

import Link from 'next/link';
import { RowCount } from '@/components/data-table/data-table';
import { ShowDeletedToggle } from '@/components/data-table/filters';
import { errorMessage } from '@/components/ui/form-errors';
import { buttonLinkStyle, primaryLinkStyle } from '@/components/ui/links';
import { Button, ErrorBanner } from '@/components/ui/primitives';

/**
 * The pieces around a dossier's desk list (sources, claims, reactions), top to bottom:
 *
 *   <ListHeading id="claims-heading" title={…} exportHref={claimPaths.exportCsv(slug, queryString)} add={…} />
 *   <FilterPanel search={<SearchFilter … />} filtered={…} onClear={…} deleted={…} onDeletedChange={…}>
 *     …the filters, two columns on wide screens…
 *   </FilterPanel>
 *   <ListStatus count={count.data} noun={['claim', 'claims']} … />
 *   <div className="mt-2"><DataTable … /></div>
 */

/** The list's heading with "Export CSV" of the view and, when given (editors), the link that adds a row. */
export function ListHeading({
  id,
  title,
  exportHref,
  add,
}: {
  id: string;
  title: string;
  exportHref: string;
  add?: { href: string; label: string } | null;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h2 id={id} className="text-xl font-semibold text-ink">
        {title}
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <a href={exportHref} download className={buttonLinkStyle}>
          Export CSV
        </a>
        {add ? (
          <Link href={add.href} className={primaryLinkStyle}>
            {add.label}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The filter panel: the search box, "Clear filters" while any filter applies, `switches` (e.g. "Needs source
 * only") and "Show deleted" on the first row, then the filters (`children`) in two columns on wide screens.
 */
export function FilterPanel({
  search,
  filtered,
  onClear,
  switches,
  deleted,
  onDeletedChange,
  children,
}: {
  search: React.ReactNode;
  filtered: boolean;
  onClear: () => void;
  switches?: React.ReactNode;
  deleted: boolean;
  onDeletedChange: (deleted: boolean) => void;
  children: React.ReactNode;
}) {
  return (
    <div className="mt-4 space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        {search}
        <div className="flex flex-wrap items-center gap-4">
          {filtered ? (
            <Button variant="ghost" onClick={onClear}>
              Clear filters
            </Button>
          ) : null}
          {switches}
          <ShowDeletedToggle checked={deleted} onChange={onDeletedChange} />
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">{children}</div>
    </div>
  );
}

/** "3 sources", "1 matching claim", "2 deleted reactions". */
export function rowCountText(count: number, [one, many]: readonly [string, string], { deleted, filtered }: { deleted: boolean; filtered: boolean }): string {
  const noun = count === 1 ? one : many;
  if (deleted) return `${count} deleted ${noun}`;
  return filtered ? `${count} matching ${noun}` : `${count} ${noun}`;
}

/** The row count of the view (none while it loads), then the last row action's error and the list's own. */
export function ListStatus({
  count,
  noun,
  deleted,
  filtered,
  isUpdating,
  actionError,
  listError,
}: {
  count: number | undefined;
  /** Singular and plural: ['claim', 'claims']. */
  noun: readonly [string, string];
  deleted: boolean;
  filtered: boolean;
  isUpdating: boolean;
  actionError: string | null;
  listError: unknown;
}) {
  return (
    <>
      <div className="mt-4">
        <RowCount isUpdating={isUpdating}>{count === undefined ? null : rowCountText(count, noun, { deleted, filtered })}</RowCount>
      </div>

      <div className="mt-2 space-y-2">
        <ErrorBanner>{actionError}</ErrorBanner>
        {listError ? <ErrorBanner>{errorMessage(listError)}</ErrorBanner> : null}
      </div>
    </>
  );
}

/** A deleted row's action: "Restore". */
export function RestoreRowButton({ disabled, onRestore }: { disabled: boolean; onRestore: () => void }) {
  return (
    <Button variant="secondary" className="px-2 py-1" disabled={disabled} onClick={onRestore}>
      Restore
    </Button>
  );
}
