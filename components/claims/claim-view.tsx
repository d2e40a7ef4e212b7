'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { actorPaths } from '@/components/actors/actor-paths';
import { formatDay, formatMoment } from '@/components/format';
import { CitedSourceList } from '@/components/sources/cited-source-list';
import { ConfirmButton } from '@/components/ui/confirm-dialog';
import { DetailsSection, type DetailRow } from '@/components/ui/details-section';
import { errorMessage } from '@/components/ui/form-errors';
import { buttonLinkStyle, linkStyle, primaryLinkStyle } from '@/components/ui/links';
import { DossierBreadcrumb } from '@/components/ui/page-heading';
import { ErrorBanner, Notice } from '@/components/ui/primitives';
import { RecordActions } from '@/components/ui/record-actions';
import { useDeskUser } from '@/components/users/desk-user';
import {
  claimCategoryLabels,
  claimFigureLabels,
  claimFigures,
  claimRelationInverseLabels,
  claimRelationLabels,
  correctionKindLabels,
  credibilityLabels,
  quoteKindLabels,
  type ClaimRelationKind,
  type CredibilityGrade,
  type VerificationStatus,
} from '@/server/claims/claims.labels';
import { useTRPC } from '@/trpc/client';
import type { ClaimDetail } from './claim-form';
import { formatClaimMoment } from './claim-format';
import { claimPaths } from './claim-paths';
import { ClaimStatusBadge, NeedsSourceBadge } from './claim-status-badge';

type Related = ClaimDetail['relations']['outgoing'][number];

/** One claim of a thread; a deleted partner stays, struck through and marked removed. */
function RelatedClaim({ slug, relation, label }: { slug: string; relation: Related; label: string }) {
  const { claim } = relation;
  return (
    <li className={`rounded-lg border bg-white p-3 ${claim.deleted ? 'border-dashed border-stone-300' : 'border-stone-200'}`}>
      <p className="text-xs font-medium tracking-wide text-stone-500 uppercase">{label}</p>
      <p className="mt-1 text-sm">
        {claim.deleted ? (
          <>
            <del className="text-stone-500">{claim.statement}</del> <span className="text-xs font-medium text-red-700">(removed)</span>
          </>
        ) : (
          <Link prefetch={false} href={claimPaths.claim(slug, claim.id)} className="font-medium text-ink hover:underline">
            {claim.statement}
          </Link>
        )}
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-600">
        <span>{claim.claimantName}</span>
        <span>· {formatDay(claim.saidAt)}</span>
        <ClaimStatusBadge status={claim.status as VerificationStatus} />
      </p>
    </li>
  );
}

function relationsOf(claim: ClaimDetail, kinds: ClaimRelationKind[]) {
  return [
    ...claim.relations.outgoing.filter((relation) => kinds.includes(relation.kind)).map((relation) => ({ relation, label: claimRelationLabels[relation.kind] })),
    ...claim.relations.incoming
      .filter((relation) => kinds.includes(relation.kind))
      .map((relation) => ({ relation, label: claimRelationInverseLabels[relation.kind] })),
  ];
}

/**
 * A claim's desk page: the claim with every field, its sources with their excerpts, its thread (counterclaims side
 * by side, corroborations, updates; removed partners marked) and its public corrections. Editors get Edit, Add
 * counterclaim, Delete / Restore; viewers read.
 */
export function ClaimView({ dossier, initialClaim }: { dossier: { id: string; slug: string; title: string }; initialClaim: ClaimDetail }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { canEdit } = useDeskUser();
  const [actionError, setActionError] = useState<string | null>(null);
  const query = useQuery(trpc.claims.byId.queryOptions({ id: initialClaim.id }, { initialData: initialClaim }));
  const claim = query.data;
  const remove = useMutation(trpc.claims.delete.mutationOptions());
  const restore = useMutation(
    trpc.claims.restore.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setActionError(errorMessage(error)),
    }),
  );
  const deleted = Boolean(claim.deletedAt);
  const liveSources = claim.sources.filter((item) => !item.source.deletedAt);
  const counters = relationsOf(claim, ['counters']);
  const corroborations = relationsOf(claim, ['corroborates']);
  const updates = relationsOf(claim, ['updates']);
  const figures = claimFigures.filter((figure) => claim[figure] !== null);

  const rows: DetailRow[] = [
    [
      'Claimant',
      <span key="claimant">
        <Link href={actorPaths.actor(claim.claimant.id)} className={linkStyle}>
          {claim.claimant.name}
        </Link>
        {claim.claimant.affiliation ? <span className="text-stone-600"> (for {claim.claimant.affiliation.name})</span> : null}
      </span>,
    ],
    ['Counts for', claim.party ? claim.party.name : 'Other (no party of this dossier)'],
    [
      'About',
      claim.about.length ? (
        <span key="about">
          {claim.about.map((actor, index) => (
            <span key={actor.id}>
              {index > 0 ? ', ' : null}
              <Link href={actorPaths.actor(actor.id)} className={linkStyle}>
                {actor.name}
              </Link>
            </span>
          ))}
        </span>
      ) : (
        '—'
      ),
    ],
    [
      quoteKindLabels[claim.quoteKind],
      claim.quote ? <q key="quote" className="whitespace-pre-line">{claim.quote}</q> : '—',
    ],
    [
      'Original text',
      claim.originalText ? (
        <span key="original" lang={claim.originalLanguage || undefined} className="whitespace-pre-line">
          {claim.originalText}
          {claim.originalLanguage ? <span className="ml-1 text-xs text-stone-500">({claim.originalLanguage})</span> : null}
        </span>
      ) : (
        '—'
      ),
    ],
    ['Said at', formatClaimMoment(claim.saidAt, claim.saidPrecision)],
    ['Occurred at', formatClaimMoment(claim.occurredAt, claim.occurredPrecision)],
    ['Place', claim.place || '—'],
    ['Category', claimCategoryLabels[claim.category]],
    [
      'Figures',
      figures.length
        ? figures
            .map((figure) => {
              const atLeast = claim[`${figure}AtLeast` as const];
              return `${claimFigureLabels[figure]}: ${atLeast ? 'at least ' : ''}${claim[figure]?.toLocaleString('en-GB')}`;
            })
            .join(' · ')
        : '—',
    ],
    ['Status', <ClaimStatusBadge key="status" status={claim.status} />],
    ['Status explanation', claim.statusExplanation ? <span className="whitespace-pre-line">{claim.statusExplanation}</span> : '—'],
    ['Credibility', credibilityLabels[claim.credibility as CredibilityGrade] ?? String(claim.credibility)],
    ['Tags', claim.tags.length ? claim.tags.join(', ') : '—'],
    ['Internal notes', claim.internalNotes ? <span className="whitespace-pre-line">{claim.internalNotes}</span> : '—'],
    ['Last changed', `${formatMoment(claim.updatedAt)} (version ${claim.version})`],
  ];

  return (
    <div className="space-y-8">
      <div>
        <DossierBreadcrumb dossier={dossier} list={{ href: claimPaths.list(dossier.slug), label: 'Claims' }} />
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 max-w-3xl">
            <h1 className="text-2xl font-semibold tracking-tight text-ink">{claim.statement}</h1>
            <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
              <ClaimStatusBadge status={claim.status} />
              {liveSources.length === 0 ? <NeedsSourceBadge /> : null}
              <span>
                {claim.claimant.name}
                {claim.party && claim.party.id !== claim.claimant.id ? ` (${claim.party.name})` : ''} ·{' '}
                {formatClaimMoment(claim.saidAt, claim.saidPrecision)}
              </span>
            </p>
          </div>
          {canEdit ? (
            <RecordActions
              deleted={deleted}
              restoreDisabled={restore.isPending}
              onRestore={() => {
                setActionError(null);
                restore.mutate({ id: claim.id, version: claim.version });
              }}
            >
              <Link href={claimPaths.newCounterclaim(dossier.slug, claim.id)} className={primaryLinkStyle}>
                Add counterclaim
              </Link>
              <Link href={claimPaths.edit(dossier.slug, claim.id)} className={buttonLinkStyle}>
                Edit
              </Link>
              <ConfirmButton
                label="Delete"
                title="Delete this claim?"
                description="It leaves the claims table and the public page. Claims that relate to it keep the link, shown as removed. You can restore it from the claims table under Show deleted."
                confirmLabel="Delete claim"
                onConfirm={async () => {
                  await remove.mutateAsync({ id: claim.id, version: claim.version });
                  router.push(claimPaths.list(dossier.slug));
                }}
              />
            </RecordActions>
          ) : null}
        </div>
      </div>

      {deleted ? (
        <Notice>
          Deleted {formatMoment(claim.deletedAt)}. Claims related to it show the link as removed.
        </Notice>
      ) : null}
      <ErrorBanner>{actionError}</ErrorBanner>

      <section aria-labelledby="claim-thread-heading">
        <h2 id="claim-thread-heading" className="text-lg font-semibold text-ink">
          Claim and counterclaims
        </h2>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <div className="rounded-lg border-2 border-ink/20 bg-white p-3">
            <p className="text-xs font-medium tracking-wide text-stone-500 uppercase">This claim</p>
            <p className="mt-1 text-sm font-medium text-stone-900">{claim.statement}</p>
            <p className="mt-1 text-xs text-stone-600">
              {claim.claimant.name} · {formatDay(claim.saidAt)}
            </p>
          </div>
          {counters.length ? (
            <ul aria-label="Counterclaims" className="space-y-3">
              {counters.map(({ relation, label }) => (
                <RelatedClaim key={`${label}-${relation.claim.id}`} slug={dossier.slug} relation={relation} label={label} />
              ))}
            </ul>
          ) : (
            <p className="rounded-lg border border-dashed border-stone-300 p-3 text-sm text-stone-500">
              No counterclaim recorded yet.
              {canEdit && !deleted ? (
                <>
                  {' '}
                  <Link href={claimPaths.newCounterclaim(dossier.slug, claim.id)} className={linkStyle}>
                    Record the other side’s answer
                  </Link>
                  .
                </>
              ) : null}
            </p>
          )}
        </div>
        {corroborations.length || updates.length ? (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {corroborations.length ? (
              <div>
                <h3 className="text-sm font-semibold text-stone-800">Corroborations</h3>
                <ul className="mt-2 space-y-3">
                  {corroborations.map(({ relation, label }) => (
                    <RelatedClaim key={`${label}-${relation.claim.id}`} slug={dossier.slug} relation={relation} label={label} />
                  ))}
                </ul>
              </div>
            ) : null}
            {updates.length ? (
              <div>
                <h3 className="text-sm font-semibold text-stone-800">Updates</h3>
                <ul className="mt-2 space-y-3">
                  {updates.map(({ relation, label }) => (
                    <RelatedClaim key={`${label}-${relation.claim.id}`} slug={dossier.slug} relation={relation} label={label} />
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
      </section>

      <DetailsSection headingId="claim-details-heading" rows={rows} />

      <CitedSourceList
        headingId="claim-sources-heading"
        dossierSlug={dossier.slug}
        sources={claim.sources}
        noneText="No source cited: this claim needs one before it can appear publicly."
      />

      <section aria-labelledby="claim-corrections-heading">
        <h2 id="claim-corrections-heading" className="text-lg font-semibold text-ink">
          Corrections
        </h2>
        {claim.corrections.length === 0 ? (
          <p className="mt-1 text-sm text-stone-500">No public correction notes.</p>
        ) : (
          <ol className="mt-2 space-y-2">
            {claim.corrections.map((correction) => (
              <li key={correction.id} className="rounded-md bg-stone-50 px-3 py-2 text-sm">
                <span className="font-medium">{correctionKindLabels[correction.kind]}</span>{' '}
                <span className="text-stone-500">{formatMoment(correction.createdAt)}</span>
                <p className="mt-0.5 whitespace-pre-line text-stone-800">{correction.note}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
