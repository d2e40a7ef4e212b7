import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { formatDay, formatDayRange } from '@/components/format';
import { ReliabilityBadge } from '@/components/reliability-badge';
import { sourceKindLabels } from '@/server/sources/sources.input';
import { getServerCaller } from '@/trpc/server';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string | string[] }> };

async function loadDossier(slug: string) {
  const caller = await getServerCaller();
  try {
    return await caller.dossiers.publicBySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dossier = await loadDossier((await params).slug);
  return { title: dossier.title, description: dossier.summary.slice(0, 200) };
}

export default async function PublicDossierPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const after = (await searchParams).after;
  const dossier = await loadDossier(slug);
  const caller = await getServerCaller();
  const page = await caller.sources
    .listPublic({ slug, cursor: typeof after === 'string' ? after : null, limit: 100 })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return { items: [], nextCursor: null };
      throw error;
    });

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
