'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { primaryLinkStyle } from '@/components/ui/links';
import { useDeskUser } from '@/components/users/desk-user';
import { takeAccepted } from './intake-accepted';
import { intakePath } from './intake-paths';

/** The dossier page's way into article intake (editors only), and the confirmation after an accepted one. */
export function IntakeEntry({ dossierId, dossierSlug }: { dossierId: string; dossierSlug: string }) {
  const { canEdit } = useDeskUser();
  const [accepted, setAccepted] = useState<string | null>(null);
  useEffect(() => {
    // Read after hydration: the server never sees this tab's storage.
    const message = takeAccepted(dossierId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-time read of browser-only storage
    if (message) setAccepted(message);
  }, [dossierId]);

  return (
    <div className="mt-6 space-y-3">
      <div role="status">
        {accepted ? <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{accepted}</p> : null}
      </div>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-stone-200 bg-stone-50 px-4 py-3">
          <Link href={intakePath(dossierSlug)} className={primaryLinkStyle}>
            Add from article
          </Link>
          <p className="text-sm text-stone-600">Paste a wire story: its actors, reactions and claims come back as suggestions to review.</p>
        </div>
      ) : null}
    </div>
  );
}
