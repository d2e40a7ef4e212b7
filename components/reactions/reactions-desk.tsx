'use client';

import { ReactionTimeline } from './reaction-timeline';
import { ReactionsTable } from './reactions-table';
import { reactionViews, useReactionView, type ReactionView } from './use-reaction-filters';

const viewLabels: Record<ReactionView, string> = { table: 'Table', timeline: 'Timeline' };

/**
 * A dossier's reactions page body: the table (filters, sorts, CSV) or the timeline (who reacted first), switched by
 * two toggle buttons and kept in the address (`?view=timeline`); the watch list panel comes in as `aside`.
 */
export function ReactionsDesk({ dossierId, dossierSlug, aside }: { dossierId: string; dossierSlug: string; aside?: React.ReactNode }) {
  const [view, setView] = useReactionView();
  return (
    <div className="space-y-6">
      <div role="group" aria-label="View" className="inline-flex rounded-md border border-stone-300 bg-white p-0.5">
        {reactionViews.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={view === value}
            onClick={() => void setView(value === 'table' ? null : value)}
            className={`rounded px-3 py-1 text-sm font-medium transition ${view === value ? 'bg-ink text-white' : 'text-stone-700 hover:bg-stone-100'}`}
          >
            {viewLabels[value]}
          </button>
        ))}
      </div>
      <div className={aside ? 'grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(18rem,1fr)]' : undefined}>
        <div className="min-w-0">
          {view === 'timeline' ? <ReactionTimeline dossierId={dossierId} dossierSlug={dossierSlug} /> : <ReactionsTable dossierId={dossierId} dossierSlug={dossierSlug} />}
        </div>
        {aside ? <div className="self-start">{aside}</div> : null}
      </div>
    </div>
  );
}
