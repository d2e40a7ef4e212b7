import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { PublicClaimView } from '@/components/public/public-claim-view';
import { requestNonce, siteOrigin } from '@/components/public/request-context';
import { verificationStatusLabels } from '@/server/claims/claims.labels';
import { getServerCaller } from '@/trpc/server';
import { loadPublicClaimPage, publicClaimPath } from './public-claim';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; id: string }> };

/** Read once per request, for the metadata and the page. */
const load = cache(async (slug: string, id: string) => loadPublicClaimPage(await getServerCaller(), slug, id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const data = await load(slug, id);
  if (!data.found) notFound();
  const { claim, dossier } = data;
  const title = claim.statement.length > 90 ? `${claim.statement.slice(0, 89).trimEnd()}…` : claim.statement;
  const description = [`${claim.claimant.name}: ${verificationStatusLabels[claim.status]}`, claim.statusExplanation, dossier.title]
    .filter(Boolean)
    .join(' — ')
    .slice(0, 200);
  return { title, description, alternates: { canonical: publicClaimPath(dossier.slug, claim.id) } };
}

/** A public claim for readers; anything not public (unknown, draft dossier, deleted, needs source) is a 404. */
export default async function PublicClaimPage({ params }: Props) {
  const { slug, id } = await params;
  const data = await load(slug, id);
  if (!data.found) notFound();
  const url = `${await siteOrigin()}${publicClaimPath(data.dossier.slug, data.claim.id)}`;
  return <PublicClaimView dossier={data.dossier} claim={data.claim} url={url} nonce={await requestNonce()} />;
}
