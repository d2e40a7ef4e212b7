import type { Metadata } from 'next';
import { ReactionsDesk } from '@/components/reactions/reactions-desk';
import { deskPaths } from '@/components/ui/links';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';
import { HydrateClient } from '@/trpc/server';
import { prefetchReactionsPage, type PageSearchParams } from '../../../prefetch';
import { loadDeskDossier } from '../../load';

type Props = { params: Promise<{ slug: string }>; searchParams: PageSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Reactions · ${(await loadDeskDossier((await params).slug)).title}` };
}

export default async function ReactionsPage({ params, searchParams }: Props) {
  await requirePageUser('viewer');
  const dossier = await loadDeskDossier((await params).slug);
  await prefetchReactionsPage(dossier.id, searchParams);
  return (
    <>
      <PageHeading back={{ href: deskPaths.dossier(dossier.slug), label: dossier.title }} title={`Reactions: ${dossier.title}`}>
        International reactions: who said what, siding with whom, and who has not reacted yet.
      </PageHeading>
      <HydrateClient>
        <ReactionsDesk dossierId={dossier.id} dossierSlug={dossier.slug} />
      </HydrateClient>
    </>
  );
}
