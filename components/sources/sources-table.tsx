'use client';

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useEffectEvent, useState } from 'react';
import { formatDay } from '@/components/format';
import { ReliabilityBadge } from '@/components/sources/reliability-badge';
import { Button, ErrorBanner, Input } from '@/components/ui/primitives';
import type { ReliabilityGrade, SourceKind } from '@/server/sources/sources.labels';
import { type SourceFilters, type SourceSortKey } from '@/server/sources/sources.input';
import { reliabilityLabels, sourceKindLabels } from '@/server/sources/sources.labels';
import { useTRPC } from '@/trpc/client';
import { ConfirmButton } from '@/components/ui/confirm-dialog';
import { useDeskUser } from '@/components/users/desk-user';
import { errorMessage } from '@/components/ui/form-errors';
import { deskPaths, linkStyle, primaryLinkStyle, buttonLinkStyle } from '@/components/ui/links';
import { useSourceFilters } from '@/components/sources/use-source-filters';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;
const KINDS = Object.entries(sourceKindLabels) as Array<[SourceKind, string]>;
const GRADES = Object.entries(reliabilityLabels) as Array<[ReliabilityGrade, string]>;

/** Columns that sort, and the direction a first click picks (newest dates first, A–Z for text, A before F). */
const SORTABLE: Record<SourceSortKey, { label: string; firstDirection: 'asc' | 'desc' }> = {
  reliability: { label: 'Reliability', firstDirection: 'asc' },
  title: { label: 'Title', firstDirection: 'asc' },
  outlet: { label: 'Outlet', firstDirection: 'asc' },
  published: { label: 'Date', firstDirection: 'desc' },
  created: { label: 'Added', firstDirection: 'desc' },
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);
}

function SortHeader({
  sortKey,
  filters,
  onSort,
  className,
}: {
  sortKey: SourceSortKey;
  filters: SourceFilters;
  onSort: (patch: Partial<SourceFilters>) => void;
  className?: string;
}) {
  const { label, firstDirection } = SORTABLE[sortKey];
  const active = filters.sort === sortKey;
  const direction = active ? filters.order : undefined;
  return (
    <th
      scope="col"
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
      className={`px-3 py-2 font-medium ${className ?? ''}`}
    >
      <button
        type="button"
        className={`inline-flex items-center gap-1 rounded tracking-wide uppercase hover:text-stone-900 ${active ? 'text-stone-900' : ''}`}
        onClick={() =>
          onSort({ sort: sortKey, order: active ? (filters.order === 'asc' ? 'desc' : 'asc') : firstDirection })
        }
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-stone-700' : 'text-stone-300'}>
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/** Search box whose text reaches the address (and the server) a moment after typing stops. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (search: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState(value);
  // The address changed without us (Back, a pasted link): show its search. Our own debounced change arriving
  // late must not overwrite what was typed since.
  if (value !== seen) {
    setSeen(value);
    if (value !== sent) {
      setDraft(value);
      setSent(value);
    }
  }
  const search = useEffectEvent((text: string) => {
    setSent(text);
    onSearch(text);
  });
  useEffect(() => {
    const text = draft.trim();
    if (text === value) return;
    const timer = setTimeout(() => search(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);

  return (
    <div className="w-full sm:max-w-sm">
      <label htmlFor="sources-search" className="block text-sm font-medium text-stone-800">
        Search sources
      </label>
      <Input
        id="sources-search"
        type="search"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder="Title, outlet or URL"
        maxLength={200}
        autoComplete="off"
      />
    </div>
  );
}

function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  idPrefix,
}: {
  legend: string;
  options: Array<[T, string]>;
  selected: readonly T[];
  onChange: (next: T[]) => void;
  idPrefix: string;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map(([value, label]) => (
          <label key={value} htmlFor={`${idPrefix}-${value}`} className="flex items-center gap-1.5 text-sm text-stone-700">
            <input
              id={`${idPrefix}-${value}`}
              type="checkbox"
              className="size-4 accent-ink"
              checked={selected.includes(value)}
              onChange={(event) => onChange(toggle(selected, value, event.target.checked))}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function countText(count: number, filters: SourceFilters): string {
  const noun = count === 1 ? 'source' : 'sources';
  if (filters.deleted) return `${count} deleted ${noun}`;
  const filtered = Boolean(filters.search || filters.kind.length || filters.reliability.length);
  return filtered ? `${count} matching ${noun}` : `${count} ${noun}`;
}

/**
 * A dossier's sources: server-side search, filters, sorting and keyset pages ("Load more"). Search, filters and
 * order live in the query string; loaded pages do not (a copied link opens at the first page of the same view).
 * Editors get row actions; viewers see the same table without them.
 */
export function SourcesTable({ dossierId, dossierSlug }: { dossierId: string; dossierSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canEdit } = useDeskUser();
  const { filters, setFilters, queryString } = useSourceFilters();
  const [actionError, setActionError] = useState<string | null>(null);

  const list = useInfiniteQuery(
    trpc.sources.list.infiniteQueryOptions(
      { dossierId, ...filters, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  const count = useQuery(trpc.sources.count.queryOptions({ dossierId, ...filters }, { placeholderData: keepPreviousData }));

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.sources.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.dossiers.pathKey() }),
    ]);
  const remove = useMutation(trpc.sources.delete.mutationOptions({ onSuccess: invalidate }));
  const restore = useMutation(
    trpc.sources.restore.mutationOptions({ onSuccess: invalidate, onError: (error) => setActionError(errorMessage(error)) }),
  );

  const change = (patch: Partial<SourceFilters>) => {
    setActionError(null);
    setFilters(patch);
  };
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.search || filters.kind.length || filters.reliability.length);
  const showActions = canEdit;

  return (
    <section aria-labelledby="sources-heading" className="mt-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="sources-heading" className="text-xl font-semibold text-ink">
          {filters.deleted ? 'Deleted sources' : 'Sources'}
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <a href={deskPaths.exportSources(dossierSlug, queryString)} download className={buttonLinkStyle}>
            Export CSV
          </a>
          {canEdit ? (
            <Link href={deskPaths.newSource(dossierSlug)} className={primaryLinkStyle}>
              Add source
            </Link>
          ) : null}
        </div>
      </div>

      <div className="mt-4 space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <SearchBox value={filters.search} onSearch={(search) => change({ search })} />
          <div className="flex items-center gap-4">
            {filtered ? (
              <Button variant="ghost" onClick={() => change({ search: '', kind: [], reliability: [] })}>
                Clear filters
              </Button>
            ) : null}
            <label className="flex items-center gap-2 text-sm text-stone-700">
              <input
                type="checkbox"
                className="size-4 accent-ink"
                checked={filters.deleted}
                onChange={(event) => change({ deleted: event.target.checked })}
              />
              Show deleted
            </label>
          </div>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <CheckboxGroup legend="Kind" idPrefix="filter-kind" options={KINDS} selected={filters.kind} onChange={(kind) => change({ kind })} />
          <CheckboxGroup
            legend="Reliability"
            idPrefix="filter-reliability"
            options={GRADES}
            selected={filters.reliability}
            onChange={(reliability) => change({ reliability })}
          />
        </div>
      </div>

      <div className="mt-4 flex items-baseline justify-between gap-4">
        <p role="status" aria-live="polite" className="text-sm text-stone-600">
          {count.data === undefined ? '\u00a0' : countText(count.data, filters)}
        </p>
        {list.isFetching && !list.isFetchingNextPage ? <p className="text-xs text-stone-500">Updating…</p> : null}
      </div>

      <div className="mt-2 space-y-2">
        <ErrorBanner>{actionError}</ErrorBanner>
        {list.error ? <ErrorBanner>{errorMessage(list.error)}</ErrorBanner> : null}
      </div>

      <div className={`mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white ${list.isPlaceholderData ? 'opacity-60' : ''}`}>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 bg-stone-50 text-xs text-stone-600">
            <tr>
              <SortHeader sortKey="reliability" filters={filters} onSort={change} className="w-16" />
              <SortHeader sortKey="title" filters={filters} onSort={change} />
              <SortHeader sortKey="outlet" filters={filters} onSort={change} />
              <th scope="col" className="px-3 py-2 font-medium tracking-wide uppercase">
                Kind
              </th>
              <SortHeader sortKey="published" filters={filters} onSort={change} />
              <SortHeader sortKey="created" filters={filters} onSort={change} />
              {showActions ? (
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {list.isPending ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-stone-500">
                  Loading sources…
                </td>
              </tr>
            ) : rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-stone-500">
                  {filters.deleted
                    ? 'No deleted sources.'
                    : filtered
                      ? 'No sources match these filters.'
                      : 'No sources logged yet.'}
                </td>
              </tr>
            ) : (
              rows.map((source) => (
                <tr key={source.id} className="align-top">
                  <td className="px-3 py-2.5">
                    <ReliabilityBadge grade={source.reliability} />
                  </td>
                  <td className="max-w-md px-3 py-2.5">
                    <Link href={deskPaths.source(dossierSlug, source.id)} className="font-medium text-ink hover:underline">
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
                  </td>
                  <td className="px-3 py-2.5 text-stone-700">{source.outlet || <span className="text-stone-400">—</span>}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap text-stone-700">{sourceKindLabels[source.kind]}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap text-stone-700">{formatDay(source.publishedAt)}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap text-stone-500">{formatDay(source.createdAt)}</td>
                  {showActions ? (
                    <td className="px-3 py-2 text-right whitespace-nowrap">
                      {filters.deleted ? (
                        <Button
                          variant="secondary"
                          className="px-2 py-1"
                          disabled={restore.isPending}
                          onClick={() => {
                            setActionError(null);
                            restore.mutate({ id: source.id, version: source.version });
                          }}
                        >
                          Restore
                        </Button>
                      ) : (
                        <div className="flex justify-end gap-1">
                          <Link href={deskPaths.source(dossierSlug, source.id)} className={`rounded-md px-2 py-1 text-sm font-medium ${linkStyle}`}>
                            Edit
                          </Link>
                          <ConfirmButton
                            label="Delete"
                            variant="ghost"
                            className="px-2 py-1"
                            title="Delete this source?"
                            description={
                              <>
                                “{source.title}” will no longer be listed on the desk or the public page. You can
                                restore it later under Show deleted.
                              </>
                            }
                            confirmLabel="Delete source"
                            onConfirm={() => remove.mutateAsync({ id: source.id, version: source.version })}
                          />
                        </div>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      {list.hasNextPage ? (
        <div className="mt-3 flex justify-center">
          <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
