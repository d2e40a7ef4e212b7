import type { MapMode } from './map-mode';
import { PatternDefs } from './reaction-display';
import { ReactionsGroupedList } from './reactions-grouped-list';
import { ReactionsMap } from './reactions-map';
import type { PublicReactionsOverview } from './types';

/**
 * The embeddable reactions view (/embed/d/[slug]/reactions): the map and the grouped list, no site chrome, and a
 * "Source: Claimdesk" line back to the dossier. Links that leave the view open a new tab, not inside the frame.
 */
export function ReactionsEmbed({
  overview,
  mode,
  query,
}: {
  overview: PublicReactionsOverview;
  mode: MapMode;
  query: Record<string, string | string[] | undefined>;
}) {
  const slug = overview.dossier.slug;
  const dossierUrl = `/d/${slug}#reactions`;
  return (
    <article>
      <PatternDefs />
      <h1 className="text-lg font-semibold text-ink">International reactions: {overview.dossier.title}</h1>
      {overview.total === 0 ? (
        <p className="mt-3 text-stone-500">No reactions are published yet.</p>
      ) : (
        <>
          <ReactionsMap overview={overview} mode={mode} basePath={`/embed/d/${slug}/reactions`} query={query} headingLevel={2} />
          <ReactionsGroupedList overview={overview} linkTarget="_blank" headingLevel={2} />
        </>
      )}
      <p className="mt-6 border-t border-stone-200 pt-3 text-sm text-stone-600">
        Source:{' '}
        <a href={dossierUrl} target="_blank" rel="noopener" className="font-medium text-blue-700 underline underline-offset-2">
          Claimdesk — {overview.dossier.title}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
    </article>
  );
}
