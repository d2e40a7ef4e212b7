import type { Metadata } from 'next';
import { ClaimsTable } from '@/components/claims/claims-table';
import { deskPaths } from '@/components/ui/links';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';
import { HydrateClient } from '@/trpc/server';
import { prefetchClaimsPage, type PageSearchParams } from '../../../prefetch';
import { loadDeskDossier } from '../../load';

type Props = { params: Promise<{ slug: string }>; searchParams: PageSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Claims · ${(await loadDeskDossier((await params).slug)).title}` };
}

export default async function ClaimsPage({ params, searchParams }: Props) {
  await requirePageUser('viewer');
  const dossier = await loadDeskDossier((await params).slug);
  await prefetchClaimsPage(dossier.id, searchParams);
  return (
    <>
      <PageHeading back={{ href: deskPaths.dossier(dossier.slug), label: dossier.title }} title={`Claims: ${dossier.title}`}>
        Who says what about whom, graded and sourced, with the other side’s answers.
      </PageHeading>
      <HydrateClient>
        <ClaimsTable dossierId={dossier.id} dossierSlug={dossier.slug} />
      </HydrateClient>
    </>
  );
}
