'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatDay, formatMoment } from '@/components/format';
import { Button, ErrorBanner } from '@/components/ui/primitives';
import { sourceKindLabels } from '@/server/sources/sources.labels';
import { useTRPC } from '@/trpc/client';
import { useDeskUser } from '@/components/users/desk-user';
import { errorMessage } from '@/components/ui/form-errors';
import { deskPaths, linkStyle } from '@/components/ui/links';

const PAGE_SIZE = 25;

export type HistoryScope =
  | { kind: 'dossier'; dossierId: string; dossierSlug: string }
  | { kind: 'source'; sourceId: string };

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  slug: 'Slug',
  summary: 'Summary',
  status: 'Status',
  eventsStartOn: 'Start date',
  eventsEndOn: 'End date',
  url: 'URL',
  outlet: 'Outlet',
  author: 'Author',
  kind: 'Kind',
  language: 'Language',
  publishedAt: 'Published at',
  retrievedAt: 'Retrieved at',
  archiveUrl: 'Archive URL',
  reliability: 'Reliability',
  internalNotes: 'Internal notes',
  deletedAt: 'Deleted at',
};
/** Bookkeeping the reader does not need in a history. */
const HIDDEN_FIELDS = new Set(['id', 'dossierId', 'urlNormalised']);

const ACTION_WORDS: Record<string, string> = {
  create: 'created',
  update: 'edited',
  delete: 'deleted',
  restore: 'restored',
  publish: 'published',
  unpublish: 'unpublished',
};

function formatValue(field: string, value: unknown): { text: string; empty: boolean } {
  if (value === null || value === undefined || value === '') return { text: 'empty', empty: true };
  if (field === 'kind' && typeof value === 'string' && value in sourceKindLabels) {
    return { text: sourceKindLabels[value as keyof typeof sourceKindLabels], empty: false };
  }
  if (field === 'status') return { text: value === 'published' ? 'Published' : 'Draft', empty: false };
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return { text: value.includes('T00:00:00.000Z') ? formatDay(value) : formatMoment(value), empty: false };
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { text: formatDay(value), empty: false };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { text, empty: false };
}

function Value({ field, value }: { field: string; value: unknown }) {
  const { text, empty } = formatValue(field, value);
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
  if (scope.kind === 'source' || entry.entityType !== 'source') return null;
  const title = entry.changes.title?.after ?? entry.changes.title?.before;
  const name = typeof title === 'string' && title ? `source “${title}”` : 'a source';
  return (
    <>
      {' '}
      {canEdit ? (
        <Link href={deskPaths.source(scope.dossierSlug, entry.entityId)} className={linkStyle}>
          {name}
        </Link>
      ) : (
        name
      )}
    </>
  );
}

function HistoryEntry({ entry, scope }: { entry: Entry; scope: HistoryScope }) {
  const changes = Object.entries(entry.changes).filter(([field]) => !HIDDEN_FIELDS.has(field));
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
              <dt className="text-stone-500">{FIELD_LABELS[field] ?? field}</dt>
              <dd className="min-w-0">
                {entry.action === 'create' ? (
                  <Value field={field} value={change.after} />
                ) : (
                  <>
                    <Value field={field} value={change.before} />
                    <span aria-hidden="true" className="mx-1.5 text-stone-400">
                      →
                    </span>
                    <span className="sr-only"> changed to </span>
                    <Value field={field} value={change.after} />
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
  const activity = useQuery(
    trpc.audit.dossierActivity.queryOptions(
      scope.kind === 'dossier' ? { dossierId: scope.dossierId, before, limit: PAGE_SIZE } : skipToken,
    ),
  );
  const history = useQuery(
    trpc.audit.history.queryOptions(
      scope.kind === 'source' ? { entityType: 'source', entityId: scope.sourceId, before, limit: PAGE_SIZE } : skipToken,
    ),
  );
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
      {isLast && oldest && entries.length === PAGE_SIZE ? (
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
        {scope.kind === 'dossier' ? 'Changes to this dossier and its sources, newest first.' : 'Changes to this source, newest first.'}
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
