import type { Metadata } from 'next';
import { ActorForm } from '@/components/actors/actor-form';
import { actorPaths } from '@/components/actors/actor-paths';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'New actor' };

export default async function NewActorPage() {
  await requirePageUser('editor');
  return (
    <>
      <PageHeading back={{ href: actorPaths.list, label: 'Actors' }} title="New actor">
        A state, organisation, body or person that makes or is named in claims. Shared by every dossier.
      </PageHeading>
      <ActorForm />
    </>
  );
}
