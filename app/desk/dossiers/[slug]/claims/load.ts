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

/** A claim of that dossier (deleted ones too, so their page explains how to restore them); else a 404. */
export const loadDeskClaim = cache(async (slug: string, id: string) => {
  const dossier = await loadDeskDossier(slug);
  const caller = await getServerCaller();
  const claim = await caller.claims.byId({ id }).catch(notFoundOnMissing);
  if (claim.dossierId !== dossier.id) notFound();
  return { dossier, claim };
});

/** What "Add counterclaim" fills in: the relation, the next party of the dossier as claimant, the same day. */
export async function loadCounterclaimPrefill(slug: string, counteredId: string) {
  const { dossier, claim } = await loadDeskClaim(slug, counteredId);
  if (claim.deletedAt) return { dossier, prefill: undefined };
  const caller = await getServerCaller();
  const parties = await caller.parties.list({ dossierId: dossier.id });
  const ownParty = claim.party?.id ?? claim.claimant.id;
  const other = parties.find((party) => party.actor.id !== ownParty);
  return {
    dossier,
    prefill: {
      claimant: other ? { id: other.actor.id, name: other.actor.name, kind: other.actor.kind } : null,
      // The countered claim's side is usually what the answer is about.
      about: claim.party ? [{ id: claim.party.id, name: claim.party.name }] : [],
      saidAt: claim.saidAt,
      saidPrecision: claim.saidPrecision,
      category: claim.category,
      relations: [
        { kind: 'counters' as const, claim: { id: claim.id, statement: claim.statement, claimantName: claim.claimant.name } },
      ],
    },
  };
}
