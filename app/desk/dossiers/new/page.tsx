import type { Metadata } from 'next';
import { DossierForm } from '@/components/dossiers/dossier-form';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'New dossier' };

export default async function NewDossierPage() {
  await requirePageUser('editor');
  return (
    <>
      <PageHeading back={{ href: '/desk', label: 'Dossiers' }} title="New dossier" />
      <DossierForm />
    </>
  );
}
