import Link from 'next/link';
import { formatDay } from '@/components/format';
import { ReliabilityBadge } from '@/components/sources/reliability-badge';
import { claimReviewJsonLd, jsonLdScript, verdictTexts } from '@/server/claims/claim-review';
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
  type DatePrecision,
} from '@/server/claims/claims.labels';
import type { PublicClaim, PublicRelation } from '@/server/claims/claims.public';
import type { ReliabilityGrade } from '@/server/sources/sources.labels';
import { sourceKindLabels, type SourceKind } from '@/server/sources/sources.labels';
import { claimPath } from './claims-board';
import { ClaimStatusBadge } from './claim-status-badge';
import { formatClaimMoment, formatFigure } from './claim-format';

/**
 * A public claim's page: everything readers may know about it, and, for a verdict, the one schema.org ClaimReview
 * block (from claim-review.ts) whose texts — statement, claimant, status label, explanation — are the ones shown.
 */
export function PublicClaimView({
  dossier,
  claim,
  url,
}: {
  dossier: { slug: string; title: string };
  claim: PublicClaim;
  /** The page's URL (the ClaimReview's url): absolute when the site's address is configured. */
  url: string;
}) {
  const review = claimReviewJsonLd(claim, { url });
  const verdict = verdictTexts(claim);
  const claimant = claim.claimant;
  const figures = claimFigures.flatMap((figure) => {
    const value = claim[figure];
    return value === null ? [] : [{ figure, text: formatFigure(value, claim[`${figure}AtLeast`]) }];
  });
  return (
    <article>
      {review ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(review) }} /> : null}
      <p className="text-sm">
        <Link href={`/d/${dossier.slug}#claims`} className="text-blue-700 underline underline-offset-4">
          {dossier.title}
        </Link>{' '}
        <span className="text-stone-500">· Claim</span>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">{verdict.claimReviewed}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
        <ClaimStatusBadge status={claim.status} />
        <span>{claimCategoryLabels[claim.category]}</span>
      </p>

      <section aria-labelledby="said-heading" className="mt-6">
        <h2 id="said-heading" className="sr-only">
          Who said it
        </h2>
        <p className="text-stone-800">
          <span className="font-medium">{claimant.name}</span>
          {claimant.title ? `, ${claimant.title}` : null}
          {claim.party && claim.party.id !== claimant.id ? <span className="text-stone-600"> — counts for {claim.party.name}</span> : null}
          {!claim.party && claimant.affiliation ? <span className="text-stone-600"> — {claimant.affiliation.name}</span> : null}
        </p>
        {claim.quote ? (
          <figure className="mt-4">
            <figcaption className="text-xs font-semibold uppercase tracking-wide text-stone-500">{quoteKindLabels[claim.quoteKind]}</figcaption>
            <blockquote className={`mt-1 border-l-4 pl-4 text-lg text-stone-900 ${claim.quoteKind === 'verbatim' ? 'border-ink' : 'border-stone-300 italic'}`}>
              {claim.quoteKind === 'verbatim' ? `“${claim.quote}”` : claim.quote}
            </blockquote>
          </figure>
        ) : null}
        {claim.originalText ? (
          <figure className="mt-4">
            <figcaption className="text-xs font-semibold uppercase tracking-wide text-stone-500">
              Original text{claim.originalLanguage ? ` (${claim.originalLanguage})` : ''}
            </figcaption>
            <blockquote lang={claim.originalLanguage || undefined} className="mt-1 border-l-4 border-stone-300 pl-4 text-stone-800">
              {claim.originalText}
            </blockquote>
          </figure>
        ) : null}
      </section>

      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        <Detail term="Said">
          {formatClaimMoment(claim.saidAt, claim.saidPrecision)}
          {claim.saidAt ? <span className="text-stone-500"> ({precisionNote[claim.saidPrecision]})</span> : null}
        </Detail>
        <Detail term="Happened">
          {formatClaimMoment(claim.occurredAt, claim.occurredPrecision)}
          {claim.occurredAt ? <span className="text-stone-500"> ({precisionNote[claim.occurredPrecision]})</span> : null}
        </Detail>
        {claim.place ? <Detail term="Place">{claim.place}</Detail> : null}
        <Detail term="About">{claim.about.length ? claim.about.map((actor) => actor.name).join(', ') : '—'}</Detail>
        <Detail term="Category">{claimCategoryLabels[claim.category]}</Detail>
        {figures.map(({ figure, text }) => (
          <Detail key={figure} term={claimFigureLabels[figure]}>
            {text}
          </Detail>
        ))}
        <Detail term="Credibility">{credibilityLabels[claim.credibility as CredibilityGrade] ?? claim.credibility}</Detail>
      </dl>

      <section aria-labelledby="status-heading" className="mt-8">
        <h2 id="status-heading" className="text-lg font-semibold text-ink">
          Verification: {verdict.ratingLabel}
        </h2>
        {verdict.ratingExplanation ? (
          <p className="mt-2 max-w-3xl whitespace-pre-line text-stone-800">{verdict.ratingExplanation}</p>
        ) : (
          <p className="mt-2 text-stone-500">The desk has not published an explanation for this status.</p>
        )}
      </section>

      <section aria-labelledby="sources-heading" className="mt-8">
        <h2 id="sources-heading" className="text-lg font-semibold text-ink">
          Sources
        </h2>
        <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {claim.sources.map(({ source, excerpt }) => (
            <li key={source.id} className="flex gap-4 p-4">
              <ReliabilityBadge grade={source.reliability as ReliabilityGrade} />
              <div className="min-w-0">
                <p className="font-medium text-ink">
                  {source.url ? (
                    <a href={source.url} rel="noopener noreferrer nofollow" target="_blank" className="hover:underline">
                      {source.title}
                    </a>
                  ) : (
                    source.title
                  )}
                </p>
                <p className="mt-1 text-sm text-stone-600">
                  {[source.outlet || 'Outlet not named', sourceKindLabels[source.kind as SourceKind] ?? source.kind, formatDay(source.publishedAt)].join(' · ')}
                  {source.archiveUrl ? (
                    <>
                      {' · '}
                      <a href={source.archiveUrl} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-700 underline">
                        Archived copy
                      </a>
                    </>
                  ) : null}
                </p>
                {excerpt ? <blockquote className="mt-2 border-l-2 border-stone-300 pl-3 text-sm text-stone-700">{excerpt}</blockquote> : null}
              </div>
            </li>
          ))}
        </ul>
      </section>

      <Thread slug={dossier.slug} relations={claim.relations} />

      {claim.corrections.length ? (
        <section aria-labelledby="corrections-heading" className="mt-8">
          <h2 id="corrections-heading" className="text-lg font-semibold text-ink">
            Corrections and updates
          </h2>
          <ul className="mt-3 space-y-3">
            {claim.corrections.map((correction, index) => (
              <li key={index} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="text-sm text-stone-500">
                  <time dateTime={correction.createdAt.toISOString()}>{formatDay(correction.createdAt)}</time> ·{' '}
                  <span className="font-medium text-stone-700">{correctionKindLabels[correction.kind]}</span>
                </p>
                <p className="mt-1 whitespace-pre-line text-stone-800">{correction.note}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** How precisely a moment is known, as a reader would say it. */
const precisionNote: Record<DatePrecision, string> = { exact: 'exact time', day: 'to the day', approximate: 'approximate date' };

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-stone-600">{term}</dt>
      <dd className="text-stone-900">{children}</dd>
    </>
  );
}

/** Relations in reading order: what answers or backs this claim, and what it answers, backs or revises. */
const threadGroups: Array<{ direction: 'incoming' | 'outgoing'; kind: ClaimRelationKind }> = [
  { direction: 'incoming', kind: 'counters' },
  { direction: 'outgoing', kind: 'counters' },
  { direction: 'incoming', kind: 'corroborates' },
  { direction: 'outgoing', kind: 'corroborates' },
  { direction: 'outgoing', kind: 'updates' },
  { direction: 'incoming', kind: 'updates' },
];

function Thread({ slug, relations }: { slug: string; relations: PublicClaim['relations'] }) {
  const groups = threadGroups
    .map((group) => ({
      ...group,
      label: group.direction === 'incoming' ? claimRelationInverseLabels[group.kind] : claimRelationLabels[group.kind],
      items: relations[group.direction].filter((relation) => relation.kind === group.kind),
    }))
    .filter((group) => group.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="thread-heading" className="mt-8">
      <h2 id="thread-heading" className="text-lg font-semibold text-ink">
        Thread
      </h2>
      {groups.map((group) => (
        <div key={`${group.direction}-${group.kind}`} className="mt-3">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-600">{group.label}</h3>
          <ul className="mt-2 space-y-2">
            {group.items.map((relation, index) => (
              <li key={relation.claim.public ? relation.claim.id : `${relation.claim.reason}-${index}`}>
                <RelatedClaim slug={slug} relation={relation} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** A related claim readers cannot open: the desk removed it, or it is not public yet. Never its text. */
export const hiddenRelatedClaimTexts = {
  removed: 'A removed claim.',
  not_public: 'A claim not yet public.',
} as const;

function RelatedClaim({ slug, relation }: { slug: string; relation: PublicRelation }) {
  const claim = relation.claim;
  if (!claim.public) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-3 text-sm italic text-stone-500" data-hidden-claim={claim.reason}>
        {hiddenRelatedClaimTexts[claim.reason]}
      </p>
    );
  }
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <ClaimStatusBadge status={claim.status} />
        <span className="text-sm text-stone-600">
          {claim.claimantName} · {formatDay(claim.saidAt)}
        </span>
      </div>
      <p className="mt-1">
        <Link href={claimPath(slug, claim.id)} className="text-blue-700 underline underline-offset-2">
          {claim.statement}
        </Link>
      </p>
    </div>
  );
}
