import type { Metadata } from 'next';
import { HistoryPanel } from '@/components/desk/history-panel';
import { deskPaths } from '@/components/desk/links';
import { PageHeading } from '@/components/desk/page-heading';
import { SourceForm } from '@/components/desk/source-form';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskSource } from '../../../load';

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageUser('editor');
  const { slug, id } = await params;
  return { title: `Edit ${(await loadDeskSource(slug, id)).source.title}` };
}

export default async function EditSourcePage({ params }: Props) {
  await requirePageUser('editor');
  const { slug, id } = await params;
  const { dossier, source } = await loadDeskSource(slug, id);
  return (
    <>
      <PageHeading back={{ href: deskPaths.dossier(dossier.slug), label: dossier.title }} title="Edit source" />
      <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {/* Keyed by version: "Reload" after a conflict refreshes the page and starts the form from the new version. */}
        <SourceForm key={source.version} dossier={{ id: dossier.id, slug: dossier.slug }} source={source} />
        <div className="self-start">
          <HistoryPanel scope={{ kind: 'source', sourceId: source.id }} />
        </div>
      </div>
    </>
  );
}
