import type { Metadata } from 'next';
import { ActorList } from '@/components/actors/actor-list';
import { requirePageUser } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Actors' };

export default async function ActorsPage() {
  // Every desk page guards itself: a client-side navigation re-renders the page, not the shared layout.
  await requirePageUser('viewer');
  return <ActorList />;
}
