import type { Metadata } from 'next';
import { DossierPage, dossierMetadata } from './dossier-page';

type Props = { params: Promise<{ slug: string }> };

/** Rendered on a reader's first request, then served from the cache until a write expires it (server/public-cache). */
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return dossierMetadata((await params).slug, '');
}

/** A published dossier for readers; its filtered and paged views are at ./q/[query] (see proxy.ts). */
export default async function PublicDossierPage({ params }: Props) {
  return <DossierPage slug={(await params).slug} query="" />;
}
