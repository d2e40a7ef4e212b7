import type { Metadata } from 'next';
import { reactionsEmbedMetadata, ReactionsEmbedPage } from './reactions-embed-page';

type Props = { params: Promise<{ slug: string }> };

/** Rendered on a reader's first request, then served from the cache until a write expires it (server/public-cache). */
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return reactionsEmbedMetadata((await params).slug, '');
}

/** The reactions embed; its map modes are at ./q/[query] (see proxy.ts). */
export default async function ReactionsEmbedPlainPage({ params }: Props) {
  return <ReactionsEmbedPage slug={(await params).slug} query="" />;
}
