import type { Metadata } from 'next';
import { ReactionForm } from '@/components/reactions/reaction-form';
import { reactionPaths } from '@/components/reactions/reaction-paths';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskDossier } from '../../../load';
import { loadReactionPrefill } from '../load';

export const metadata: Metadata = { title: 'New reaction' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ actor?: string | string[] }> };

/** A new reaction; `?actor=<id>` starts it with that actor as signatory. */
export default async function NewReactionPage({ params, searchParams }: Props) {
  await requirePageUser('editor');
  const { slug } = await params;
  const { actor } = await searchParams;
  const dossier = await loadDeskDossier(slug);
  const prefill = await loadReactionPrefill(typeof actor === 'string' ? actor : undefined);
  return (
    <>
      <PageHeading back={{ href: reactionPaths.list(dossier.slug), label: `Reactions: ${dossier.title}` }} title="New reaction">
        One statement or act, by one actor or jointly by several, with the sources that report it.
      </PageHeading>
      <ReactionForm dossier={{ id: dossier.id, slug: dossier.slug }} prefill={prefill} />
    </>
  );
}
