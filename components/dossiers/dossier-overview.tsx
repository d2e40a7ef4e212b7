'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatDay, formatDayRange } from '@/components/format';
import { Button, ErrorBanner } from '@/components/ui/primitives';
import type { Dossier } from '@/server/dossiers/schema';
import { useTRPC } from '@/trpc/client';
import { ConfirmButton } from '@/components/ui/confirm-dialog';
import { useDeskUser } from '@/components/users/desk-user';
import { toFormErrors, type FormErrors } from '@/components/ui/form-errors';
import { HistoryPanel } from '@/components/history/history-panel';
import { buttonLinkStyle, deskPaths, linkStyle } from '@/components/ui/links';
import { SourcesTable } from '@/components/sources/sources-table';
import { StatusBadge } from '@/components/dossiers/status-badge';

/**
 * A dossier's desk page: its details and editor actions, `children` (the page adds its parties and claims), its
 * sources table and its history.
 */
export function DossierOverview({ initialDossier, children }: { initialDossier: Dossier; children?: React.ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { canEdit } = useDeskUser();
  const [actionError, setActionError] = useState<FormErrors | null>(null);
  const query = useQuery(trpc.dossiers.bySlug.queryOptions({ slug: initialDossier.slug }, { initialData: initialDossier }));
  const dossier = query.data;

  const setPublished = useMutation(
    trpc.dossiers.setPublished.mutationOptions({
      onError: (error) => setActionError(toFormErrors(error)),
    }),
  );
  const remove = useMutation(trpc.dossiers.delete.mutationOptions());

  const published = dossier.status === 'published';
  const dates = formatDayRange(dossier.eventsStartOn, dossier.eventsEndOn);

  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={deskPaths.home} className="text-stone-600 underline-offset-4 hover:underline">
          ← Dossiers
        </Link>
      </nav>

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-3xl">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight text-ink">{dossier.title}</h1>
            <StatusBadge status={dossier.status} />
          </div>
          <p className="mt-1 text-sm text-stone-600">
            {[
              dates ? `Events ${dates}` : 'No event dates',
              published && dossier.publishedAt ? `first published ${formatDay(dossier.publishedAt)}` : null,
              `updated ${formatDay(dossier.updatedAt)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p className="mt-0.5 font-mono text-xs text-stone-500">/d/{dossier.slug}</p>
        </div>

        <div className="flex flex-wrap items-center gap-2">
          {published ? (
            <a href={deskPaths.publicDossier(dossier.slug)} className={`mr-2 text-sm ${linkStyle}`}>
              View public page
            </a>
          ) : null}
          {canEdit ? (
            <>
              <Button
                variant={published ? 'secondary' : 'primary'}
                disabled={setPublished.isPending}
                onClick={() => {
                  setActionError(null);
                  setPublished.mutate({ id: dossier.id, version: dossier.version, published: !published });
                }}
              >
                {published ? 'Unpublish' : 'Publish'}
              </Button>
              <Link href={deskPaths.editDossier(dossier.slug)} className={buttonLinkStyle}>
                Edit dossier
              </Link>
              <ConfirmButton
                label="Delete dossier"
                title="Delete this dossier?"
                description={
                  <>
                    “{dossier.title}” and its sources will disappear from the desk list and the public site. You can
                    restore it later from the dossier list under Show deleted.
                  </>
                }
                confirmLabel="Delete dossier"
                onConfirm={async () => {
                  await remove.mutateAsync({ id: dossier.id, version: dossier.version });
                  router.push(deskPaths.home);
                }}
              />
            </>
          ) : null}
        </div>
      </div>

      {actionError?.banner ? (
        <div className="mt-4">
          <ErrorBanner>
            {actionError.banner}
            {actionError.code === 'CONFLICT' ? (
              <Button
                variant="secondary"
                className="ml-3"
                onClick={() => {
                  setActionError(null);
                  void query.refetch();
                }}
              >
                Reload
              </Button>
            ) : null}
          </ErrorBanner>
        </div>
      ) : null}

      {dossier.summary ? (
        <p className="mt-4 max-w-3xl whitespace-pre-line text-stone-800">{dossier.summary}</p>
      ) : (
        <p className="mt-4 text-sm text-stone-500 italic">No summary yet.</p>
      )}

      {children}

      <SourcesTable dossierId={dossier.id} dossierSlug={dossier.slug} />

      <div className="mt-10">
        <HistoryPanel scope={{ kind: 'dossier', dossierId: dossier.id, dossierSlug: dossier.slug }} />
      </div>
    </div>
  );
}
