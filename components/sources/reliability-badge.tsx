import { reliabilityLabels } from '@/server/sources/sources.labels';
import type { ReliabilityGrade } from '@/server/sources/sources.labels';

const tone: Record<ReliabilityGrade, string> = {
  A: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  B: 'bg-green-100 text-green-900 ring-green-300',
  C: 'bg-yellow-100 text-yellow-900 ring-yellow-300',
  D: 'bg-orange-100 text-orange-900 ring-orange-300',
  E: 'bg-red-100 text-red-900 ring-red-300',
  F: 'bg-stone-100 text-stone-700 ring-stone-300',
};

/** Admiralty grade as a letter chip; the full wording is in its accessible name and tooltip. */
export function ReliabilityBadge({ grade }: { grade: ReliabilityGrade }) {
  const label = reliabilityLabels[grade];
  return (
    <span
      title={label}
      aria-label={`Reliability ${label}`}
      className={`inline-flex h-6 min-w-6 items-center justify-center rounded px-1.5 text-xs font-bold ring-1 ${tone[grade]}`}
    >
      {grade}
    </span>
  );
}
