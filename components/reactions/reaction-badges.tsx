import type { inferRouterOutputs } from '@trpc/server';
import { alignmentLabels, reactionStanceLabels, reactionStanceShortLabels, type Alignment, type ReactionStance } from '@/server/reactions/reactions.labels';
import type { AppRouter } from '@/server/trpc/root';

/** One reaction as the desk list and timeline receive it (signatories, targets, alignments, sources, needsSource). */
export type ReactionRow = inferRouterOutputs<AppRouter>['reactions']['list']['items'][number];
/** One reaction as its desk page and form receive it. */
export type ReactionDetail = inferRouterOutputs<AppRouter>['reactions']['byId'];

type SignatoryLike = { actor: { id: string; name: string }; countsFor: { id: string; name: string } };

/** "France, Germany, Italy, EU" — each signatory, with "for X" when its reaction counts for another actor. */
export function SignatoryNames({ signatories, className }: { signatories: readonly SignatoryLike[]; className?: string }) {
  if (signatories.length === 0) return <span className={className}>—</span>;
  return (
    <span className={className}>
      {signatories.map((signatory, index) => (
        <span key={signatory.actor.id}>
          {index > 0 ? ', ' : null}
          <span className="font-medium">{signatory.actor.name}</span>
          {signatory.countsFor.id !== signatory.actor.id ? <span className="text-stone-500"> (for {signatory.countsFor.name})</span> : null}
        </span>
      ))}
    </span>
  );
}

/** The pill every reaction chip (stance, alignment) is drawn as; the caller adds the colours. */
export const chipClass = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1';

/**
 * Where a chip is shown: the desk marks the primary stance "(primary)" on grey chips, the readers' pages "(primary
 * stance)" on white ones.
 */
const chipSurface = {
  desk: { primaryNote: ' (primary)', other: 'bg-stone-100 text-stone-700 ring-stone-300' },
  public: { primaryNote: ' (primary stance)', other: 'bg-white text-stone-700 ring-stone-300' },
} as const;
type ChipSurface = keyof typeof chipSurface;

/**
 * A stance as a small chip: the short label shown, the full one as the chip's title and screen-reader text; the
 * primary one is filled. No hooks and no client code: the readers' pages (server components) use it too.
 */
export function StanceChip({ stance, primary = false, surface = 'desk' }: { stance: ReactionStance; primary?: boolean; surface?: ChipSurface }) {
  const { primaryNote, other } = chipSurface[surface];
  return (
    <span title={`${reactionStanceLabels[stance]}${primary ? primaryNote : ''}`} className={`${chipClass} ${primary ? 'bg-ink text-white ring-ink' : other}`}>
      <span aria-hidden="true">{reactionStanceShortLabels[stance]}</span>
      <span className="sr-only">
        {reactionStanceLabels[stance]}
        {primary ? primaryNote : ''}
      </span>
    </span>
  );
}

/** The primary stance first, then the others. */
export function StanceChips({ primary, stances, surface = 'desk' }: { primary: ReactionStance; stances: readonly ReactionStance[]; surface?: ChipSurface }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <StanceChip stance={primary} primary surface={surface} />
      {stances
        .filter((stance) => stance !== primary)
        .map((stance) => (
          <StanceChip key={stance} stance={stance} surface={surface} />
        ))}
    </span>
  );
}

const alignmentTone: Record<Alignment, string> = {
  with: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  neutral: 'bg-stone-100 text-stone-700 ring-stone-300',
  against: 'bg-red-100 text-red-900 ring-red-300',
  unclear: 'bg-amber-50 text-amber-900 ring-amber-300',
};

/** An alignment in words (the colour only repeats it). */
export function AlignmentBadge({ alignment, edited = false }: { alignment: Alignment; edited?: boolean }) {
  return (
    <span className={`${chipClass} ${alignmentTone[alignment]}`}>
      {alignmentLabels[alignment]}
      {edited ? (
        <span title="Set by an editor" className="ml-0.5">
          *<span className="sr-only"> (set by an editor)</span>
        </span>
      ) : null}
    </span>
  );
}

/**
 * "Azerbaijan: With · Armenia: Against", one line per party; `compact` says "Neutral towards all" when every party
 * gets the same alignment and none was set by hand.
 */
export function AlignmentList({
  alignments,
  compact = false,
}: {
  alignments: ReadonlyArray<{ party: { id: string; name: string }; alignment: Alignment; edited?: boolean }>;
  compact?: boolean;
}) {
  if (alignments.length === 0) return <span className="text-stone-500">—</span>;
  const first = alignments[0]!.alignment;
  if (compact && alignments.length > 1 && alignments.every((item) => item.alignment === first && !item.edited)) {
    return (
      <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <AlignmentBadge alignment={first} />
        <span className="text-stone-600">towards all</span>
      </span>
    );
  }
  return (
    <ul className="space-y-0.5">
      {alignments.map((item) => (
        <li key={item.party.id} className="flex items-center gap-1.5 whitespace-nowrap">
          <span className="text-stone-600">{item.party.name}:</span>
          <AlignmentBadge alignment={item.alignment} edited={item.edited} />
        </li>
      ))}
    </ul>
  );
}
