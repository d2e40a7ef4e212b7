'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useQueryState } from 'nuqs';
import { useState } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { ShowDeletedToggle } from '@/components/data-table/filters';
import { dossierColumns, type DossierRow } from '@/components/dossiers/dossiers-columns';
import { dossierListQuery } from '@/components/dossiers/dossiers-queries';
import { errorMessage } from '@/components/ui/form-errors';
import { deskPaths, primaryLinkStyle } from '@/components/ui/links';
import { Button, ErrorBanner } from '@/components/ui/primitives';
import { useDeskUser } from '@/components/users/desk-user';
import { dossierListSearchParams } from '@/server/dossiers/dossiers.search-params';
import { useTRPC } from '@/trpc/client';

/** The desk home: every live dossier, or the deleted ones (to restore). */
export function DossierList() {
  const trpc = useTRPC();
  const { canEdit } = useDeskUser();
  // In the address (?deleted=1) like the sources table's state, so the view survives a reload or a shared link.
  const [showDeleted, setShowDeleted] = useQueryState('deleted', dossierListSearchParams.deleted.withOptions({ history: 'replace', scroll: false }));
  const [actionError, setActionError] = useState<string | null>(null);
  // The page prefetched this list on the server (app/desk/page.tsx): no fetch on arrival.
  const list = useQuery(dossierListQuery(trpc, { deleted: showDeleted }));
  // Lists refresh after any write through the query client's MutationCache (trpc/query-client.ts).
  const restore = useMutation(trpc.dossiers.restore.mutationOptions({ onError: (error) => setActionError(errorMessage(error)) }));

  const actions = (dossier: DossierRow) => (
    <Button
      variant="secondary"
      disabled={restore.isPending}
      onClick={() => {
        setActionError(null);
        restore.mutate({ id: dossier.id, version: dossier.version });
      }}
    >
      Restore
    </Button>
  );

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">{showDeleted ? 'Deleted dossiers' : 'Dossiers'}</h1>
          <p className="mt-1 text-sm text-stone-600">
            {showDeleted ? 'Restoring a dossier brings it back with its sources and status.' : 'Stories the desk is logging sources for.'}
          </p>
        </div>
        <div className="flex items-center gap-4">
          <ShowDeletedToggle
            checked={showDeleted}
            onChange={(deleted) => {
              void setShowDeleted(deleted);
              setActionError(null);
            }}
          />
          {canEdit ? (
            <Link href={deskPaths.newDossier} className={primaryLinkStyle}>
              New dossier
            </Link>
          ) : null}
        </div>
      </div>

      <div className="mt-4 space-y-3">
        <ErrorBanner>{actionError}</ErrorBanner>
        {list.error ? <ErrorBanner>{errorMessage(list.error)}</ErrorBanner> : null}
      </div>

      <div className="mt-4">
        <DataTable<DossierRow>
          columns={dossierColumns({ deleted: showDeleted, actions: showDeleted && canEdit ? actions : undefined })}
          data={list.data ?? []}
          getRowId={(dossier) => dossier.id}
          isPending={list.isPending}
          loadingText="Loading…"
          emptyText={showDeleted ? 'No deleted dossiers.' : 'No dossiers yet.'}
        />
      </div>
    </div>
  );
}
