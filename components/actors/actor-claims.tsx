'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatClaimMoment } from '@/components/claims/claim-format';
import { claimPaths } from '@/components/claims/claim-paths';
import { ClaimStatusBadge, NeedsSourceBadge } from '@/components/claims/claim-status-badge';
import { errorMessage } from '@/components/ui/form-errors';
import { Button, ErrorBanner } from '@/components/ui/primitives';
import type { ActorClaimRole } from '@/server/claims/claims.input';
import { useTRPC } from '@/trpc/client';

const PAGE_SIZE = 25;

type RoleFilter = ActorClaimRole | 'any';

const roleFilters: ReadonlyArray<readonly [RoleFilter, string]> = [
  ['any', 'All'],
  ['claimant', 'Made by'],
  ['about', 'About'],
];

const roleLabels: Record<ActorClaimRole, string> = { claimant: 'Claimant', about: 'About' };

/**
 * Every live claim of the actor across the desk's live dossiers — the ones it made and the ones about it — newest
 * said first, a page at a time, each linking to its claim page. Claims its spokespeople or ministries made are on
 * their own pages (and count for it as a party in the dossier's claims table).
 */
export function ActorClaims({ actorId, actorName }: { actorId: string; actorName: string }) {
  const trpc = useTRPC();
  const [role, setRole] = useState<RoleFilter>('any');
  const claims = useInfiniteQuery(
    trpc.claims.byActor.infiniteQueryOptions(
      { actorId, role, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  const items = claims.data?.pages.flatMap((page) => page.items) ?? [];
  const updating = claims.isFetching && !claims.isFetchingNextPage && !claims.isPending;

  return (
    <section aria-labelledby="actor-claims-heading">
      <h2 id="actor-claims-heading" className="text-lg font-semibold text-ink">
        Claims
      </h2>
      <p className="text-sm text-stone-600">
        Claims {actorName} made and claims about {actorName}, in every dossier, newest first.
      </p>

      <fieldset className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">Show claims</legend>
        {roleFilters.map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name={`actor-claims-role-${actorId}`}
              value={value}
              checked={role === value}
              onChange={() => setRole(value)}
            />
            {value === 'any' ? label : `${label} ${actorName}`}
          </label>
        ))}
      </fieldset>

      {claims.error ? (
        <div className="mt-2">
          <ErrorBanner>{errorMessage(claims.error)}</ErrorBanner>
        </div>
      ) : null}
      {claims.isPending ? (
        <p className="mt-2 text-sm text-stone-500">Looking for claims…</p>
      ) : items.length === 0 && !claims.error ? (
        <p className="mt-2 text-sm text-stone-500">
          {role === 'claimant'
            ? `${actorName} has made no claim in any dossier yet.`
            : role === 'about'
              ? `No claim in any dossier is about ${actorName} yet.`
              : `No claim in any dossier was made by or is about ${actorName} yet.`}
        </p>
      ) : (
        <ul aria-label={`Claims of ${actorName}`} aria-busy={updating} className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {items.map((claim) => (
            <li key={claim.id} className="px-4 py-3">
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                <Link prefetch={false} href={claimPaths.claim(claim.dossier.slug, claim.id)} className="font-medium text-ink hover:underline">
                  {claim.statement}
                </Link>
                <ClaimStatusBadge status={claim.status} />
                {claim.needsSource ? <NeedsSourceBadge /> : null}
              </div>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-600">
                {claim.roles.map((entry) => (
                  <span key={entry} className="rounded bg-stone-100 px-1.5 py-0.5 font-medium text-stone-700">
                    {roleLabels[entry]}
                  </span>
                ))}
                <span>{formatClaimMoment(claim.saidAt, claim.saidPrecision)}</span>
                <span aria-hidden="true">·</span>
                <span>{claim.dossier.title}</span>
                {claim.claimant.id !== actorId ? (
                  <>
                    <span aria-hidden="true">·</span>
                    <span>
                      by {claim.claimant.name}
                      {claim.party && claim.party.id !== claim.claimant.id ? ` (${claim.party.name})` : ''}
                    </span>
                  </>
                ) : claim.party && claim.party.id !== actorId ? (
                  <>
                    <span aria-hidden="true">·</span>
                    <span>for {claim.party.name}</span>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      {claims.hasNextPage ? (
        <div className="mt-3 flex justify-center">
          <Button variant="secondary" disabled={claims.isFetchingNextPage} onClick={() => void claims.fetchNextPage()}>
            {claims.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
