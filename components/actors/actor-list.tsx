'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { DataTable } from '@/components/data-table/data-table';
import { CheckboxFilter, SearchFilter, ShowDeletedToggle } from '@/components/data-table/filters';
import { errorMessage } from '@/components/ui/form-errors';
import { primaryLinkStyle } from '@/components/ui/links';
import { Button, ErrorBanner } from '@/components/ui/primitives';
import { useDeskUser } from '@/components/users/desk-user';
import { actorKindLabels, actorKinds } from '@/server/actors/actors.labels';
import { actorListSearchParams } from '@/server/actors/actors.search-params';
import { useTRPC } from '@/trpc/client';
import { actorColumns } from './actor-columns';
import { actorPaths } from './actor-paths';
import { actorListQuery } from './actors-queries';

const KINDS = actorKinds.map((kind) => [kind, actorKindLabels[kind]] as const);

/** The actor directory shared by every dossier: search by name or alias, filter by kind, "Load more". */
export function ActorList() {
  const trpc = useTRPC();
  const { canEdit } = useDeskUser();
  // The directory's view in the address: ?q=…&kind=state,person&deleted=1. The page prefetched its first page.
  const [params, setParams] = useQueryStates(actorListSearchParams, { history: 'replace', scroll: false });
  const search = params.q;
  const list = useInfiniteQuery(actorListQuery(trpc, params));
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(search || params.kind.length);

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">{params.deleted ? 'Deleted actors' : 'Actors'}</h1>
          <p className="mt-1 text-sm text-stone-600">
            States, organisations, bodies and people that make or are named in claims — one directory for every dossier.
          </p>
        </div>
        {canEdit ? (
          <Link href={actorPaths.new} className={primaryLinkStyle}>
            New actor
          </Link>
        ) : null}
      </div>

      <div className="mt-6 space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <SearchFilter
            id="actors-search"
            label="Search actors"
            placeholder="Name or alias"
            value={params.q}
            onSearch={(q) => void setParams({ q })}
          />
          <div className="flex items-center gap-4">
            {filtered ? (
              <Button variant="ghost" onClick={() => void setParams({ q: null, kind: null })}>
                Clear filters
              </Button>
            ) : null}
            <ShowDeletedToggle checked={params.deleted} onChange={(deleted) => void setParams({ deleted })} />
          </div>
        </div>
        <CheckboxFilter legend="Kind" idPrefix="filter-kind" options={KINDS} selected={params.kind} onChange={(kind) => void setParams({ kind })} />
      </div>

      {list.error ? (
        <div className="mt-4">
          <ErrorBanner>{errorMessage(list.error)}</ErrorBanner>
        </div>
      ) : null}

      <div className="mt-4">
        <DataTable
          columns={actorColumns}
          data={rows}
          getRowId={(actor) => actor.id}
          isPending={list.isPending}
          loadingText="Loading actors…"
          emptyText={params.deleted ? 'No deleted actors.' : filtered ? 'No actors match these filters.' : 'The directory is empty.'}
          isStale={list.isPlaceholderData}
          loadMore={list}
        />
      </div>
    </div>
  );
}
