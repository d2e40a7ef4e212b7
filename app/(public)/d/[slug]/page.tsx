import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getServerCaller } from '@/trpc/server';
import { loadPublicDossier, loadPublicDossierPage, PublicDossierView, type PublicDossierQuery } from './public-dossier';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<PublicDossierQuery> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dossier = await loadPublicDossier(await getServerCaller(), (await params).slug);
  if (!dossier) notFound();
  return { title: dossier.title, description: dossier.summary.slice(0, 200) };
}

/** A published dossier for readers. A malformed slug, a draft or deleted dossier, or a forged page link is a 404. */
export default async function PublicDossierPage({ params, searchParams }: Props) {
  const data = await loadPublicDossierPage(await getServerCaller(), (await params).slug, await searchParams);
  if (!data.found) notFound();
  return <PublicDossierView dossier={data.dossier} page={data.page} claims={data.claims} reactions={data.reactions} />;
}
