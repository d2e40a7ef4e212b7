import type { Metadata } from 'next';
import { DossierForm } from '@/components/dossiers/dossier-form';
import { deskPaths } from '@/components/ui/links';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskDossier } from '../../load';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageUser('editor');
  return { title: `Edit ${(await loadDeskDossier((await params).slug)).title}` };
}

export default async function EditDossierPage({ params }: Props) {
  await requirePageUser('editor');
  const dossier = await loadDeskDossier((await params).slug);
  return (
    <>
      <PageHeading back={{ href: deskPaths.dossier(dossier.slug), label: dossier.title }} title="Edit dossier" />
      {/* Keyed by version: "Reload" after a conflict refreshes the page and starts the form from the new version. */}
      <DossierForm key={dossier.version} dossier={dossier} />
    </>
  );
}
