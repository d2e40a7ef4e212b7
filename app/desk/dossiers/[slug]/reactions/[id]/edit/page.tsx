import type { Metadata } from 'next';
import { ReactionForm } from '@/components/reactions/reaction-form';
import { reactionPaths } from '@/components/reactions/reaction-paths';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskReaction } from '../../load';

type Props = { params: Promise<{ slug: string; id: string }> };

export const metadata: Metadata = { title: 'Edit reaction' };

export default async function EditReactionPage({ params }: Props) {
  await requirePageUser('editor');
  const { slug, id } = await params;
  const { dossier, reaction } = await loadDeskReaction(slug, id);
  return (
    <>
      <PageHeading back={{ href: reactionPaths.reaction(dossier.slug, reaction.id), label: 'Reaction' }} title="Edit reaction" />
      {/* Keyed by version: "Reload" after a conflict refreshes the page and starts the form from the new version. */}
      <ReactionForm key={reaction.version} dossier={{ id: dossier.id, slug: dossier.slug }} reaction={reaction} />
    </>
  );
}
