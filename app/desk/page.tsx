import type { Metadata } from 'next';
import { DossierList } from '@/components/dossiers/dossier-list';
import { requirePageUser } from '@/server/auth/guards';
import { HydrateClient } from '@/trpc/server';
import { prefetchDossierList, type PageSearchParams } from './prefetch';

export const metadata: Metadata = { title: 'Dossiers' };

export default async function DeskHomePage({ searchParams }: { searchParams: PageSearchParams }) {
  // Every desk page guards itself: a client-side navigation re-renders the page, not the shared layout.
  await requirePageUser('viewer');
  await prefetchDossierList(searchParams);
  return (
    <HydrateClient>
      <DossierList />
    </HydrateClient>
  );
}
