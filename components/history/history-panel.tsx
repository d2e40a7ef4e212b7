'use client';

import { useQuery } from '@tanstack/react-query';
import type { inferRouterInputs } from '@trpc/server';
import Link from 'next/link';
import { useState } from 'react';
import { formatMoment } from '@/components/format';
import { fieldLabel, formatHistoryValue, isHiddenField } from '@/components/history/history-entity';
import { HISTORY_PAGE_SIZE, historyQueries } from '@/components/history/history-queries';
import { historyEntity } from '@/components/history/history-registry';
import { errorMessage } from '@/components/ui/form-errors';
import { linkStyle } from '@/components/ui/links';
import { Button, ErrorBanner } from '@/components/ui/primitives';
import { useDeskUser } from '@/components/users/desk-user';
import type { AppRouter } from '@/server/trpc/root';
import { useTRPC } from '@/trpc/client';

/** The kinds of record whose own history a viewer may read: what audit.history accepts (not users). */
export type HistoryEntityType = inferRouterInputs<AppRouter>['audit']['history']['entityType'];

/**
 * A dossier's page shows every change in the dossier (its own and its records', each entry linking to the record's
 * page when its domain gives one); a record's page shows its own. How each kind of record reads (its noun, field
 * labels, enum values, link) comes from components/history/history-registry.ts.
 */
export type HistoryScope =
  | { kind: 'dossier'; dossierId: string; dossierSlug: string }
  | { kind: 'entity'; entityType: HistoryEntityType; entityId: string };

const ACTION_WORDS: Record<string, string> = {
  create: 'created',
  update: 'edited',
  delete: 'deleted',
  restore: 'restored',
  publish: 'published',
  unpublish: 'unpublished',
};

function Value({ entityType, field, value }: { entityType: string; field: string; value: unknown }) {
  const { text, empty } = formatHistoryValue(historyEntity(entityType), field, value);
  if (empty) return <span className="text-stone-400 italic">{text}</span>;
  const short = text.length > 160 ? `${text.slice(0, 160)}…` : text;
  return (
    <span className="break-words whitespace-pre-line text-stone-800" title={short === text ? undefined : text}>
      {short}
    </span>
  );
}

interface Entry {
  id: number;
  occurredAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  actorEmail: string | null;
}

function EntrySubject({ entry, scope }: { entry: Entry; scope: HistoryScope }) {
  const { canEdit } = useDeskUser();
  if (scope.kind !== 'dossier' || entry.entityType === 'dossier') return null;
  const entity = historyEntity(entry.entityType);
  const name = entity.describe?.(entry.changes) ?? `a ${entity.noun}`;
  const href = entity.href?.({ entityId: entry.entityId, dossierSlug: scope.dossierSlug, canEdit }) ?? null;
  return (
    <>
      {' '}
      {href ? (
        <Link prefetch={false} href={href} className={linkStyle}>
          {name}
        </Link>
      ) : (
        name
      )}
    </>
  );
}

function HistoryEntry({ entry, scope }: { entry: Entry; scope: HistoryScope }) {
  const entity = historyEntity(entry.entityType);
  const changes = Object.entries(entry.changes).filter(([field]) => !isHiddenField(entity, field));
  // A create lists what was set; delete and restore say it all in their verb.
  const shown = entry.action === 'create' ? changes.filter(([, change]) => change.after !== null && change.after !== '') : changes;
  const showChanges = entry.action !== 'delete' && entry.action !== 'restore' && shown.length > 0;
  return (
    <li className="py-3">
      <p className="text-sm">
        <span className="font-medium text-stone-900">{entry.actorEmail ?? 'System'}</span>{' '}
        <span className="text-stone-700">{ACTION_WORDS[entry.action] ?? entry.action}</span>
        {scope.kind === 'dossier' && entry.entityType === 'dossier' ? <span className="text-stone-700"> the dossier</span> : null}
        <EntrySubject entry={entry} scope={scope} />
        <span className="text-stone-500">
          {' · '}
          <time dateTime={new Date(entry.occurredAt).toISOString()}>{formatMoment(entry.occurredAt)}</time>
        </span>
      </p>
      {showChanges ? (
        <dl className="mt-2 grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-1 rounded-md bg-stone-50 px-3 py-2 text-sm">
          {shown.map(([field, change]) => (
            <div key={field} className="contents">
              <dt className="text-stone-500">{fieldLabel(entity, field)}</dt>
              <dd className="min-w-0">
                {entry.action === 'create' ? (
                  <Value entityType={entry.entityType} field={field} value={change.after} />
                ) : (
                  <>
                    <Value entityType={entry.entityType} field={field} value={change.before} />
                    <span aria-hidden="true" className="mx-1.5 text-stone-400">
                      →
                    </span>
                    <span className="sr-only"> changed to </span>
                    <Value entityType={entry.entityType} field={field} value={change.after} />
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

function HistoryPage({
  scope,
  before,
  isLast,
  onOlder,
}: {
  scope: HistoryScope;
  before: number | undefined;
  isLast: boolean;
  onOlder: (before: number) => void;
}) {
  const trpc = useTRPC();
  const queries = historyQueries(trpc, scope, before);
  const activity = useQuery(queries.activity);
  const history = useQuery(queries.history);
  const query = scope.kind === 'dossier' ? activity : history;
  if (query.isPending) return <p className="py-3 text-sm text-stone-500">Loading history…</p>;
  if (query.error) return <ErrorBanner>{errorMessage(query.error)}</ErrorBanner>;
  const entries = query.data;
  if (entries.length === 0 && before === undefined) return <p className="py-3 text-sm text-stone-500">No changes recorded yet.</p>;
  const oldest = entries[entries.length - 1];
  return (
    <>
      <ol className="divide-y divide-stone-100">
        {entries.map((entry) => (
          <HistoryEntry key={entry.id} entry={entry} scope={scope} />
        ))}
      </ol>
      {isLast && oldest && entries.length === HISTORY_PAGE_SIZE ? (
        <Button variant="secondary" className="mt-2" onClick={() => onOlder(oldest.id)}>
          Show older changes
        </Button>
      ) : null}
    </>
  );
}

/** Who changed what and when, from the audit log, newest first. */
export function HistoryPanel({ scope }: { scope: HistoryScope }) {
  const [pages, setPages] = useState<Array<number | undefined>>([undefined]);
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-stone-200 bg-white px-4 py-3">
      <h2 id="history-heading" className="text-lg font-semibold text-ink">
        History
      </h2>
      <p className="text-xs text-stone-500">
        {scope.kind === 'dossier'
          ? 'Changes to this dossier and everything in it, newest first.'
          : `Changes to this ${historyEntity(scope.entityType).noun}, newest first.`}
      </p>
      {pages.map((before, index) => (
        <HistoryPage
          key={before ?? 'latest'}
          scope={scope}
          before={before}
          isLast={index === pages.length - 1}
          onOlder={(id) => setPages((current) => [...current, id])}
        />
      ))}
    </section>
  );
}
