import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { PublicReactionView } from '@/components/reactions/public/public-reaction-view';
import { reactionGist } from '@/components/reactions/public/reaction-display';
import { reactionStanceLabels } from '@/server/reactions/reactions.labels';
import { getServerCaller } from '@/trpc/server';
import { loadPublicReaction } from '../../public-reactions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; id: string }> };

/** Read once per request, for the metadata and the page. */
const load = cache(async (slug: string, id: string) => loadPublicReaction(await getServerCaller(), slug, id));

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
