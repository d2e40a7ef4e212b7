import type { Metadata } from 'next';
import { IntakeReview } from '@/components/intake/intake-review';
import { deskPaths } from '@/components/ui/links';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';
import { getQueryClient, getServerCaller, getServerTRPC, HydrateClient } from '@/trpc/server';
import { loadDeskDossier } from '../../load';

export const metadata: Metadata = { title: 'Add from article' };

type Props = { params: Promise<{ slug: string }> };

/**
 * Article intake for one dossier (editors): the editor's draft, the parties and the stored articles come with the
 * page. The draft is read afresh on every visit and handed over as a prop (not through the query cache, which may
 * still hold the copy from the editor's last visit), so coming back resumes the review as last saved.
 */
export default async function IntakePage({ params }: Props) {
  await requirePageUser('editor');
  const dossier = await loadDeskDossier((await params).slug);
  const trpc = getServerTRPC();
  const queryClient = getQueryClient();
  const [draft] = await Promise.all([
    (await getServerCaller()).intake.draft({ dossierId: dossier.id }),
    queryClient.prefetchQuery(trpc.parties.list.queryOptions({ dossierId: dossier.id })),
    queryClient.prefetchQuery(trpc.intake.sourcesWithText.queryOptions({ dossierId: dossier.id })),
  ]);
  return (
    <>
      <PageHeading back={{ href: deskPaths.dossier(dossier.slug), label: dossier.title }} title="Add from article">
        Paste a wire story: its actors, reactions and claims come back as suggestions. Nothing is created until you accept.
      </PageHeading>
      <HydrateClient>
        <IntakeReview dossier={{ id: dossier.id, slug: dossier.slug, title: dossier.title }} draft={draft} />
      </HydrateClient>
    </>
  );
}
