import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requirePageUser } from '@/server/auth/guards';
import { getServerCaller } from '@/trpc/server';

/** A missing (or malformed) id or slug is a 404 page, not an error page. */
function notFoundOnMissing(error: unknown): never {
  if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
  throw error;
}

/** The live dossier for a desk page, through the same tRPC procedures (and authorization) as the browser. */
export const loadDeskDossier = cache(async (slug: string) => {
  await requirePageUser('viewer');
  const caller = await getServerCaller();
  return caller.dossiers.bySlug({ slug }).catch(notFoundOnMissing);
});

/** A source of that dossier (deleted ones too, so their page explains how to restore them). */
export const loadDeskSource = cache(async (slug: string, id: string) => {
  const dossier = await loadDeskDossier(slug);
  const caller = await getServerCaller();
  const source = await caller.sources.byId({ id }).catch(notFoundOnMissing);
  if (source.dossierId !== dossier.id) notFound();
  return { dossier, source };
});
