'use client';

import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ActorMultiPicker } from '@/components/actors/actor-picker';
import { useNamedActors } from '@/components/actors/use-named-actors';
import { DataTable } from '@/components/data-table/data-table';
import { CheckboxFilter, DayRangeFilter, SearchFilter } from '@/components/data-table/filters';
import { FilterPanel, ListHeading, ListStatus, RestoreRowButton } from '@/components/data-table/list-toolbar';
import { errorMessage } from '@/components/ui/form-errors';
import { Label } from '@/components/ui/primitives';
import { useDeskUser } from '@/components/users/desk-user';
import type { ClaimFilters, ClaimSortKey } from '@/server/claims/claims.input';
import { claimCategories, claimCategoryLabels, verificationStatusLabels, verificationStatuses } from '@/server/claims/claims.labels';
import { useTRPC } from '@/trpc/client';
import { claimPaths } from './claim-paths';
import { claimsTableQueries } from './claims-queries';
import { claimColumns, type ClaimRow } from './claims-columns';
import { useClaimFilters } from './use-claim-filters';

const STATUSES = verificationStatuses.map((status) => [status, verificationStatusLabels[status]] as const);
const CATEGORIES = claimCategories.map((category) => [category, claimCategoryLabels[category]] as const);

const isFiltered = (filters: ClaimFilters) =>
  Boolean(
    filters.search ||
      filters.party.length ||
      filters.about.length ||
      filters.status.length ||
      filters.category.length ||
      filters.saidFrom ||
      filters.saidTo ||
      filters.needsSource,
  );

/**
 * A dossier's claims on the shared list pattern: full-text search, filters (party, about, status, category, said
 * between, needs source), sorting, keyset "Load more", the view in the address, and "Export CSV" of exactly that
 * view. Editors get "New claim" and Restore for deleted claims; viewers read.
 */
export function ClaimsTable({ dossierId, dossierSlug }: { dossierId: string; dossierSlug: string }) {
  const trpc = useTRPC();
  const { canEdit } = useDeskUser();
  const { filters, setFilters, queryString } = useClaimFilters();
  const [actionError, setActionError] = useState<string | null>(null);
  // The page prefetched all but the count for this view on the server (app/desk/prefetch.ts): no fetch on arrival.
  const queries = claimsTableQueries(trpc, dossierId, filters);
  const days = queries.days;
  const list = useInfiniteQuery(queries.list);
  const count = useQuery(queries.count);
  const parties = useQuery(queries.parties);
  const about = useNamedActors(filters.about);
  // Lists refresh after any write through the query client's MutationCache (trpc/query-client.ts).
  const restore = useMutation(trpc.claims.restore.mutationOptions({ onError: (error) => setActionError(errorMessage(error)) }));

  const change = (patch: Partial<ClaimFilters>) => {
    setActionError(null);
    void setFilters(patch);
  };
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = isFiltered(filters);
  const partyOptions = (parties.data ?? []).map((party) => [party.actor.id, party.actor.name] as const);

  const actions = (claim: ClaimRow) =>
    filters.deleted ? (
      <RestoreRowButton
        disabled={restore.isPending}
        onRestore={() => {
          setActionError(null);
          restore.mutate({ id: claim.id, version: claim.version });
        }}
      />
    ) : (
      <Link prefetch={false} href={claimPaths.edit(dossierSlug, claim.id)} className="rounded-md px-2 py-1 text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
        Edit
      </Link>
    );

  return (
    <section aria-labelledby="claims-heading">
      <ListHeading
        id="claims-heading"
        title={filters.deleted ? 'Deleted claims' : 'Claims'}
        exportHref={claimPaths.exportCsv(dossierSlug, queryString)}
        add={canEdit ? { href: claimPaths.new(dossierSlug), label: 'New claim' } : null}
      />

      <FilterPanel
        search={
          <SearchFilter
            id="claims-search"
            label="Search claims"
            placeholder="Words in the statement, quote or notes"
            value={filters.search}
            onSearch={(search) => change({ search })}
          />
        }
        filtered={filtered}
        onClear={() => change({ search: '', party: [], about: [], status: [], category: [], saidFrom: null, saidTo: null, needsSource: false })}
        switches={
          <label className="flex items-center gap-2 text-sm text-stone-700">
            <input
              type="checkbox"
              className="size-4 accent-ink"
              checked={filters.needsSource}
              onChange={(event) => change({ needsSource: event.target.checked })}
            />
            Needs source only
          </label>
        }
        deleted={filters.deleted}
        onDeletedChange={(deleted) => change({ deleted })}
      >
        {partyOptions.length ? (
          <CheckboxFilter legend="Claimant’s party" idPrefix="filter-party" options={partyOptions} selected={filters.party} onChange={(party) => change({ party })} />
        ) : (
          <p className="text-sm text-stone-500">Add parties to the dossier to filter by claimant’s party.</p>
        )}
        <div>
          <Label htmlFor="filter-about">About</Label>
          <ActorMultiPicker inputProps={{ id: 'filter-about' }} value={about} onChange={(actors) => change({ about: actors.map((actor) => actor.id) })} />
        </div>
        <CheckboxFilter legend="Status" idPrefix="filter-status" options={STATUSES} selected={filters.status} onChange={(status) => change({ status })} />
        <CheckboxFilter
          legend="Category"
          idPrefix="filter-category"
          options={CATEGORIES}
          selected={filters.category}
          onChange={(category) => change({ category })}
        />
        <DayRangeFilter
          legend="Said between"
          idPrefix="filter-said"
          from={filters.saidFrom}
          to={filters.saidTo}
          inOrder={days.inOrder}
          onFromChange={(saidFrom) => change({ saidFrom })}
          onToChange={(saidTo) => change({ saidTo })}
        />
      </FilterPanel>

      <ListStatus
        count={count.data}
        noun={['claim', 'claims']}
        deleted={filters.deleted}
        filtered={filtered}
        isUpdating={list.isFetching && !list.isFetchingNextPage}
        actionError={actionError}
        listError={list.error}
      />

      <div className="mt-2">
        <DataTable<ClaimRow, ClaimSortKey>
          columns={claimColumns({ dossierSlug, actions: canEdit ? actions : undefined })}
          data={rows}
          getRowId={(claim) => claim.id}
          sort={{ sort: filters.sort, order: filters.order }}
          onSortChange={(sort) => change(sort)}
          isPending={list.isPending}
          loadingText="Loading claims…"
          emptyText={filters.deleted ? 'No deleted claims.' : filtered ? 'No claims match these filters.' : 'No claims recorded yet.'}
          isStale={list.isPlaceholderData}
          loadMore={list}
        />
      </div>
    </section>
  );
}
