import type { Metadata } from 'next';
import { deskPaths } from '@/components/ui/links';
import { PageHeading } from '@/components/ui/page-heading';
import { SourceForm } from '@/components/sources/source-form';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskDossier } from '../../../load';

export const metadata: Metadata = { title: 'Add source' };

type Props = { params: Promise<{ slug: string }> };

export default async function NewSourcePage({ params }: Props) {
  await requirePageUser('editor');
  const dossier = await loadDeskDossier((await params).slug);
  return (
    <>
      <PageHeading back={{ href: deskPaths.dossier(dossier.slug), label: dossier.title }} title="Add source">
        Log something the desk relies on: an article, a statement, a post, a call.
      </PageHeading>
      <SourceForm dossier={{ id: dossier.id, slug: dossier.slug }} />
    </>
  );
}
