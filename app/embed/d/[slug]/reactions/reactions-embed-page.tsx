import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { ReactionsEmbed } from '@/components/reactions/public/reactions-embed';
import { tagPublicResponse } from '@/server/public-cache/page-tags';
import { REACTIONS_EMBED_QUERY_KEYS, readCanonicalQuery } from '@/server/public-cache/public-query';
import { loadReactionsSection, reactionsPageTags } from '@/app/(public)/d/[slug]/public-reactions';
import { readersDatabase } from '@/app/(public)/published-dossier';

/**
 * The reactions embed, shared by its plain address (query '') and its map modes (`./q/<query>`, where proxy.ts
 * sends `?map=stance` / `?towards=…`). Loaded once per render; tagged before a 404 so the cached answer expires too.
 */
const load = cache(async (slug: string, query: string) => {
  const view = query === '' ? {} : readCanonicalQuery(query, REACTIONS_EMBED_QUERY_KEYS);
  const data = view ? await loadReactionsSection(await readersDatabase(), slug, view) : null;
  await tagPublicResponse(reactionsPageTags(data?.overview ?? null));
  return data;
});

export async function reactionsEmbedMetadata(slug: string, query: string): Promise<Metadata> {
  const data = await load(slug, query);
  if (!data) notFound();
  return { title: `International reactions: ${data.overview.dossier.title}`, robots: { index: false } };
}

/** The reactions map and grouped list of a published dossier, for another site's iframe; a 404 unless published. */
export async function ReactionsEmbedPage({ slug, query }: { slug: string; query: string }) {
  const data = await load(slug, query);
  if (!data) notFound();
  return <ReactionsEmbed {...data} />;
}
