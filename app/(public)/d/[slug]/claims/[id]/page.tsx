import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { PublicClaimView } from '@/components/public/public-claim-view';
import { siteOrigin } from '@/components/public/request-context';
import { verificationStatusLabels } from '@/server/claims/claims.labels';
import { tagPublicResponse } from '@/server/public-cache/page-tags';
import { readersDatabase } from '../../../../published-dossier';
import { loadPublicClaimPage, publicClaimPath } from './public-claim';

type Props = { params: Promise<{ slug: string; id: string }> };

/** Rendered on a reader's first request, then served from the cache until a write expires it (server/public-cache). */
export function generateStaticParams(): Array<{ slug: string; id: string }> {
  return [];
}

/** Read once per render, for the metadata and the page; tagged before a 404 so the cached answer expires too. */
const load = cache(async (slug: string, id: string) => {
  const data = await loadPublicClaimPage(await readersDatabase(), slug, id);
  await tagPublicResponse(data.tags);
  return data;
});

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
  const url = `${siteOrigin()}${publicClaimPath(data.dossier.slug, data.claim.id)}`;
  return <PublicClaimView dossier={data.dossier} claim={data.claim} url={url} />;
}
