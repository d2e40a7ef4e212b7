import type { Metadata } from 'next';
import { DossierClaimsSummary } from '@/components/claims/dossier-claims-summary';
import { DossierOverview } from '@/components/dossiers/dossier-overview';
import { IntakeEntry } from '@/components/intake/intake-entry';
import { PartiesEditor } from '@/components/parties/parties-editor';
import { DossierReactionsSummary } from '@/components/reactions/dossier-reactions-summary';
import { HydrateClient } from '@/trpc/server';
import { prefetchDossierPage, type PageSearchParams } from '../../prefetch';
import { loadDeskDossier } from '../load';

type Props = { params: Promise<{ slug: string }>; searchParams: PageSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadDeskDossier((await params).slug)).title };
}

export default async function DossierPage({ params, searchParams }: Props) {
  const dossier = await loadDeskDossier((await params).slug);
  await prefetchDossierPage(dossier, searchParams);
  return (
    <HydrateClient>
      <DossierOverview initialDossier={dossier}>
        <IntakeEntry dossierId={dossier.id} dossierSlug={dossier.slug} />
        <PartiesEditor dossierId={dossier.id} />
        <DossierClaimsSummary dossierId={dossier.id} dossierSlug={dossier.slug} />
        <DossierReactionsSummary dossierId={dossier.id} dossierSlug={dossier.slug} />
      </DossierOverview>
    </HydrateClient>
  );
}
