'use client';

import { useDeskUser } from '@/components/users/desk-user';
import { WatchListPanel } from '@/components/watch-lists/watch-list-panel';
import { ReactionTimeline } from './reaction-timeline';
import { ReactionsTable } from './reactions-table';
import { reactionViews, useReactionView, type ReactionView } from './use-reaction-filters';

const viewLabels: Record<ReactionView, string> = { table: 'Table', timeline: 'Timeline' };

/**
 * A dossier's reactions page body: the table (filters, sorts, CSV) or the timeline (who reacted first), switched by
 * two toggle buttons and kept in the address (`?view=timeline`), and the watch list ("Who has not reacted") beside
 * the timeline or under the wide table.
 */
export function ReactionsDesk({ dossierId, dossierSlug }: { dossierId: string; dossierSlug: string }) {
  const { canEdit } = useDeskUser();
  const [view, setView] = useReactionView();
  const watchList = <WatchListPanel dossierId={dossierId} canEdit={canEdit} />;
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
      {view === 'timeline' ? (
        <div className="grid gap-8 2xl:grid-cols-2">
          <div className="min-w-0">
            <ReactionTimeline dossierId={dossierId} dossierSlug={dossierSlug} />
          </div>
          <div className="self-start 2xl:[&>section]:mt-0">{watchList}</div>
        </div>
      ) : (
        <>
          <ReactionsTable dossierId={dossierId} dossierSlug={dossierSlug} />
          {watchList}
        </>
      )}
    </div>
  );
}
