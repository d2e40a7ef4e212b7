import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { PublicReactionView } from '@/components/reactions/public/public-reaction-view';
import { reactionGist } from '@/components/reactions/public/reaction-display';
import { tagPublicResponse } from '@/server/public-cache/page-tags';
import { reactionStanceLabels } from '@/server/reactions/reactions.labels';
import { readersDatabase } from '../../../../published-dossier';
import { loadPublicReaction, reactionsPageTags } from '../../public-reactions';

type Props = { params: Promise<{ slug: string; id: string }> };

/** Rendered on a reader's first request, then served from the cache until a write expires it (server/public-cache). */
export function generateStaticParams(): Array<{ slug: string; id: string }> {
  return [];
}

/** Read once per render, for the metadata and the page; tagged before a 404 so the cached answer expires too. */
const load = cache(async (slug: string, id: string) => {
  const reaction = await loadPublicReaction(await readersDatabase(), slug, id);
  await tagPublicResponse(reactionsPageTags(reaction));
  return reaction;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const reaction = await load(slug, id);
  if (!reaction) notFound();
  const who = [...new Set(reaction.signatories.map(({ countsFor }) => countsFor.name))].join(', ');
  return {
    title: `${who}: ${reactionStanceLabels[reaction.primaryStance].toLowerCase()}`,
    description: `${reactionGist(reaction, 160)} — ${reaction.dossier.title}`.slice(0, 200),
    alternates: { canonical: `/d/${reaction.dossier.slug}/reactions/${reaction.id}` },
  };
}

/** One public reaction for readers; anything not public (unknown, draft dossier, deleted, no live source) is a 404. */
export default async function PublicReactionPage({ params }: Props) {
  const { slug, id } = await params;
  const reaction = await load(slug, id);
  if (!reaction) notFound();
  return <PublicReactionView reaction={reaction} />;
}
