import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActorForm } from '@/components/actors/actor-form';
import { actorPaths } from '@/components/actors/actor-paths';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskActor } from '../../load';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageUser('editor');
  return { title: `Edit ${(await loadDeskActor((await params).id)).name}` };
}

export default async function EditActorPage({ params }: Props) {
  await requirePageUser('editor');
  const actor = await loadDeskActor((await params).id);
  // A deleted or merged actor is restored (or left) from its page, not edited.
  if (actor.deletedAt) notFound();
  return (
    <>
      <PageHeading back={{ href: actorPaths.actor(actor.id), label: actor.name }} title="Edit actor" />
      {/* Keyed by version: "Reload" after a conflict refreshes the page and starts the form from the new version. */}
      <ActorForm key={actor.version} actor={actor} />
    </>
  );
}
