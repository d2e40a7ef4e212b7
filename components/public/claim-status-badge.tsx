import { verificationStatusLabels, type VerificationStatus } from '@/server/claims/claims.labels';

const tone: Record<VerificationStatus, string> = {
  unverified: 'bg-stone-100 text-stone-700 ring-stone-300',
  in_progress: 'bg-sky-50 text-sky-900 ring-sky-300',
  corroborated: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  disputed: 'bg-amber-100 text-amber-900 ring-amber-300',
  false: 'bg-red-100 text-red-900 ring-red-300',
  misleading: 'bg-orange-100 text-orange-900 ring-orange-300',
  unverifiable: 'bg-violet-50 text-violet-900 ring-violet-300',
};

/** The desk's verification status of a claim, in words (colour only repeats it). */
export function ClaimStatusBadge({ status }: { status: VerificationStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tone[status]}`}>
      {verificationStatusLabels[status]}
    </span>
  );
}
