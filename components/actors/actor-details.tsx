'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatMoment } from '@/components/format';
import { ConfirmButton } from '@/components/ui/confirm-dialog';
import { DetailsSection, type DetailRow } from '@/components/ui/details-section';
import { errorMessage } from '@/components/ui/form-errors';
import { buttonLinkStyle, linkStyle } from '@/components/ui/links';
import { Button, ErrorBanner, Label, Notice } from '@/components/ui/primitives';
import { RecordActions } from '@/components/ui/record-actions';
import { useDeskUser } from '@/components/users/desk-user';
import { actorKindLabels } from '@/server/actors/actors.labels';
import { countryName } from '@/server/actors/countries';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/trpc/client';
import { actorPaths } from './actor-paths';
import { ActorPicker, type PickedActor } from './actor-picker';

export type ActorDetail = inferRouterOutputs<AppRouter>['actors']['byId'];

/** Admins merge a duplicate into the actor to keep: every reference moves there, names become aliases. */
function MergeDialog({ actor }: { actor: ActorDetail }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<PickedActor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const merge = useMutation(
    trpc.actors.merge.mutationOptions({
      onSuccess: (kept) => {
        setOpen(false);
        router.push(actorPaths.actor(kept.id));
        router.refresh();
      },
      onError: (caught) => setError(errorMessage(caught)),
    }),
  );
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setError(null);
          setTarget(null);
        }
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant="secondary">Merge into…</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-stone-200 bg-white p-5 shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold text-ink">Merge “{actor.name}” into another actor</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-stone-700">
            Every claim, party and affiliation that names “{actor.name}” will name the actor you choose instead; “{actor.name}” and
            its aliases become that actor’s aliases, and this entry is removed from the directory. This cannot be undone from
            the desk.
          </Dialog.Description>
          <div className="mt-4">
            <Label htmlFor="merge-target">Keep this actor</Label>
            <ActorPicker inputProps={{ id: 'merge-target' }} value={target} onChange={setTarget} excludeIds={[actor.id]} />
          </div>
          {error ? (
            <div className="mt-3">
              <ErrorBanner>{error}</ErrorBanner>
            </div>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Close>
            <Button
              variant="danger"
              disabled={!target || merge.isPending}
              onClick={() => {
                if (!target) return;
                setError(null);
                merge.mutate({ fromId: actor.id, intoId: target.id });
              }}
            >
              {merge.isPending ? 'Merging…' : target ? `Merge into ${target.name}` : 'Merge'}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** An actor's desk page: every field, who acts for it, and (below) the claims that name it. */
export function ActorDetails({ initialActor, children }: { initialActor: ActorDetail; children?: React.ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { canEdit, isAdmin } = useDeskUser();
  const [actionError, setActionError] = useState<string | null>(null);
  const query = useQuery(trpc.actors.byId.queryOptions({ id: initialActor.id }, { initialData: initialActor }));
  const actor = query.data;
  const remove = useMutation(trpc.actors.delete.mutationOptions());
  const restore = useMutation(
    trpc.actors.restore.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setActionError(errorMessage(error)),
    }),
  );
  const deleted = Boolean(actor.deletedAt);

  const rows: DetailRow[] = [
    ['Kind', actorKindLabels[actor.kind]],
    ['Country', actor.countryCode ? `${countryName(actor.countryCode) || actor.countryCode} (${actor.countryCode})` : '—'],
    [
      'Affiliation',
      actor.affiliation ? (
        <Link key="affiliation" href={actorPaths.actor(actor.affiliation.id)} className={linkStyle}>
          {actor.affiliation.name}
        </Link>
      ) : (
        '—'
      ),
    ],
    ['Title', actor.title || '—'],
    ['Aliases', actor.aliases.length ? actor.aliases.join(', ') : '—'],
    ['Description', actor.description ? <span className="whitespace-pre-line">{actor.description}</span> : '—'],
    ['Internal notes', actor.internalNotes ? <span className="whitespace-pre-line">{actor.internalNotes}</span> : '—'],
    ['Last changed', `${formatMoment(actor.updatedAt)} (version ${actor.version})`],
  ];

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <nav aria-label="Breadcrumb" className="mb-2 text-sm">
            <Link href={actorPaths.list} className="text-stone-600 underline-offset-4 hover:underline">
              ← Actors
            </Link>
          </nav>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">{actor.name}</h1>
          <p className="mt-1 text-sm text-stone-600">
            {[actorKindLabels[actor.kind], actor.title || null, actor.affiliation ? `for ${actor.affiliation.name}` : null].filter(Boolean).join(' · ')}
          </p>
        </div>
        {canEdit ? (
          <RecordActions
            deleted={deleted}
            restoreDisabled={restore.isPending || Boolean(actor.mergedIntoId)}
            onRestore={() => {
              setActionError(null);
              restore.mutate({ id: actor.id, version: actor.version });
            }}
          >
            <Link href={actorPaths.edit(actor.id)} className={buttonLinkStyle}>
              Edit actor
            </Link>
            {isAdmin ? <MergeDialog actor={actor} /> : null}
            <ConfirmButton
              label="Delete actor"
              title="Delete this actor?"
              description={
                <>
                  “{actor.name}” disappears from the directory and from pickers. Claims and parties that name it keep it; an
                  editor can restore it from this page.
                </>
              }
              confirmLabel="Delete actor"
              onConfirm={async () => {
                await remove.mutateAsync({ id: actor.id, version: actor.version });
                router.push(actorPaths.list);
              }}
            />
          </RecordActions>
        ) : null}
      </div>

      {deleted ? (
        <Notice>
          {actor.mergedIntoId ? (
            <>
              Merged into{' '}
              <Link href={actorPaths.actor(actor.mergedIntoId)} className="font-medium underline underline-offset-2">
                another actor
              </Link>{' '}
              on {formatMoment(actor.deletedAt)}.
            </>
          ) : (
            <>Deleted {formatMoment(actor.deletedAt)}.</>
          )}
        </Notice>
      ) : null}
      <ErrorBanner>{actionError}</ErrorBanner>

      <DetailsSection headingId="actor-details-heading" rows={rows} />

      <section aria-labelledby="actor-affiliates-heading">
        <h2 id="actor-affiliates-heading" className="text-lg font-semibold text-ink">
          Acting for {actor.name}
        </h2>
        {actor.affiliates.length === 0 ? (
          <p className="mt-1 text-sm text-stone-500">No actor in the directory is affiliated to {actor.name}.</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {actor.affiliates.map((affiliate) => (
              <li key={affiliate.id} className="px-4 py-2 text-sm">
                <Link prefetch={false} href={actorPaths.actor(affiliate.id)} className="font-medium text-ink hover:underline">
                  {affiliate.name}
                </Link>
                <span className="text-stone-500"> · {[actorKindLabels[affiliate.kind], affiliate.title || null].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {children}
    </div>
  );
}
