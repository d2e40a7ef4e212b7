import Link from 'next/link';
import { formatDay, formatDayRange } from '@/components/format';
import { ClaimsSection, CorrectionsSection } from '@/components/public/claims-section';
import { parsePublicClaimFilters, parsePublicClaimsFrom } from '@/components/public/public-claim-filters';
import { ReactionsSection } from '@/components/reactions/public/reactions-section';
import { ReliabilityBadge } from '@/components/sources/reliability-badge';
import { listPublicClaimsInput } from '@/server/claims/claims.input';
import { listPublicClaimsByDay } from '@/server/claims/claims.public';
import type { Database } from '@/server/db/client';
import { toPublicDossier } from '@/server/dossiers/dossiers.service';
import { sourceFilters, sourceKindLabels } from '@/server/sources/sources.input';
import { listSources, toPublicSource } from '@/server/sources/sources.service';
import { cursor } from '@/server/validation';
import { findPublishedDossier, isRefusal, publicPageTags } from '../../published-dossier';
import { CLAIMS_PER_PAGE, claimsSection, listPublicInput, type ClaimsSectionData } from './public-claims';
import { reactionsSectionOf, type ReactionsSectionData } from './public-reactions';

/**
 * The public dossier page's data and markup, apart from the page file so tests can load it the way the page does
 * (as a signed-out reader: no session, public functions only) and render the HTML a reader gets.
 */
export type PublicDossier = ReturnType<typeof toPublicDossier>;
type PublicSourcePage = { items: Array<ReturnType<typeof toPublicSource>>; nextCursor: string | null };

/** `tags`: the cache tags of the page (publicPageTags). */
export type PublicDossierPageData =
  | { found: false; tags: string[] }
  | {
      found: true;
      tags: string[];
      dossier: PublicDossier;
      page: PublicSourcePage;
      claims: ClaimsSectionData;
      reactions: ReactionsSectionData | null;
    };

/**
 * The page's query string: `after` pages the sources; `party`, `category` and `status` filter the claims, `from`
 * pages them; `towards` (a party id) or `map=stance` chooses what the reactions map shades. The page itself gets it
 * from its `/q/<query>` path (server/public-cache/public-query.ts: DOSSIER_QUERY_KEYS).
 */
export type PublicDossierQuery = Record<string, string | string[] | undefined>;

const SOURCES_PER_PAGE = 100;

/**
 * A published dossier, its public claims (filtered as the query string asks) and one page of its sources, or
 * `found: false` (a 404) for anything a reader must not or cannot see: a malformed slug (refused here, before any
 * query), a draft, deleted or unknown dossier, or a forged `after` link (cursors come only from our own "More
 * sources" links, so a bad one names a page that does not exist). Unknown filter values are ignored. The dossier is
 * looked up once (findPublishedDossier, shared with the page's metadata); every section reads by its row.
 */
export async function loadPublicDossierPage(
  db: Database,
  slug: string,
  query: PublicDossierQuery = {},
  claimsPerPage: number = CLAIMS_PER_PAGE,
): Promise<PublicDossierPageData> {
  const notFound = { found: false, tags: publicPageTags(null) } as const;
  const dossier = await findPublishedDossier(db, slug);
  const after = cursor.safeParse(typeof query.after === 'string' ? query.after : null);
  if (!dossier || !after.success) return notFound;
  try {
    const sources = await listSources(db, {
      ...sourceFilters.parse({ sort: 'published', order: 'desc' }),
      dossierId: dossier.id,
      cursor: after.data,
      limit: SOURCES_PER_PAGE,
    });
    // One window of whole days, filtered and paged by the database.
    const filters = parsePublicClaimFilters(query);
    const { from, limit, ...claimFilters } = listPublicClaimsInput.parse(
      listPublicInput(dossier.slug, filters, parsePublicClaimsFrom(query), claimsPerPage),
    );
    const listing = await listPublicClaimsByDay(db, dossier, claimFilters, { from: from ?? undefined, perPage: limit });
    const reactions = await reactionsSectionOf(db, dossier, query);
    return {
      found: true,
      tags: publicPageTags(dossier),
      dossier: toPublicDossier(dossier),
      page: { items: sources.items.map(toPublicSource), nextCursor: sources.nextCursor },
      claims: claimsSection(listing, filters),
      reactions,
    };
  } catch (error) {
    if (isRefusal(error)) return notFound;
    throw error;
  }
}

/** Just the dossier, for the page's metadata (the same lookup as the page's: one per render). */
export async function loadPublicDossier(db: Database, slug: string): Promise<PublicDossier | null> {
  const dossier = await findPublishedDossier(db, slug);
  return dossier ? toPublicDossier(dossier) : null;
}

export function PublicDossierView({
  dossier,
  page,
  claims,
  reactions = null,
}: {
  dossier: PublicDossier;
  page: PublicSourcePage;
  claims: ClaimsSectionData;
  reactions?: ReactionsSectionData | null;
}) {
  return (
    <article>
      <p className="text-sm uppercase tracking-wide text-accent">Dossier</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight text-ink">{dossier.title}</h1>
      <p className="mt-2 text-sm text-stone-500">
        {[formatDayRange(dossier.eventsStartOn, dossier.eventsEndOn), `updated ${formatDay(dossier.updatedAt)}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {dossier.summary ? <p className="mt-4 max-w-3xl whitespace-pre-line text-stone-800">{dossier.summary}</p> : null}

      <ClaimsSection slug={dossier.slug} {...claims} />
      <CorrectionsSection slug={dossier.slug} corrections={claims.corrections} />
      {reactions ? <ReactionsSection overview={reactions.overview} mode={reactions.mode} query={reactions.query} /> : null}

      <section className="mt-10" aria-labelledby="sources-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="sources-heading" className="text-xl font-semibold text-ink">
            Sources
          </h2>
          <a href={`/d/${dossier.slug}/sources.csv`} className="text-sm text-blue-700 underline underline-offset-4" download>
            Download sources (CSV)
          </a>
        </div>
        {page.items.length === 0 ? (
          <p className="mt-4 text-stone-500">No sources are listed yet.</p>
        ) : (
          <ul className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {page.items.map((source) => (
              <li key={source.id} className="flex gap-4 p-4">
                <ReliabilityBadge grade={source.reliability} />
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
                    {[source.outlet || 'Outlet not named', sourceKindLabels[source.kind], formatDay(source.publishedAt)].join(' · ')}
                    {source.archiveUrl ? (
                      <>
                        {' · '}
                        <a href={source.archiveUrl} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-700 underline">
                          Archived copy
                        </a>
                      </>
                    ) : null}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
        {page.nextCursor ? (
          <Link href={`/d/${dossier.slug}?after=${encodeURIComponent(page.nextCursor)}`} className="mt-4 inline-block text-blue-700 underline">
            More sources
          </Link>
        ) : null}
      </section>
    </article>
  );
}
