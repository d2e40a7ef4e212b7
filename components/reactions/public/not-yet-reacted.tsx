import { actorKindLabels } from '@/server/actors/actors.labels';
import type { PublicActorRef } from './types';

/** The desk's watch list, when it chose to publish it: who has no published reaction yet. */
export function NotYetReacted({ actors }: { actors: readonly PublicActorRef[] | null }) {
  if (actors === null) return null;
  return (
    <section aria-labelledby="not-yet-reacted-heading" className="mt-8">
      <h3 id="not-yet-reacted-heading" className="text-lg font-semibold text-ink">
        Not yet reacted
      </h3>
      <p className="mt-1 text-sm text-stone-600">From the states and organisations the desk is watching, these have no published reaction yet.</p>
      {actors.length === 0 ? (
        <p className="mt-2 text-sm text-stone-500">Every one of them has reacted.</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {actors.map((actor) => (
            <li key={actor.id} className="rounded-full bg-white px-3 py-1 ring-1 ring-stone-300">
              {actor.name}
              <span className="sr-only"> ({actorKindLabels[actor.kind]})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
