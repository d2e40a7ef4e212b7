import type { Metadata } from 'next';
import { HistoryPanel } from '@/components/history/history-panel';
import { ReactionView } from '@/components/reactions/reaction-view';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskReaction } from '../load';

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const { reaction } = await loadDeskReaction(slug, id);
  const names = reaction.signatories.map((signatory) => signatory.actor.name).join(', ');
  return { title: `Reaction: ${names.length > 80 ? `${names.slice(0, 80)}…` : names}` };
}

/** Everyone on the desk reads a reaction here; editors also get Edit and Delete / Restore. */
export default async function ReactionPage({ params }: Props) {
  await requirePageUser('viewer');
  const { slug, id } = await params;
  const { dossier, reaction } = await loadDeskReaction(slug, id);
  return (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <ReactionView dossier={{ id: dossier.id, slug: dossier.slug, title: dossier.title }} initialReaction={reaction} />
      <div className="self-start">
        <HistoryPanel scope={{ kind: 'entity', entityType: 'reaction', entityId: reaction.id }} />
      </div>
    </div>
  );
}
