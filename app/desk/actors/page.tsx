import type { Metadata } from 'next';
import { ActorList } from '@/components/actors/actor-list';
import { requirePageUser } from '@/server/auth/guards';
import { HydrateClient } from '@/trpc/server';
import { prefetchActorList, type PageSearchParams } from '../prefetch';

export const metadata: Metadata = { title: 'Actors' };

export default async function ActorsPage({ searchParams }: { searchParams: PageSearchParams }) {
  // Every desk page guards itself: a client-side navigation re-renders the page, not the shared layout.
  await requirePageUser('viewer');
  await prefetchActorList(searchParams);
  return (
    <HydrateClient>
      <ActorList />
    </HydrateClient>
  );
}
