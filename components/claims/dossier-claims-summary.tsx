'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { buttonLinkStyle, primaryLinkStyle } from '@/components/ui/links';
import { useDeskUser } from '@/components/users/desk-user';
import { useTRPC } from '@/trpc/client';
import { claimPaths } from './claim-paths';

/** The dossier page's way into its claims: how many, how many still need a source, and the table. */
export function DossierClaimsSummary({ dossierId, dossierSlug }: { dossierId: string; dossierSlug: string }) {
  const trpc = useTRPC();
  const { canEdit } = useDeskUser();
  const all = useQuery(trpc.claims.count.queryOptions({ dossierId }));
  const needsSource = useQuery(trpc.claims.count.queryOptions({ dossierId, needsSource: true }));
  return (
    <section aria-labelledby="dossier-claims-heading" className="mt-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="dossier-claims-heading" className="text-xl font-semibold text-ink">
          Claims
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={claimPaths.list(dossierSlug)} className={buttonLinkStyle}>
            Open claims
          </Link>
          {canEdit ? (
            <Link href={claimPaths.new(dossierSlug)} className={primaryLinkStyle}>
              New claim
            </Link>
          ) : null}
        </div>
      </div>
      <p className="mt-1 text-sm text-stone-600">
        {all.data === undefined
          ? '\u00a0'
          : all.data === 0
            ? 'No claims recorded yet.'
            : `${all.data === 1 ? '1 claim' : `${all.data} claims`}${needsSource.data ? `, ${needsSource.data} still needing a source` : ''}.`}
      </p>
    </section>
  );
}
