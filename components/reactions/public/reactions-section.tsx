import { NotYetReacted } from './not-yet-reacted';
import { ReactionCounts } from './reaction-counts';
import { PatternDefs } from './reaction-display';
import { ReactionsGroupedList } from './reactions-grouped-list';
import { ReactionsMap } from './reactions-map';
import type { MapMode } from './map-mode';
import type { PublicReactionsOverview } from './types';

const count = (n: number) => `${n} published ${n === 1 ? 'reaction' : 'reactions'}`;

/** The public dossier page's "International reactions": the map, the counts, the grouped list and who has not reacted. */
export function ReactionsSection({
  overview,
  mode,
  query,
}: {
  overview: PublicReactionsOverview;
  mode: MapMode;
  /** The dossier page's query string, kept by the map's mode links. */
  query?: Record<string, string | string[] | undefined>;
}) {
  const slug = overview.dossier.slug;
  const reacting = overview.groups.reduce((sum, group) => sum + group.entities.length, 0);
  return (
    <section id="reactions" className="mt-10 scroll-mt-4" aria-labelledby="reactions-heading">
      <PatternDefs />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="reactions-heading" className="text-xl font-semibold text-ink">
          International reactions
        </h2>
        <p className="flex gap-4 text-sm">
          <a href={`/d/${slug}/reactions.csv`} className="text-blue-700 underline underline-offset-4" download>
            Download reactions (CSV)
          </a>
          <a href={`/embed/d/${slug}/reactions`} className="text-blue-700 underline underline-offset-4">
            Embeddable version
          </a>
        </p>
      </div>
      <p className="mt-2 max-w-3xl text-sm text-stone-600">
        What states and international organisations said and did, coded by stance and by where they stand towards each
        party, each with the sources it rests on.
      </p>
      {overview.total === 0 ? (
        <>
          <p className="mt-4 text-stone-500">No reactions are published yet.</p>
          <NotYetReacted actors={overview.notYetReacted} />
        </>
      ) : (
        <>
          <p className="mt-3 text-sm text-stone-700">
            {count(overview.total)} from {reacting} {reacting === 1 ? 'state or organisation' : 'states and organisations'}.
          </p>
          <ReactionsMap overview={overview} mode={mode} basePath={`/d/${slug}`} query={query} />
          <ReactionCounts overview={overview} />
          <ReactionsGroupedList overview={overview} />
          <NotYetReacted actors={overview.notYetReacted} />
        </>
      )}
    </section>
  );
}
