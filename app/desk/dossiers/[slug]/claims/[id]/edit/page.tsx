import type { Metadata } from 'next';
import { ClaimForm } from '@/components/claims/claim-form';
import { claimPaths } from '@/components/claims/claim-paths';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskClaim } from '../../load';

type Props = { params: Promise<{ slug: string; id: string }> };

export const metadata: Metadata = { title: 'Edit claim' };

export default async function EditClaimPage({ params }: Props) {
  await requirePageUser('editor');
  const { slug, id } = await params;
  const { dossier, claim } = await loadDeskClaim(slug, id);
  return (
    <>
      <PageHeading back={{ href: claimPaths.claim(dossier.slug, claim.id), label: 'Claim' }} title="Edit claim" />
      {/* Keyed by version: "Reload" after a conflict refreshes the page and starts the form from the new version. */}
      <ClaimForm key={claim.version} dossier={{ id: dossier.id, slug: dossier.slug, status: dossier.status }} claim={claim} />
    </>
  );
}
