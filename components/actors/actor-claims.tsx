'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ClaimStatusBadge } from '@/components/claims/claim-status-badge';
import { claimPaths } from '@/components/claims/claim-paths';
import { formatDay } from '@/components/format';
import { errorMessage } from '@/components/ui/form-errors';
import { linkStyle } from '@/components/ui/links';
import { ErrorBanner } from '@/components/ui/primitives';
import { useTRPC } from '@/trpc/client';

/** Claims shown per dossier and side; the rest are one link away, in the dossier's claims table. */
const SHOWN = 5;

type Side = 'party' | 'about';

/**
 * Where the actor appears in claims, dossier by dossier: claims that count for it as a party (its own, its
 * spokespeople's, its ministries') and claims about it — the latest few of each, and a link to the dossier's claims
 * table filtered to all of them.
 */
export function ActorClaims({ actorId, actorName }: { actorId: string; actorName: string }) {
  const trpc = useTRPC();
  const dossiers = useQuery(trpc.dossiers.list.queryOptions({ deleted: false }));
  const list = dossiers.data ?? [];
  const sides: Side[] = ['party', 'about'];
  const requests = list.flatMap((dossier) => sides.map((side) => ({ dossier, side })));
  const filter = (side: Side) => (side === 'party' ? { party: [actorId] } : { about: [actorId] });
  const counts = useQueries({
    queries: requests.map(({ dossier, side }) => trpc.claims.count.queryOptions({ dossierId: dossier.id, ...filter(side) })),
  });
  const latest = useQueries({
    queries: requests.map(({ dossier, side }) =>
      trpc.claims.list.queryOptions({ dossierId: dossier.id, ...filter(side), sort: 'said', order: 'desc', limit: SHOWN }),
    ),
  });
  const loading = dossiers.isPending || counts.some((query) => query.isPending);
  const failed = dossiers.error ?? counts.find((query) => query.error)?.error ?? latest.find((query) => query.error)?.error;
  const groups = list
    .map((dossier) => ({
      dossier,
      sides: sides
        .map((side) => {
          const index = requests.findIndex((request) => request.dossier.id === dossier.id && request.side === side);
          return { side, count: counts[index]?.data ?? 0, claims: latest[index]?.data?.items ?? [] };
        })
        .filter((entry) => entry.count > 0),
    }))
    .filter((group) => group.sides.length > 0);

  return (
    <section aria-labelledby="actor-claims-heading">
      <h2 id="actor-claims-heading" className="text-lg font-semibold text-ink">
        Claims
      </h2>
      <p className="text-sm text-stone-600">
        Claims made for {actorName} as a party of a dossier (by it or those acting for it), and claims about {actorName}.
      </p>
      {failed ? (
        <div className="mt-2">
          <ErrorBanner>{errorMessage(failed)}</ErrorBanner>
        </div>
      ) : null}
      {loading ? (
        <p className="mt-2 text-sm text-stone-500">Looking for claims…</p>
      ) : groups.length === 0 ? (
        <p className="mt-2 text-sm text-stone-500">No claim in any dossier counts for or is about {actorName} yet.</p>
      ) : (
        <div className="mt-3 space-y-4">
          {groups.map(({ dossier, sides: entries }) => (
            <div key={dossier.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <h3 className="font-medium text-stone-900">{dossier.title}</h3>
              {entries.map(({ side, count, claims }) => {
                const label = side === 'party' ? `For ${actorName}` : `About ${actorName}`;
                return (
                  <div key={side} className="mt-3">
                    <h4 className="text-xs font-medium tracking-wide text-stone-500 uppercase">
                      {label} ({count})
                    </h4>
                    <ul aria-label={`${label} in ${dossier.title}`} className="mt-1 space-y-1 text-sm">
                      {claims.map((claim) => (
                        <li key={claim.id} className="flex flex-wrap items-baseline gap-x-2">
                          <Link href={claimPaths.claim(dossier.slug, claim.id)} className="text-ink hover:underline">
                            {claim.statement}
                          </Link>
                          <span className="text-xs text-stone-500">
                            {claim.claimant.name} · {formatDay(claim.saidAt)}
                          </span>
                          <ClaimStatusBadge status={claim.status} />
                        </li>
                      ))}
                    </ul>
                    {count > claims.length ? (
                      <Link
                        href={`${claimPaths.list(dossier.slug)}?${side}=${encodeURIComponent(actorId)}`}
                        className={`mt-1 inline-block text-sm ${linkStyle}`}
                      >
                        All {count} claims {side === 'party' ? 'for' : 'about'} {actorName}
                      </Link>
                    ) : null}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
