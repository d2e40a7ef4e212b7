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
import { Label, Select } from '@/components/ui/primitives';
import { useDeskUser } from '@/components/users/desk-user';
import { actorKindLabels, type ActorKind } from '@/server/actors/actors.labels';
import type { ReactionFilters, ReactionSortKey } from '@/server/reactions/reactions.input';
import {
  alignmentLabels,
  alignments,
  reactionChannelLabels,
  reactionChannels,
  reactionStanceLabels,
  reactionStances,
} from '@/server/reactions/reactions.labels';
import { useTRPC } from '@/trpc/client';
import { reactionPaths } from './reaction-paths';
import { reactionColumns, type ReactionRow } from './reactions-columns';
import { reactionsTableQueries } from './reactions-queries';
import { useReactionFilters } from './use-reaction-filters';

const STANCES = reactionStances.map((stance) => [stance, reactionStanceLabels[stance]] as const);
const ALIGNMENTS = alignments.map((alignment) => [alignment, alignmentLabels[alignment]] as const);
const CHANNELS = reactionChannels.map((channel) => [channel, reactionChannelLabels[channel]] as const);
/** The kinds a reaction counts for: states and organisations, and the rest (Holy See, armed groups…). */
const KINDS: ReadonlyArray<readonly [ActorKind, string]> = (
  ['state', 'international_organisation', 'religious_authority', 'armed_group', 'government_body', 'person', 'media', 'other'] as const
).map((kind) => [kind, actorKindLabels[kind]] as const);

const cleared = {
  search: '',
  stance: [],
  alignment: [],
  alignmentParty: null,
  actorKind: [],
  actor: [],
  target: [],
  channel: [],
  reactedFrom: null,
  reactedTo: null,
} satisfies Partial<ReactionFilters>;

const isFiltered = (filters: ReactionFilters) =>
  Boolean(
    filters.search ||
      filters.stance.length ||
      filters.alignment.length ||
      filters.alignmentParty ||
      filters.actorKind.length ||
      filters.actor.length ||
      filters.target.length ||
      filters.channel.length ||
      filters.reactedFrom ||
      filters.reactedTo,
  );

/**
 * A dossier's reactions on the shared list pattern: full-text search, filters (stance, alignment towards a party,
 * kind of the reacting actor, actor, target, channel, reacted between), sorting, keyset "Load more", the view in
 * the address, and "Export CSV" of exactly that view. Editors get "Add reaction" and Restore for deleted ones.
 */
export function ReactionsTable({ dossierId, dossierSlug }: { dossierId: string; dossierSlug: string }) {
  const trpc = useTRPC();
  const { canEdit } = useDeskUser();
  const { filters, setFilters, queryString } = useReactionFilters();
  const [actionError, setActionError] = useState<string | null>(null);
  // The page prefetched all but the count for this view on the server (app/desk/prefetch.ts): no fetch on arrival.
  const queries = reactionsTableQueries(trpc, dossierId, filters);
  const days = queries.days;
  const list = useInfiniteQuery(queries.list);
  const count = useQuery(queries.count);
  const parties = useQuery(queries.parties);
  const named = useNamedActors(filters.actor);
  // Lists refresh after any write through the query client's MutationCache (trpc/query-client.ts).
  const restore = useMutation(trpc.reactions.restore.mutationOptions({ onError: (error) => setActionError(errorMessage(error)) }));

  const change = (patch: Partial<ReactionFilters>) => {
    setActionError(null);
    void setFilters(patch);
  };
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = isFiltered(filters);
  const partyOptions = (parties.data ?? []).filter((party) => party.role === 'party').map((party) => [party.actor.id, party.actor.name] as const);

  const actions = (reaction: ReactionRow) =>
    filters.deleted ? (
      <RestoreRowButton
        disabled={restore.isPending}
        onRestore={() => {
          setActionError(null);
          restore.mutate({ id: reaction.id, version: reaction.version });
        }}
      />
    ) : (
      <Link prefetch={false} href={reactionPaths.edit(dossierSlug, reaction.id)} className="rounded-md px-2 py-1 text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
        Edit
      </Link>
    );

  return (
    <section aria-labelledby="reactions-heading">
      <ListHeading
        id="reactions-heading"
        title={filters.deleted ? 'Deleted reactions' : 'Reactions'}
        exportHref={reactionPaths.exportCsv(dossierSlug, queryString)}
        add={canEdit ? { href: reactionPaths.new(dossierSlug), label: 'Add reaction' } : null}
      />

      <FilterPanel
        search={
          <SearchFilter
            id="reactions-search"
            label="Search reactions"
            placeholder="Words in the quote, paraphrase or notes"
            value={filters.search}
            onSearch={(search) => change({ search })}
          />
        }
        filtered={filtered}
        onClear={() => change(cleared)}
        deleted={filters.deleted}
        onDeletedChange={(deleted) => change({ deleted })}
      >
        <CheckboxFilter legend="Stance" idPrefix="filter-stance" options={STANCES} selected={filters.stance} onChange={(stance) => change({ stance })} />
        <div className="space-y-2">
          <CheckboxFilter
            legend="Alignment"
            idPrefix="filter-alignment"
            options={ALIGNMENTS}
            selected={filters.alignment}
            onChange={(alignment) => change({ alignment })}
          />
          <div className="max-w-xs">
            <Label htmlFor="filter-alignment-party" className="font-normal">
              Towards
            </Label>
            <Select
              id="filter-alignment-party"
              value={filters.alignmentParty ?? ''}
              onChange={(event) => change({ alignmentParty: event.target.value || null })}
            >
              <option value="">Any party</option>
              {partyOptions.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <CheckboxFilter
          legend="Counts for (kind)"
          idPrefix="filter-kind"
          options={KINDS}
          selected={filters.actorKind}
          onChange={(actorKind) => change({ actorKind })}
        />
        <div>
          <Label htmlFor="filter-actor">Actor</Label>
          <ActorMultiPicker inputProps={{ id: 'filter-actor' }} value={named} onChange={(actors) => change({ actor: actors.map((actor) => actor.id) })} />
          <p className="mt-1 text-xs text-stone-500">Reactions signed by the actor or counting for it.</p>
        </div>
        {partyOptions.length ? (
          <CheckboxFilter legend="Target" idPrefix="filter-target" options={partyOptions} selected={filters.target} onChange={(target) => change({ target })} />
        ) : (
          <p className="text-sm text-stone-500">Add parties to the dossier to filter by target.</p>
        )}
        <CheckboxFilter legend="Channel" idPrefix="filter-channel" options={CHANNELS} selected={filters.channel} onChange={(channel) => change({ channel })} />
        <DayRangeFilter
          legend="Reacted between"
          idPrefix="filter-reacted"
          from={filters.reactedFrom}
          to={filters.reactedTo}
          inOrder={days.inOrder}
          onFromChange={(reactedFrom) => change({ reactedFrom })}
          onToChange={(reactedTo) => change({ reactedTo })}
        />
      </FilterPanel>

      <ListStatus
        count={count.data}
        noun={['reaction', 'reactions']}
        deleted={filters.deleted}
        filtered={filtered}
        isUpdating={list.isFetching && !list.isFetchingNextPage}
        actionError={actionError}
        listError={list.error}
      />

      <div className="mt-2">
        <DataTable<ReactionRow, ReactionSortKey>
          columns={reactionColumns({ dossierSlug, actions: canEdit ? actions : undefined })}
          data={rows}
          getRowId={(reaction) => reaction.id}
          sort={{ sort: filters.sort, order: filters.order }}
          onSortChange={(sort) => change(sort)}
          isPending={list.isPending}
          loadingText="Loading reactions…"
          emptyText={filters.deleted ? 'No deleted reactions.' : filtered ? 'No reactions match these filters.' : 'No reactions recorded yet.'}
          isStale={list.isPlaceholderData}
          loadMore={list}
        />
      </div>
    </section>
  );
}
