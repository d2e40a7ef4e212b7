import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { tagPublicResponse } from '@/server/public-cache/page-tags';
import { DOSSIER_QUERY_KEYS, readCanonicalQuery } from '@/server/public-cache/public-query';
import { publicPageTags, readersDatabase } from '../../published-dossier';
import { loadPublicDossierPage, PublicDossierView, type PublicDossierPageData } from './public-dossier';

/**
 * The dossier page, shared by its plain address (`/d/<slug>`, query '') and its views (`/d/<slug>/q/<query>`, where
 * proxy.ts sends `/d/<slug>?party=…`). Loaded once per render for the metadata and the body (React `cache`, keyed
 * by the canonical query string), and tagged before a 404 so the cached answer is expired by the right writes.
 */
const load = cache(async (slug: string, query: string) => {
  // A `/q/` address the proxy would not have made is no view of this page.
  const view = query === '' ? {} : readCanonicalQuery(query, DOSSIER_QUERY_KEYS);
  const data: PublicDossierPageData = view ? await loadPublicDossierPage(await readersDatabase(), slug, view) : { found: false, tags: publicPageTags(null) };
  await tagPublicResponse(data.tags);
  return data;
});

export async function dossierMetadata(slug: string, query: string): Promise<Metadata> {
  const data = await load(slug, query);
  if (!data.found) notFound();
  return { title: data.dossier.title, description: data.dossier.summary.slice(0, 200), alternates: { canonical: `/d/${data.dossier.slug}` } };
}

/** A published dossier for readers. A malformed slug, a draft or deleted dossier, or a forged page link is a 404. */
export async function DossierPage({ slug, query }: { slug: string; query: string }) {
  const data = await load(slug, query);
  if (!data.found) notFound();
  return <PublicDossierView dossier={data.dossier} page={data.page} claims={data.claims} reactions={data.reactions} />;
}
