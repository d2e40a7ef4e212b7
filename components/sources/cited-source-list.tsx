import Link from 'next/link';
import { formatDay } from '@/components/format';
import { deskPaths, linkStyle } from '@/components/ui/links';

interface CitedSourceItem {
  source: { id: string; title: string; outlet: string; url: string | null; publishedAt: Date | string | null; deletedAt: Date | string | null };
  excerpt: string | null;
}

/**
 * The "Sources" section of a desk record that cites sources with excerpts (a claim, a reaction): each source linked
 * to its desk page (marked when deleted since), its outlet, date and URL, then the excerpt. `noneText` says what an
 * uncited record lacks.
 */
export function CitedSourceList({
  headingId,
  dossierSlug,
  sources,
  noneText,
}: {
  headingId: string;
  dossierSlug: string;
  sources: readonly CitedSourceItem[];
  noneText: string;
}) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold text-ink">
        Sources
      </h2>
      {sources.length === 0 ? (
        <p className="mt-1 text-sm text-red-800">{noneText}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {sources.map(({ source, excerpt }) => (
            <li key={source.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <p className="text-sm">
                <Link prefetch={false} href={deskPaths.source(dossierSlug, source.id)} className="font-medium text-ink hover:underline">
                  {source.title}
                </Link>
                {source.deletedAt ? <span className="ml-2 text-xs font-medium text-red-700">(source deleted)</span> : null}
              </p>
              <p className="mt-0.5 text-xs text-stone-600">
                {[source.outlet || null, source.publishedAt ? formatDay(source.publishedAt) : null].filter(Boolean).join(' · ')}
                {source.url ? (
                  <>
                    {' · '}
                    <a href={source.url} target="_blank" rel="noopener noreferrer nofollow" className={linkStyle}>
                      Open
                    </a>
                  </>
                ) : (
                  ' · No URL'
                )}
              </p>
              {excerpt ? (
                <blockquote className="mt-2 border-l-4 border-stone-300 pl-3 text-sm whitespace-pre-line text-stone-800">{excerpt}</blockquote>
              ) : (
                <p className="mt-2 text-xs text-stone-500 italic">No excerpt.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
