'use client';

import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { CheckboxFilter, SearchFilter } from '@/components/data-table/filters';
import { FilterPanel, ListHeading, ListStatus, RestoreRowButton } from '@/components/data-table/list-toolbar';
import { sourceColumns, type SourceRow } from '@/components/sources/sources-columns';
import { sourcesTableQueries } from '@/components/sources/sources-queries';
import { useSourceFilters } from '@/components/sources/use-source-filters';
import { ConfirmButton } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/components/ui/form-errors';
import { deskPaths, linkStyle } from '@/components/ui/links';
import { useDeskUser } from '@/components/users/desk-user';
import type { SourceFilters, SourceSortKey } from '@/server/sources/sources.input';
import { reliabilityLabels, sourceKindLabels, type ReliabilityGrade, type SourceKind } from '@/server/sources/sources.labels';
import { useTRPC } from '@/trpc/client';

const KINDS = Object.entries(sourceKindLabels) as Array<[SourceKind, string]>;
const GRADES = Object.entries(reliabilityLabels) as Array<[ReliabilityGrade, string]>;

const isFiltered = (filters: SourceFilters) => Boolean(filters.search || filters.kind.length || filters.reliability.length);

/**
 * A dossier's sources: server-side search, filters, sorting and keyset pages ("Load more") on the shared data
 * table. Search, filters and order live in the query string; loaded pages do not (a copied link opens at the first
 * page of the same view). Editors get row actions; viewers see the same table without them.
 */
export function SourcesTable({ dossierId, dossierSlug }: { dossierId: string; dossierSlug: string }) {
  const trpc = useTRPC();
  const { canEdit } = useDeskUser();
  const { filters, setFilters, queryString } = useSourceFilters();
  const [actionError, setActionError] = useState<string | null>(null);

  // The page prefetched the first page of this view on the server (app/desk/prefetch.ts): no fetch on arrival.
  const queries = sourcesTableQueries(trpc, dossierId, filters);
  const list = useInfiniteQuery(queries.list);
  const count = useQuery(queries.count);
  // Lists refresh after any write through the query client's MutationCache (trpc/query-client.ts).
  const remove = useMutation(trpc.sources.delete.mutationOptions());
  const restore = useMutation(trpc.sources.restore.mutationOptions({ onError: (error) => setActionError(errorMessage(error)) }));

  const change = (patch: Partial<SourceFilters>) => {
    setActionError(null);
    void setFilters(patch);
  };
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = isFiltered(filters);

  const actions = (source: SourceRow) =>
    filters.deleted ? (
      <RestoreRowButton
        disabled={restore.isPending}
        onRestore={() => {
          setActionError(null);
          restore.mutate({ id: source.id, version: source.version });
        }}
      />
    ) : (
      <div className="flex justify-end gap-1">
        <Link prefetch={false} href={deskPaths.source(dossierSlug, source.id)} className={`rounded-md px-2 py-1 text-sm font-medium ${linkStyle}`}>
          Edit
        </Link>
        <ConfirmButton
          label="Delete"
          variant="ghost"
          className="px-2 py-1"
          title="Delete this source?"
          description={
            <>
              “{source.title}” will no longer be listed on the desk or the public page. You can restore it later under
              Show deleted.
            </>
          }
          confirmLabel="Delete source"
          onConfirm={() => remove.mutateAsync({ id: source.id, version: source.version })}
        />
      </div>
    );

  return (
    <section aria-labelledby="sources-heading" className="mt-8">
      <ListHeading
        id="sources-heading"
        title={filters.deleted ? 'Deleted sources' : 'Sources'}
        exportHref={deskPaths.exportSources(dossierSlug, queryString)}
        add={canEdit ? { href: deskPaths.newSource(dossierSlug), label: 'Add source' } : null}
      />

      <FilterPanel
        search={
          <SearchFilter
            id="sources-search"
            label="Search sources"
            placeholder="Title, outlet or URL"
            value={filters.search}
            onSearch={(search) => change({ search })}
          />
        }
        filtered={filtered}
        onClear={() => change({ search: '', kind: [], reliability: [] })}
        deleted={filters.deleted}
        onDeletedChange={(deleted) => change({ deleted })}
      >
        <CheckboxFilter legend="Kind" idPrefix="filter-kind" options={KINDS} selected={filters.kind} onChange={(kind) => change({ kind })} />
        <CheckboxFilter
          legend="Reliability"
          idPrefix="filter-reliability"
          options={GRADES}
          selected={filters.reliability}
          onChange={(reliability) => change({ reliability })}
        />
      </FilterPanel>

      <ListStatus
        count={count.data}
        noun={['source', 'sources']}
        deleted={filters.deleted}
        filtered={filtered}
        isUpdating={list.isFetching && !list.isFetchingNextPage}
        actionError={actionError}
        listError={list.error}
      />

      <div className="mt-2">
        <DataTable<SourceRow, SourceSortKey>
          columns={sourceColumns({ dossierSlug, actions: canEdit ? actions : undefined })}
          data={rows}
          getRowId={(source) => source.id}
          sort={{ sort: filters.sort, order: filters.order }}
          onSortChange={(sort) => change(sort)}
          isPending={list.isPending}
          loadingText="Loading sources…"
          emptyText={
            filters.deleted ? 'No deleted sources.' : filtered ? 'No sources match these filters.' : 'No sources logged yet.'
          }
          isStale={list.isPlaceholderData}
          loadMore={list}
        />
      </div>
    </section>
  );
}
