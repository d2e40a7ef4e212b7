import type { Alignment, ReactionStance } from './reactions.labels';

/**
 * Where a reaction stands towards each party by default, from its stances and targets. Client-safe and pure: the
 * form shows the defaults as the editor picks stances, the service fills the ones the editor left alone.
 *
 * Per stance, towards one party:
 * - supports a party: with each target; against the other parties (siding with one side of a conflict);
 *   no target: unclear.
 * - condemns, sanctions or measures: against each target, neutral towards the others; no target (condemning the
 *   violence as such): neutral towards all.
 * - ceasefire, talks, mediation, concern, sympathy, humanitarian aid, neutral: neutral towards all.
 * - other: unclear.
 * Several stances combine per party: with and against together → unclear; otherwise with or against wins over
 * neutral, and neutral over unclear.
 */
const EVEN_HANDED: ReadonlySet<ReactionStance> = new Set([
  'ceasefire',
  'talks',
  'mediation',
  'concern',
  'sympathy',
  'humanitarian_aid',
  'neutral',
]);

export function stanceAlignment(stance: ReactionStance, partyId: string, targetIds: readonly string[]): Alignment {
  const targeted = targetIds.includes(partyId);
  if (stance === 'supports_party') return targetIds.length === 0 ? 'unclear' : targeted ? 'with' : 'against';
  if (stance === 'condemns' || stance === 'sanctions') return targeted ? 'against' : 'neutral';
  if (EVEN_HANDED.has(stance)) return 'neutral';
  return 'unclear';
}

export function combineAlignments(values: readonly Alignment[]): Alignment {
  const has = (value: Alignment) => values.includes(value);
  if (has('with') && has('against')) return 'unclear';
  if (has('with')) return 'with';
  if (has('against')) return 'against';
  if (has('neutral')) return 'neutral';
  return 'unclear';
}

/** The default alignment towards each party, keyed by the party's actor id. */
export function defaultAlignments(
  stances: readonly ReactionStance[],
  targetIds: readonly string[],
  partyIds: readonly string[],
): Record<string, Alignment> {
  return Object.fromEntries(
    partyIds.map((partyId) => [partyId, combineAlignments(stances.map((stance) => stanceAlignment(stance, partyId, targetIds)))]),
  );
}
