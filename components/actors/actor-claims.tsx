'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { claimPaths } from '@/components/claims/claim-paths';
import { errorMessage } from '@/components/ui/form-errors';
import { linkStyle } from '@/components/ui/links';
import { ErrorBanner } from '@/components/ui/primitives';
import { useTRPC } from '@/trpc/client';

/**
 * Where the actor appears in claims, dossier by dossier: claims about it, and claims that count for it as a party
 * (its own, its spokespeople's, its ministries'). Each count links to that dossier's claims table, filtered.
 */
export function ActorClaims({ actorId, actorName }: { actorId: string; actorName: string }) {
  const trpc = useTRPC();
  const dossiers = useQuery(trpc.dossiers.list.queryOptions({ deleted: false }));
  const list = dossiers.data ?? [];
  const about = useQueries({
    queries: list.map((dossier) => trpc.claims.count.queryOptions({ dossierId: dossier.id, about: [actorId] })),
  });
  const party = useQueries({
    queries: list.map((dossier) => trpc.claims.count.queryOptions({ dossierId: dossier.id, party: [actorId] })),
  });
  const rows = list
    .map((dossier, index) => ({ dossier, about: about[index]?.data ?? 0, party: party[index]?.data ?? 0 }))
    .filter((row) => row.about > 0 || row.party > 0);
  const loading = dossiers.isPending || about.some((query) => query.isPending) || party.some((query) => query.isPending);
  const failed = dossiers.error ?? about.find((query) => query.error)?.error ?? party.find((query) => query.error)?.error;

  return (
    <section aria-labelledby="actor-claims-heading">
      <h2 id="actor-claims-heading" className="text-lg font-semibold text-ink">
        Claims
      </h2>
      <p className="text-sm text-stone-600">Claims made for {actorName} as a party, and claims about {actorName}, per dossier.</p>
      {failed ? (
        <div className="mt-2">
          <ErrorBanner>{errorMessage(failed)}</ErrorBanner>
        </div>
      ) : null}
      {loading ? (
        <p className="mt-2 text-sm text-stone-500">Counting claims…</p>
      ) : rows.length === 0 ? (
        <p className="mt-2 text-sm text-stone-500">No claim in any dossier is by or about {actorName} yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {rows.map(({ dossier, about: aboutCount, party: partyCount }) => (
            <li key={dossier.id} className="px-4 py-2.5 text-sm">
              <span className="font-medium text-stone-900">{dossier.title}</span>
              <span className="ml-3 inline-flex flex-wrap gap-x-3">
                {partyCount > 0 ? (
                  <Link href={`${claimPaths.list(dossier.slug)}?party=${encodeURIComponent(actorId)}`} className={linkStyle}>
                    {partyCount === 1 ? '1 claim' : `${partyCount} claims`} for {actorName}
                  </Link>
                ) : null}
                {aboutCount > 0 ? (
                  <Link href={`${claimPaths.list(dossier.slug)}?about=${encodeURIComponent(actorId)}`} className={linkStyle}>
                    {aboutCount === 1 ? '1 claim' : `${aboutCount} claims`} about {actorName}
                  </Link>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
