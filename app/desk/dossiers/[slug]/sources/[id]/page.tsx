import type { Metadata } from 'next';
import { HistoryPanel } from '@/components/history/history-panel';
import { deskPaths } from '@/components/ui/links';
import { PageHeading } from '@/components/ui/page-heading';
import { SourceDetails } from '@/components/sources/source-details';
import { SourceForm } from '@/components/sources/source-form';
import { requirePageUser } from '@/server/auth/guards';
import { hasRole } from '@/server/auth/roles';
import { loadDeskSource } from '../../../load';

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requirePageUser('viewer');
  const { slug, id } = await params;
  const { source } = await loadDeskSource(slug, id);
  return { title: hasRole(user.role, 'editor') ? `Edit ${source.title}` : source.title };
}

/** Editors get the form; viewers, who read the desk, get every field read-only. Both see the history. */
export default async function SourcePage({ params }: Props) {
  const user = await requirePageUser('viewer');
  const { slug, id } = await params;
  const { dossier, source } = await loadDeskSource(slug, id);
  const canEdit = hasRole(user.role, 'editor');
  return (
    <>
      <PageHeading back={{ href: deskPaths.dossier(dossier.slug), label: dossier.title }} title={canEdit ? 'Edit source' : 'Source'} />
      <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {canEdit ? (
          // Keyed by version: "Reload" after a conflict refreshes the page and starts the form from the new version.
          <SourceForm key={source.version} dossier={{ id: dossier.id, slug: dossier.slug }} source={source} />
        ) : (
          <SourceDetails source={source} />
        )}
        <div className="self-start">
          <HistoryPanel scope={{ kind: 'entity', entityType: 'source', entityId: source.id }} />
        </div>
      </div>
    </>
  );
}
