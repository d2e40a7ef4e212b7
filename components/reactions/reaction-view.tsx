'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { actorPaths } from '@/components/actors/actor-paths';
import { formatClaimMoment } from '@/components/claims/claim-format';
import { NeedsSourceBadge } from '@/components/claims/claim-status-badge';
import { formatMoment } from '@/components/format';
import { CitedSourceList } from '@/components/sources/cited-source-list';
import { ConfirmButton } from '@/components/ui/confirm-dialog';
import { DetailsSection, type DetailRow } from '@/components/ui/details-section';
import { errorMessage } from '@/components/ui/form-errors';
import { buttonLinkStyle, linkStyle } from '@/components/ui/links';
import { DossierBreadcrumb } from '@/components/ui/page-heading';
import { ErrorBanner, Notice } from '@/components/ui/primitives';
import { RecordActions } from '@/components/ui/record-actions';
import { useDeskUser } from '@/components/users/desk-user';
import { actorKindLabels } from '@/server/actors/actors.labels';
import { reactionChannelLabels } from '@/server/reactions/reactions.labels';
import { useTRPC } from '@/trpc/client';
import { AlignmentList, StanceChips, type ReactionDetail } from './reaction-badges';
import { reactionPaths } from './reaction-paths';
import { reactionWords } from './reactions-columns';

/**
 * A reaction's desk page: who reacted (each signatory and what it counts for), the speaker, when and how, stances,
 * targets and alignment towards each party, the words, sources with excerpts, tags and notes. Editors get Edit,
 * Delete / Restore; viewers read.
 */
export function ReactionView({ dossier, initialReaction }: { dossier: { id: string; slug: string; title: string }; initialReaction: ReactionDetail }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { canEdit } = useDeskUser();
  const [actionError, setActionError] = useState<string | null>(null);
  const query = useQuery(trpc.reactions.byId.queryOptions({ id: initialReaction.id }, { initialData: initialReaction }));
  const reaction = query.data;
  const remove = useMutation(trpc.reactions.delete.mutationOptions());
  const restore = useMutation(
    trpc.reactions.restore.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setActionError(errorMessage(error)),
    }),
  );
  const deleted = Boolean(reaction.deletedAt);
  const liveSources = reaction.sources.filter((item) => !item.source.deletedAt);
  const words = reactionWords(reaction);
  const title = reaction.signatories.map((signatory) => signatory.actor.name).join(', ') || 'Reaction';

  const rows: DetailRow[] = [
    [
      reaction.signatories.length > 1 ? 'Signatories' : 'Actor',
      <ul key="actors" className="space-y-0.5">
        {reaction.signatories.map(({ actor, countsFor, overridden }) => (
          <li key={actor.id}>
            <Link href={actorPaths.actor(actor.id)} className={linkStyle}>
              {actor.name}
            </Link>
            <span className="text-stone-600"> ({actorKindLabels[actor.kind]})</span>
            {countsFor.id !== actor.id || overridden ? (
              <span className="text-stone-600">
                {' '}
                counts for{' '}
                <Link href={actorPaths.actor(countsFor.id)} className={linkStyle}>
                  {countsFor.name}
                </Link>
                {overridden ? ' (set for this reaction)' : ''}
              </span>
            ) : null}
          </li>
        ))}
      </ul>,
    ],
    [
      'Speaker',
      reaction.speaker ? (
        <Link key="speaker" href={actorPaths.actor(reaction.speaker.id)} className={linkStyle}>
          {reaction.speaker.name}
        </Link>
      ) : (
        '—'
      ),
    ],
    ['Reacted at', formatClaimMoment(reaction.reactedAt, reaction.reactedPrecision)],
    ['Channel', reactionChannelLabels[reaction.channel]],
    ['Stances', <StanceChips key="stances" primary={reaction.primaryStance} stances={reaction.stances} />],
    ['Targets', reaction.targets.length ? reaction.targets.map((target) => target.name).join(', ') : 'None (the conflict as a whole)'],
    [
      'Alignment',
      <div key="alignment">
        <AlignmentList alignments={reaction.alignments} />
        {reaction.alignments.some((item) => item.edited) ? <p className="mt-1 text-xs text-stone-500">* set by an editor; the rest follow the stances and targets.</p> : null}
      </div>,
    ],
    ['Quote', reaction.quote ? <q key="quote" className="whitespace-pre-line">{reaction.quote}</q> : '—'],
    [
      'Original text',
      reaction.originalText ? (
        <span key="original" lang={reaction.originalLanguage || undefined} className="whitespace-pre-line">
          {reaction.originalText}
          {reaction.originalLanguage ? <span className="ml-1 text-xs text-stone-500">({reaction.originalLanguage})</span> : null}
        </span>
      ) : (
        '—'
      ),
    ],
    ['Paraphrase', reaction.paraphrase ? <span key="paraphrase" className="whitespace-pre-line">{reaction.paraphrase}</span> : '—'],
    ['Tags', reaction.tags.length ? reaction.tags.join(', ') : '—'],
    ['Internal notes', reaction.internalNotes ? <span className="whitespace-pre-line">{reaction.internalNotes}</span> : '—'],
    ['Last changed', `${formatMoment(reaction.updatedAt)} (version ${reaction.version})`],
  ];

  return (
    <div className="space-y-8">
      <div>
        <DossierBreadcrumb dossier={dossier} list={{ href: reactionPaths.list(dossier.slug), label: 'Reactions' }} />
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 max-w-3xl">
            <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
            {words.text ? <p className="mt-1 text-stone-800">{words.quoted ? <q>{words.text}</q> : words.text}</p> : null}
            <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
              <StanceChips primary={reaction.primaryStance} stances={reaction.stances} />
              {liveSources.length === 0 ? <NeedsSourceBadge /> : null}
              <span>
                {[reaction.reactedAt ? formatClaimMoment(reaction.reactedAt, reaction.reactedPrecision) : null, reactionChannelLabels[reaction.channel]]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </p>
          </div>
          {canEdit ? (
            <RecordActions
              deleted={deleted}
              restoreDisabled={restore.isPending}
              onRestore={() => {
                setActionError(null);
                restore.mutate({ id: reaction.id, version: reaction.version });
              }}
            >
              <Link href={reactionPaths.edit(dossier.slug, reaction.id)} className={buttonLinkStyle}>
                Edit
              </Link>
              <ConfirmButton
                label="Delete"
                title="Delete this reaction?"
                description="It leaves the reactions table, the map and the public page. You can restore it from the reactions table under Show deleted."
                confirmLabel="Delete reaction"
                onConfirm={async () => {
                  await remove.mutateAsync({ id: reaction.id, version: reaction.version });
                  router.push(reactionPaths.list(dossier.slug));
                }}
              />
            </RecordActions>
          ) : null}
        </div>
      </div>

      {deleted ? (
        <Notice>
          Deleted {formatMoment(reaction.deletedAt)}.
        </Notice>
      ) : null}
      <ErrorBanner>{actionError}</ErrorBanner>

      <DetailsSection headingId="reaction-details-heading" rows={rows} />

      <CitedSourceList
        headingId="reaction-sources-heading"
        dossierSlug={dossier.slug}
        sources={reaction.sources}
        noneText="No source cited: this reaction needs one before it can appear publicly."
      />
    </div>
  );
}
