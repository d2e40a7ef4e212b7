import Link from 'next/link';
import { formatDay } from '@/components/format';
import { correctionKindLabels, type CorrectionKind } from '@/server/claims/claims.labels';
import { ClaimFilters } from './claim-filters';
import { shorten } from './claim-format';
import { claimsViewHref, type PublicClaimFilters } from './public-claim-filters';
import { claimPath, ClaimsBoard, type BoardClaim, type BoardColumn } from './claims-board';

const ANCHOR = 'claims';

/** "Claims and counterclaims": the filters, how many claims they leave, and the side-by-side board. */
export function ClaimsSection({
  slug,
  parties,
  columns,
  claims,
  total,
  matching,
  filters,
  earlier,
  later,
}: {
  slug: string;
  parties: readonly BoardColumn[];
  columns: readonly BoardColumn[];
  claims: readonly BoardClaim[];
  total: number;
  matching: number;
  filters: PublicClaimFilters;
  earlier: string | null;
  later: string | null;
}) {
  const filtered = Boolean(filters.party || filters.category || filters.status);
  const basePath = `/d/${slug}`;
  const count = (n: number) => `${n} ${n === 1 ? 'claim' : 'claims'}`;
  const summary = filtered ? `${matching} of ${count(total)} match these filters.` : `${count(total)}.`;
  const paged = claims.length < matching;
  return (
    <section id={ANCHOR} className="mt-10 scroll-mt-4" aria-labelledby="claims-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="claims-heading" className="text-xl font-semibold text-ink">
          Claims and counterclaims
        </h2>
        <p className="flex gap-4 text-sm">
          <a href={`/d/${slug}/claims.csv`} className="text-blue-700 underline underline-offset-4" download>
            Download claims (CSV)
          </a>
          <a href={`/d/${slug}/actors.csv`} className="text-blue-700 underline underline-offset-4" download>
            Download actors (CSV)
          </a>
        </p>
      </div>
      <p className="mt-2 max-w-3xl text-sm text-stone-600">
        What each side says, day by day, with the desk’s verification status and the sources it rests on. A claim and the
        claims answering it share a row.
      </p>
      {total === 0 ? (
        <p className="mt-4 text-stone-500">No claims are published yet.</p>
      ) : (
        <>
          <ClaimFilters basePath={basePath} filters={filters} parties={parties} anchor={ANCHOR} />
          <p className="mt-3 text-sm text-stone-600" role="status">
            {summary}
            {paged ? ` This page shows ${count(claims.length)}, whole days at a time.` : null}
          </p>
          <ClaimsBoard slug={slug} columns={columns} claims={claims} />
          {earlier !== null || later !== null ? (
            <nav aria-label="Claims pages" className="mt-6 flex justify-between text-sm">
              {earlier !== null ? (
                <Link href={claimsViewHref(basePath, filters, earlier || undefined, ANCHOR)} className="text-blue-700 underline underline-offset-4">
                  ← Earlier days
                </Link>
              ) : (
                <span />
              )}
              {later !== null ? (
                <Link href={claimsViewHref(basePath, filters, later, ANCHOR)} className="text-blue-700 underline underline-offset-4">
                  Later days →
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}

export interface CorrectionNote {
  kind: CorrectionKind;
  note: string;
  createdAt: Date;
  claim: { id: string; statement: string };
}

/** The dossier's public, dated notes on changes to published claims, newest first. */
export function CorrectionsSection({ slug, corrections }: { slug: string; corrections: readonly CorrectionNote[] }) {
  if (corrections.length === 0) return null;
  return (
    <section className="mt-10" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading" className="text-xl font-semibold text-ink">
        Corrections and updates
      </h2>
      <ul className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {corrections.map((correction, index) => (
          <li key={`${correction.claim.id}-${index}`} className="p-4">
            <p className="text-sm text-stone-500">
              <time dateTime={correction.createdAt.toISOString()}>{formatDay(correction.createdAt)}</time> ·{' '}
              <span className="font-medium text-stone-700">{correctionKindLabels[correction.kind]}</span>
            </p>
            <p className="mt-1 whitespace-pre-line text-stone-800">{correction.note}</p>
            <p className="mt-1 text-sm">
              On:{' '}
              <Link href={claimPath(slug, correction.claim.id)} className="text-blue-700 underline underline-offset-2">
                {shorten(correction.claim.statement)}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
