import type { Metadata } from 'next';
import { DossierPage, dossierMetadata } from '../../dossier-page';

/** `query`: the canonical query string of the view (server/public-cache/public-query.ts), decoded by Next. */
type Props = { params: Promise<{ slug: string; query: string }> };

/** Each view is rendered on its first request, then served from the cache until a write expires it. */
export function generateStaticParams(): Array<{ slug: string; query: string }> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, query } = await params;
  return dossierMetadata(slug, query);
}

/** A view of the dossier page (`/d/<slug>?party=…&from=…`, rewritten here by proxy.ts). */
export default async function PublicDossierViewPage({ params }: Props) {
  const { slug, query } = await params;
  return <DossierPage slug={slug} query={query} />;
}
