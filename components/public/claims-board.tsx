import Link from 'next/link';
import { formatDay } from '@/components/format';
import { claimCategoryLabels, type ClaimCategory, type DatePrecision, type VerificationStatus } from '@/server/claims/claims.labels';
import { ClaimStatusBadge } from './claim-status-badge';
import { formatClaimMoment, shorten } from './claim-format';
import { layOutClaimRows, type RowClaim } from './claim-rows';

/** What the side-by-side view shows of a public claim (mapped from the public claim shape by the page's loader). */
export interface BoardClaim extends RowClaim {
  statement: string;
  status: VerificationStatus;
  category: ClaimCategory;
  claimantName: string;
  partyName: string | null;
  saidPrecision: DatePrecision;
  sources: ReadonlyArray<{ id: string; title: string; outlet: string; url: string | null }>;
  /** The claims it counters and the claims countering it (a marker, without text, for one readers cannot see). */
  counters: readonly BoardLink[];
  counteredBy: readonly BoardLink[];
}
/** A related claim: its link when public; otherwise only why it is not shown (removed, or not yet public). */
export type BoardLink = { public: true; id: string; statement: string } | { public: false; reason: 'removed' | 'not_public' };

/** What a card says of a related claim readers cannot open. */
export const hiddenClaimLabels = { removed: 'a removed claim', not_public: 'a claim not yet public' } as const;
export interface BoardColumn {
  /** The party's actor id, or OTHERS. */
  key: string;
  /** "Azerbaijan says". */
  label: string;
  /** "Azerbaijan". */
  name: string;
}

/** `--board-columns` feeds the md: grid template, so any number of parties gets equal columns; phones stack them. */
const gridStyle = (count: number) => ({ '--board-columns': `repeat(${count}, minmax(0, 1fr))` }) as React.CSSProperties;
const gridClass = 'grid grid-cols-1 gap-3 md:grid-cols-(--board-columns)';

export function ClaimsBoard({ slug, columns, claims }: { slug: string; columns: readonly BoardColumn[]; claims: readonly BoardClaim[] }) {
  if (claims.length === 0) return <p className="mt-6 text-stone-500">No public claims match these filters.</p>;
  const days = layOutClaimRows(claims);
  return (
    <div className="mt-6">
      <div aria-hidden="true" className={`sticky top-0 z-10 hidden border-b border-stone-300 bg-stone-50/95 py-2 md:grid ${gridClass}`} style={gridStyle(columns.length)}>
        {columns.map((column) => (
          <p key={column.key} className="text-sm font-semibold uppercase tracking-wide text-stone-700">
            {column.label}
          </p>
        ))}
      </div>
      <ol className="space-y-8">
        {days.map(({ day, rows }) => (
          <li key={day ?? 'undated'}>
            <h3 className="border-b border-stone-200 pb-1 pt-4 text-base font-semibold text-ink">{day ? formatDay(day) : 'Date not known'}</h3>
            <ol className="mt-3 space-y-4">
              {rows.map((row) => (
                <li key={[...row.values()].flat()[0]!.id} className={gridClass} style={gridStyle(columns.length)} data-claim-row="">
                  {columns.map((column) => {
                    const cell = row.get(column.key) ?? [];
                    return (
                      <div key={column.key} data-column={column.label} className={cell.length === 0 ? 'hidden md:block' : undefined}>
                        {cell.length ? (
                          <>
                            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-500 md:sr-only">{column.label}</p>
                            <ul className="space-y-3">
                              {cell.map((claim) => (
                                <li key={claim.id}>
                                  <ClaimCard slug={slug} claim={claim} />
                                </li>
                              ))}
                            </ul>
                          </>
                        ) : null}
                      </div>
                    );
                  })}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}

export const claimPath = (slug: string, id: string) => `/d/${slug}/claims/${id}`;

function RelatedLinks({ slug, label, links }: { slug: string; label: string; links: readonly BoardLink[] }) {
  if (links.length === 0) return null;
  return (
    <p className="mt-2 text-xs text-stone-600">
      <span className="font-medium">{label}: </span>
      {links.map((link, index) => (
        <span key={link.public ? link.id : `${link.reason}-${index}`}>
          {index > 0 ? '; ' : null}
          {!link.public ? (
            <span className="italic" data-hidden-claim={link.reason}>
              {hiddenClaimLabels[link.reason]}
            </span>
          ) : (
            <Link href={claimPath(slug, link.id)} className="text-blue-700 underline underline-offset-2">
              {shorten(link.statement, 80)}
            </Link>
          )}
        </span>
      ))}
    </p>
  );
}

function ClaimCard({ slug, claim }: { slug: string; claim: BoardClaim }) {
  const claimant = claim.partyName && claim.partyName !== claim.claimantName ? `${claim.claimantName} (${claim.partyName})` : claim.claimantName;
  return (
    <article className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm" data-claim-id={claim.id} aria-label={`Claim by ${claimant}`}>
      <div className="flex flex-wrap items-center gap-2">
        <ClaimStatusBadge status={claim.status} />
        <span className="text-xs text-stone-500">{claimCategoryLabels[claim.category]}</span>
      </div>
      <p className="mt-2 font-medium text-ink">
        <Link href={claimPath(slug, claim.id)} className="hover:underline">
          {claim.statement}
        </Link>
      </p>
      <p className="mt-1 text-sm text-stone-600">
        {claimant} · {formatClaimMoment(claim.saidAt, claim.saidPrecision)}
      </p>
      {claim.sources.length ? (
        <ul className="mt-2 space-y-0.5 text-xs text-stone-600" aria-label="Sources">
          {claim.sources.map((source) => (
            <li key={source.id}>
              {source.url ? (
                <a href={source.url} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-700 underline underline-offset-2">
                  {source.title}
                </a>
              ) : (
                <span>{source.title}</span>
              )}
              {source.outlet ? ` · ${source.outlet}` : null}
            </li>
          ))}
        </ul>
      ) : null}
      <RelatedLinks slug={slug} label="Counters" links={claim.counters} />
      <RelatedLinks slug={slug} label="Countered by" links={claim.counteredBy} />
    </article>
  );
}
