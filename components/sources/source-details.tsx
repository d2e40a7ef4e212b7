import { formatDay, formatMoment } from '@/components/format';
import { ReliabilityBadge } from '@/components/sources/reliability-badge';
import type { Source } from '@/server/sources/schema';
import { reliabilityLabels, sourceKindLabels } from '@/server/sources/sources.labels';
import { DetailsSection, type DetailRow } from '@/components/ui/details-section';
import { linkStyle } from '@/components/ui/links';

function ExternalLink({ href }: { href: string | null }) {
  if (!href) return <span className="text-stone-400">—</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className={`break-all ${linkStyle}`}>
      {href}
    </a>
  );
}

/** Every field of a source, read-only: what a viewer sees where an editor gets the form. */
export function SourceDetails({ source }: { source: Source }) {
  const rows: DetailRow[] = [
    ['URL', <ExternalLink key="url" href={source.url} />],
    ['Outlet', source.outlet || '—'],
    ['Author', source.author || '—'],
    ['Kind', sourceKindLabels[source.kind]],
    ['Language', source.language || '—'],
    ['Published at', formatDay(source.publishedAt)],
    ['Retrieved at', formatDay(source.retrievedAt)],
    ['Archive URL', <ExternalLink key="archive" href={source.archiveUrl} />],
    [
      'Reliability',
      <span key="reliability" className="inline-flex items-center gap-2">
        <ReliabilityBadge grade={source.reliability} /> {reliabilityLabels[source.reliability]}
      </span>,
    ],
    ['Internal notes', source.internalNotes ? <span className="whitespace-pre-line">{source.internalNotes}</span> : '—'],
    ['Last changed', `${formatMoment(source.updatedAt)} (version ${source.version})`],
  ];
  return (
    <DetailsSection headingId="source-details-heading" heading={source.title} rows={rows}>
      {source.deletedAt ? <p className="mt-1 text-sm text-red-700">Deleted {formatMoment(source.deletedAt)}.</p> : null}
    </DetailsSection>
  );
}
