import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { EntityReactionsView } from '@/components/reactions/public/entity-reactions-view';
import { getServerCaller } from '@/trpc/server';
import { loadEntityReactions } from '../public-reactions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (slug: string, by: string | undefined) => loadEntityReactions(await getServerCaller(), slug, by));
const byOf = (query: Record<string, string | string[] | undefined>) => (typeof query.by === 'string' ? query.by : undefined);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const by = byOf(await searchParams);
  if (!by) return {};
  const overview = await load((await params).slug, by);
  const entity = overview?.groups[0]?.entities[0];
  if (!overview || !entity) notFound();
  return { title: `Reactions by ${entity.entity.name}`, description: `Every published reaction by ${entity.entity.name}: ${overview.dossier.title}` };
}

/**
 * Every public reaction of one reacting state or organisation (`?by=<entity id>`), earliest first — where "All N
 * reactions by X" leads. Without `by`, the dossier page's reactions section; an entity without public reactions, a
 * malformed id or an unpublished dossier is a 404.
 */
export default async function EntityReactionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const by = byOf(await searchParams);
  if (!by) redirect(`/d/${encodeURIComponent(slug)}#reactions`);
  const overview = await load(slug, by);
  if (!overview) notFound();
  return <EntityReactionsView overview={overview} />;
}
