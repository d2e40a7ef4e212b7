import type { Metadata } from 'next';
import { DossierList } from '@/components/dossiers/dossier-list';
import { requirePageUser } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Dossiers' };

export default async function DeskHomePage() {
  // Every desk page guards itself: a client-side navigation re-renders the page, not the shared layout.
  await requirePageUser('viewer');
  return <DossierList />;
}
