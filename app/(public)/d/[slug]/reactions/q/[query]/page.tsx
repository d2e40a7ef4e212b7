import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { EntityReactionsView } from '@/components/reactions/public/entity-reactions-view';
import { tagPublicResponse } from '@/server/public-cache/page-tags';
import { ENTITY_REACTIONS_QUERY_KEYS, readCanonicalQuery } from '@/server/public-cache/public-query';
import { readersDatabase } from '../../../../../published-dossier';
import { loadEntityReactions, reactionsPageTags } from '../../../public-reactions';

/** `query`: the canonical query string (`by=<entity id>`), made by proxy.ts from `/d/<slug>/reactions?by=…`. */
type Props = { params: Promise<{ slug: string; query: string }> };

/** Rendered on a reader's first request, then served from the cache until a write expires it (server/public-cache). */
export function generateStaticParams(): Array<{ slug: string; query: string }> {
  return [];
}

/** Read once per render, for the metadata and the page; tagged before a 404 so the cached answer expires too. */
const load = cache(async (slug: string, query: string) => {
  const by = readCanonicalQuery(query, ENTITY_REACTIONS_QUERY_KEYS)?.by;
  const overview = by ? await loadEntityReactions(await readersDatabase(), slug, by) : null;
  await tagPublicResponse(reactionsPageTags(overview));
  return overview;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, query } = await params;
  const overview = await load(slug, query);
  const entity = overview?.groups[0]?.entities[0];
  if (!overview || !entity) notFound();
  return { title: `Reactions by ${entity.entity.name}`, description: `Every published reaction by ${entity.entity.name}: ${overview.dossier.title}` };
}

/**
 * Every public reaction of one reacting state or organisation (`?by=<entity id>`), earliest first — where "All N
 * reactions by X" leads. An entity without public reactions, a malformed id or an unpublished dossier is a 404.
 */
export default async function EntityReactionsPage({ params }: Props) {
  const { slug, query } = await params;
  const overview = await load(slug, query);
  if (!overview) notFound();
  return <EntityReactionsView overview={overview} />;
}
