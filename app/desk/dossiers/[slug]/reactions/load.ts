import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getServerCaller } from '@/trpc/server';
import { loadDeskDossier } from '../../load';

function notFoundOnMissing(error: unknown): never {
  if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
  throw error;
}

/** A reaction of that dossier (deleted ones too, so their page explains how to restore them); else a 404. */
export const loadDeskReaction = cache(async (slug: string, id: string) => {
  const dossier = await loadDeskDossier(slug);
  const caller = await getServerCaller();
  const reaction = await caller.reactions.byId({ id }).catch(notFoundOnMissing);
  if (reaction.dossierId !== dossier.id) notFound();
  return { dossier, reaction };
});

/** What `?actor=<id>` fills in on a new reaction (e.g. from the watch list: a member that has not reacted yet). */
export async function loadReactionPrefill(actorId: string | undefined) {
  if (!actorId) return undefined;
  const caller = await getServerCaller();
  const actor = await caller.actors.byId({ id: actorId }).catch(() => null);
  if (!actor || actor.deletedAt) return undefined;
  return { actors: [{ id: actor.id, name: actor.name, kind: actor.kind }] };
}
