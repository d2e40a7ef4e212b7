import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { ReactionsEmbed } from '@/components/reactions/public/reactions-embed';
import { getServerCaller } from '@/trpc/server';
import { loadReactionsSection, type Query } from '@/app/(public)/d/[slug]/public-reactions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Query> };

const load = cache(async (slug: string, query: Query) => loadReactionsSection(await getServerCaller(), slug, query));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await load((await params).slug, await searchParams);
  if (!data) notFound();
  return { title: `International reactions: ${data.overview.dossier.title}`, robots: { index: false } };
}

/** The reactions map and grouped list of a published dossier, for another site's iframe; a 404 unless published. */
export default async function ReactionsEmbedPage({ params, searchParams }: Props) {
  const data = await load((await params).slug, await searchParams);
  if (!data) notFound();
  return <ReactionsEmbed {...data} />;
}
