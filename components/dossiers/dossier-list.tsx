'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatDay } from '@/components/format';
import { Button, ErrorBanner } from '@/components/ui/primitives';
import { useTRPC } from '@/trpc/client';
import { useDeskUser } from '@/components/users/desk-user';
import { errorMessage } from '@/components/ui/form-errors';
import { deskPaths, primaryLinkStyle } from '@/components/ui/links';
import { StatusBadge } from '@/components/dossiers/status-badge';

/** The desk home: every live dossier, or the deleted ones (to restore). */
export function DossierList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canEdit } = useDeskUser();
  // In the address (?deleted=1) like the sources table's state, so the view survives a reload or a shared link.
  const router = useRouter();
  const pathname = usePathname();
  // The checkbox follows a click at once; the address catches up a moment later.
  const [showDeleted, setShowDeletedNow] = useState(useSearchParams().get('deleted') === '1');
  const setShowDeleted = (deleted: boolean) => {
    setShowDeletedNow(deleted);
    router.replace(deleted ? `${pathname}?deleted=1` : pathname, { scroll: false });
  };
  const [actionError, setActionError] = useState<string | null>(null);
  const list = useQuery(trpc.dossiers.list.queryOptions({ deleted: showDeleted }));
  const restore = useMutation(
    trpc.dossiers.restore.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.dossiers.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]),
      onError: (error) => setActionError(errorMessage(error)),
    }),
  );

  const dossiers = list.data ?? [];
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
          <label className="flex items-center gap-2 text-sm text-stone-700">
            <input
              type="checkbox"
              className="size-4 accent-ink"
              checked={showDeleted}
              onChange={(event) => {
                setShowDeleted(event.target.checked);
                setActionError(null);
              }}
            />
            Show deleted
          </label>
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

      <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 bg-stone-50 text-xs tracking-wide text-stone-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Title</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Sources</th>
              <th scope="col" className="px-4 py-2 font-medium">{showDeleted ? 'Deleted' : 'Updated'}</th>
              {showDeleted && canEdit ? (
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {list.isPending ? (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-stone-500">Loading…</td>
              </tr>
            ) : dossiers.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-stone-500">
                  {showDeleted ? 'No deleted dossiers.' : 'No dossiers yet.'}
                </td>
              </tr>
            ) : (
              dossiers.map((dossier) => (
                <tr key={dossier.id} className="align-top">
                  <td className="px-4 py-3">
                    {showDeleted ? (
                      <span className="font-medium text-stone-800">{dossier.title}</span>
                    ) : (
                      <Link href={deskPaths.dossier(dossier.slug)} className="font-medium text-ink hover:underline">
                        {dossier.title}
                      </Link>
                    )}
                    <div className="mt-0.5 font-mono text-xs text-stone-500">{dossier.slug}</div>
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={dossier.status} />
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{dossier.sourceCount}</td>
                  <td className="px-4 py-3 whitespace-nowrap text-stone-600">
                    {formatDay(showDeleted ? dossier.deletedAt : dossier.updatedAt)}
                  </td>
                  {showDeleted && canEdit ? (
                    <td className="px-4 py-3 text-right">
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
                    </td>
                  ) : null}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
