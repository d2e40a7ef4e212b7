import type { Metadata } from 'next';
import { ActorDetails } from '@/components/actors/actor-details';
import { ActorClaims } from '@/components/actors/actor-claims';
import { HistoryPanel } from '@/components/history/history-panel';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskActor } from '../load';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadDeskActor((await params).id)).name };
}

/** Everyone on the desk reads an actor here; editors get Edit / Delete, admins Merge. */
export default async function ActorPage({ params }: Props) {
  await requirePageUser('viewer');
  const actor = await loadDeskActor((await params).id);
  return (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <ActorDetails initialActor={actor}>
        <ActorClaims actorId={actor.id} actorName={actor.name} />
      </ActorDetails>
      <div className="self-start">
        <HistoryPanel scope={{ kind: 'entity', entityType: 'actor', entityId: actor.id }} />
      </div>
    </div>
  );
}
