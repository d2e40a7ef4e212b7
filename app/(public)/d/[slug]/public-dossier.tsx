import Link from 'next/link';
import { TRPCError } from '@trpc/server';
import { formatDay, formatDayRange } from '@/components/format';
import { ClaimsSection, CorrectionsSection } from '@/components/public/claims-section';
import { parsePublicClaimFilters, parsePublicClaimsFrom } from '@/components/public/public-claim-filters';
import { ReactionsSection } from '@/components/reactions/public/reactions-section';
import { ReliabilityBadge } from '@/components/sources/reliability-badge';
import { slugSchema } from '@/server/dossiers/dossiers.input';
import { sourceKindLabels } from '@/server/sources/sources.input';
import type { createCaller } from '@/server/trpc/root';
import { CLAIMS_PER_PAGE, claimsSection, listPublicInput, type ClaimsSectionData } from './public-claims';
import { loadReactionsSection, type ReactionsSectionData } from './public-reactions';

/**
 * The public dossier page's data and markup, apart from the page file so tests can load it through the same
 * procedures (as a signed-out reader) and render the HTML a reader gets.
 */
type Caller = ReturnType<typeof createCaller>;
type PublicDossier = Awaited<ReturnType<Caller['dossiers']['publicBySlug']>>;
type PublicSourcePage = Awaited<ReturnType<Caller['sources']['listPublic']>>;

export type PublicDossierPageData =
  | { found: false }
  | { found: true; dossier: PublicDossier; page: PublicSourcePage; claims: ClaimsSectionData; reactions: ReactionsSectionData | null };

/**
 * The page's query string: `after` pages the sources; `party`, `category` and `status` filter the claims, `from`
 * pages them; `towards` (a party id) or `map=stance` chooses what the reactions map shades.
 */
export type PublicDossierQuery = Record<string, string | string[] | undefined>;

const isRefusal = (error: unknown, code: TRPCError['code']) => error instanceof TRPCError && error.code === code;

/**
 * A published dossier, its public claims (filtered as the query string asks) and one page of its sources, or
 * `found: false` (a 404) for anything a reader must not or cannot see: a malformed slug (refused here, before any
 * query), a draft, deleted or unknown dossier, or a forged `after` link (cursors come only from our own "More
 * sources" links, so a bad one names a page that does not exist). Unknown filter values are ignored.
 */
export async function loadPublicDossierPage(
  caller: Caller,
  slug: string,
  query: PublicDossierQuery = {},
  claimsPerPage: number = CLAIMS_PER_PAGE,
): Promise<PublicDossierPageData> {
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) return { found: false };
  const after = query.after;
  try {
    const dossier = await caller.dossiers.publicBySlug({ slug: parsedSlug.data });
    const page = await caller.sources.listPublic({ slug: parsedSlug.data, cursor: typeof after === 'string' ? after : null, limit: 100 });
    // One window of whole days, filtered and paged by the database.
    const filters = parsePublicClaimFilters(query);
    const listing = await caller.claims.listPublic(listPublicInput(parsedSlug.data, filters, parsePublicClaimsFrom(query), claimsPerPage));
    const reactions = await loadReactionsSection(caller, parsedSlug.data, query);
    return { found: true, dossier, page, claims: claimsSection(listing, filters), reactions };
  } catch (error) {
    if (isRefusal(error, 'NOT_FOUND') || isRefusal(error, 'BAD_REQUEST')) return { found: false };
    throw error;
  }
}

/** Just the dossier, for the page's metadata. */
export async function loadPublicDossier(caller: Caller, slug: string): Promise<PublicDossier | null> {
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) return null;
  try {
    return await caller.dossiers.publicBySlug({ slug: parsedSlug.data });
  } catch (error) {
    if (isRefusal(error, 'NOT_FOUND') || isRefusal(error, 'BAD_REQUEST')) return null;
    throw error;
  }
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
