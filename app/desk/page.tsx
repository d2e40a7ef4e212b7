import type { Metadata } from 'next';
import { DossierList } from '@/components/desk/dossier-list';

export const metadata: Metadata = { title: 'Dossiers' };

export default function DeskHomePage() {
  return <DossierList />;
}
