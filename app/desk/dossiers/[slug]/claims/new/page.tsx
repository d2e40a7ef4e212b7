import type { Metadata } from 'next';
import { ClaimForm } from '@/components/claims/claim-form';
import { claimPaths } from '@/components/claims/claim-paths';
import { PageHeading } from '@/components/ui/page-heading';
import { requirePageUser } from '@/server/auth/guards';
import { loadDeskDossier } from '../../../load';
import { loadCounterclaimPrefill } from '../load';

export const metadata: Metadata = { title: 'New claim' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ counters?: string | string[] }> };

/** A new claim; `?counters=<id>` (from "Add counterclaim") prefills the relation, the other party and the date. */
export default async function NewClaimPage({ params, searchParams }: Props) {
  await requirePageUser('editor');
  const { slug } = await params;
  const { counters } = await searchParams;
  const counteredId = typeof counters === 'string' ? counters : undefined;
  const { dossier, prefill } = counteredId
    ? await loadCounterclaimPrefill(slug, counteredId)
    : { dossier: await loadDeskDossier(slug), prefill: undefined };
  return (
    <>
      <PageHeading back={{ href: claimPaths.list(dossier.slug), label: `Claims: ${dossier.title}` }} title={prefill ? 'New counterclaim' : 'New claim'}>
        {prefill ? (
          <>Answering “{prefill.relations[0]?.claim.statement}”.</>
        ) : (
          'One assertion by one claimant, with the sources it rests on.'
        )}
      </PageHeading>
      <ClaimForm dossier={{ id: dossier.id, slug: dossier.slug, status: dossier.status }} prefill={prefill} />
    </>
  );
}
