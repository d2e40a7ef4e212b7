'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { buttonLinkStyle, primaryLinkStyle } from '@/components/ui/links';
import { useDeskUser } from '@/components/users/desk-user';
import { useTRPC } from '@/trpc/client';
import { reactionPaths } from './reaction-paths';

/** The dossier page's way into its international reactions: how many, the table and the timeline. */
export function DossierReactionsSummary({ dossierId, dossierSlug }: { dossierId: string; dossierSlug: string }) {
  const trpc = useTRPC();
  const { canEdit } = useDeskUser();
  const all = useQuery(trpc.reactions.count.queryOptions({ dossierId }));
  return (
    <section aria-labelledby="dossier-reactions-heading" className="mt-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="dossier-reactions-heading" className="text-xl font-semibold text-ink">
          International reactions
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={reactionPaths.list(dossierSlug)} className={buttonLinkStyle}>
            Open reactions
          </Link>
          <Link href={reactionPaths.timeline(dossierSlug)} className={buttonLinkStyle}>
            Timeline
          </Link>
          {canEdit ? (
            <Link href={reactionPaths.new(dossierSlug)} className={primaryLinkStyle}>
              Add reaction
            </Link>
          ) : null}
        </div>
      </div>
      <p className="mt-1 text-sm text-stone-600">
        {all.data === undefined ? '\u00a0' : all.data === 0 ? 'No reactions recorded yet.' : `${all.data === 1 ? '1 reaction' : `${all.data} reactions`}.`}
      </p>
    </section>
  );
}
