'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatClaimMoment } from '@/components/claims/claim-format';
import { NeedsSourceBadge } from '@/components/claims/claim-status-badge';
import { formatDay } from '@/components/format';
import { errorMessage } from '@/components/ui/form-errors';
import { ErrorBanner } from '@/components/ui/primitives';
import { reactionChannelLabels } from '@/server/reactions/reactions.labels';
import { useTRPC } from '@/trpc/client';
import { SignatoryNames, StanceChips, type ReactionRow } from './reaction-badges';
import { reactionPaths } from './reaction-paths';
import { reactionWords } from './reactions-columns';

const hourText = (hour: number | null) => (hour === null ? 'Time not known' : `${String(hour).padStart(2, '0')}:00–${String(hour).padStart(2, '0')}:59 UTC`);

function TimelineEntry({ reaction, order, dossierSlug }: { reaction: ReactionRow; order: number; dossierSlug: string }) {
  const words = reactionWords(reaction);
  return (
    <li className="relative rounded-lg border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-mono text-xs text-stone-500" title="Order of reaction">
          #{order}
        </span>
        <span className="text-xs whitespace-nowrap text-stone-600">{formatClaimMoment(reaction.reactedAt, reaction.reactedPrecision)}</span>
        <SignatoryNames signatories={reaction.signatories} className="text-sm text-stone-900" />
        {order === 1 ? (
          <span className="rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-900 ring-1 ring-sky-300">Earliest</span>
        ) : null}
      </div>
      <p className="mt-1 text-sm">
        <Link prefetch={false} href={reactionPaths.reaction(dossierSlug, reaction.id)} className="text-ink hover:underline">
          {words.quoted ? <q>{words.text}</q> : words.text || 'Untitled reaction'}
        </Link>
      </p>
      <div className="mt-1.5 flex flex-wrap items-center gap-2 text-xs text-stone-600">
        <StanceChips primary={reaction.primaryStance} stances={reaction.stances} />
        <span>{reactionChannelLabels[reaction.channel]}</span>
        {reaction.speaker ? <span>· via {reaction.speaker.name}</span> : null}
        {reaction.needsSource ? <NeedsSourceBadge /> : null}
      </div>
    </li>
  );
}

/**
 * A dossier's live reactions by day and hour, earliest first, so an editor sees who reacted first. A reaction known
 * only to the day comes first in its day; undated ones come last. Numbered in that order.
 */
export function ReactionTimeline({ dossierId, dossierSlug }: { dossierId: string; dossierSlug: string }) {
  const trpc = useTRPC();
  const timeline = useQuery(trpc.reactions.timeline.queryOptions({ dossierId }));
  const orderOf = new Map<string, number>();
  for (const day of timeline.data ?? []) for (const hour of day.hours) for (const reaction of hour.reactions) orderOf.set(reaction.id, orderOf.size + 1);

  return (
    <section aria-labelledby="reaction-timeline-heading">
      <h2 id="reaction-timeline-heading" className="text-xl font-semibold text-ink">
        Timeline
      </h2>
      <p className="mt-1 text-sm text-stone-600">Every live reaction by day and hour (UTC), earliest first.</p>
      {timeline.error ? (
        <div className="mt-3">
          <ErrorBanner>{errorMessage(timeline.error)}</ErrorBanner>
        </div>
      ) : null}
      {timeline.isPending ? (
        <p className="mt-4 text-sm text-stone-500">Loading timeline…</p>
      ) : timeline.data && timeline.data.length === 0 ? (
        <p className="mt-4 text-sm text-stone-500">No reactions recorded yet.</p>
      ) : (
        <ol className="mt-4 space-y-6" aria-label="Reactions by day">
          {(timeline.data ?? []).map((day) => (
            <li key={day.day ?? 'undated'}>
              <h3 className="sticky top-0 z-10 border-b border-stone-200 bg-stone-50/95 py-1 text-base font-semibold text-ink">
                {day.day ? formatDay(day.day) : 'Undated'}
              </h3>
              <ol className="mt-2 space-y-3 border-l-2 border-stone-200 pl-4" aria-label={day.day ? `Reactions on ${formatDay(day.day)}` : 'Undated reactions'}>
                {day.hours.map((hour) => (
                  <li key={hour.hour ?? 'day'}>
                    <h4 className="text-xs font-medium tracking-wide text-stone-500 uppercase">{day.day ? hourText(hour.hour) : 'Date not known'}</h4>
                    <ol className="mt-1.5 space-y-2">
                      {hour.reactions.map((reaction) => (
                        <TimelineEntry key={reaction.id} reaction={reaction} order={orderOf.get(reaction.id) ?? 0} dossierSlug={dossierSlug} />
                      ))}
                    </ol>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
