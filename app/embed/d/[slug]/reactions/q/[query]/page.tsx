import type { Metadata } from 'next';
import { reactionsEmbedMetadata, ReactionsEmbedPage } from '../../reactions-embed-page';

/** `query`: the canonical query string of the map mode, made by proxy.ts. */
type Props = { params: Promise<{ slug: string; query: string }> };

export function generateStaticParams(): Array<{ slug: string; query: string }> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, query } = await params;
  return reactionsEmbedMetadata(slug, query);
}

/** A map mode of the reactions embed (`/embed/d/<slug>/reactions?map=stance`, rewritten here by proxy.ts). */
export default async function ReactionsEmbedViewPage({ params }: Props) {
  const { slug, query } = await params;
  return <ReactionsEmbedPage slug={slug} query={query} />;
}
