import type { Metadata } from 'next';
import { ClaimView } from '@/components/claims/claim-view';
import { HistoryPanel } from '@/components/history/history-panel';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskClaim } from '../load';

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const { claim } = await loadDeskClaim(slug, id);
  return { title: claim.statement.length > 80 ? `${claim.statement.slice(0, 80)}…` : claim.statement };
}

/** Everyone on the desk reads a claim here; editors also get Edit, Add counterclaim and Delete. */
export default async function ClaimPage({ params }: Props) {
  await requirePageUser('viewer');
  const { slug, id } = await params;
  const { dossier, claim } = await loadDeskClaim(slug, id);
  return (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <ClaimView dossier={{ id: dossier.id, slug: dossier.slug, title: dossier.title }} initialClaim={claim} />
      <div className="self-start">
        <HistoryPanel scope={{ kind: 'entity', entityType: 'claim', entityId: claim.id }} />
      </div>
    </div>
  );
}
