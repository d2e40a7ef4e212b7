import { matchKey } from '@/server/actors/match-key';
import type { ExistingRecords } from './analyze';
import type { IntakeAnalysis } from './suggestions';

/**
 * Marks suggestions that may repeat a record the dossier already holds (the review screen leaves them unticked):
 * - a reaction whose matched actors include an existing reaction's, with the same primary stance (or one of its
 *   stances) on the same day (or either undated);
 * - a claim by the same claimant whose statement is near-identical: Sørensen–Dice similarity of word bigrams of the
 *   folded texts at least DUPLICATE_CLAIM_SIMILARITY, or one text containing the other.
 * Only directory actors can match: a proposed new actor has no records yet.
 */
export const DUPLICATE_CLAIM_SIMILARITY = 0.6;

function bigrams(text: string): string[] {
  const words = matchKey(text).split(' ').filter(Boolean);
  if (words.length < 2) return words;
  const pairs: string[] = [];
  for (let index = 0; index < words.length - 1; index++) pairs.push(`${words[index]} ${words[index + 1]}`);
  return pairs;
}

/** Sørensen–Dice coefficient of two texts' word bigrams (folded by matchKey): 1 identical, 0 nothing in common. */
export function statementSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 && right.length === 0) return 1;
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const pair of left) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of right) {
    const count = counts.get(pair) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(pair, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

function nearIdentical(a: string, b: string): boolean {
  const left = matchKey(a);
  const right = matchKey(b);
  if (!left || !right) return false;
  if (left === right) return true;
  if (Math.min(left.length, right.length) >= 20 && (left.includes(right) || right.includes(left))) return true;
  return statementSimilarity(a, b) >= DUPLICATE_CLAIM_SIMILARITY;
}

export function markDuplicates(analysis: IntakeAnalysis, existing: ExistingRecords): IntakeAnalysis {
  const reactions = analysis.reactions.map((reaction) => {
    const match = existing.reactions.find(
      (record) =>
        record.actorIds.some((id) => reaction.actorRefs.includes(id)) &&
        (record.primaryStance === reaction.primaryStance || record.stances.includes(reaction.primaryStance)) &&
        (record.reactedOn === null || reaction.reactedOn === null || record.reactedOn === reaction.reactedOn),
    );
    return { ...reaction, duplicateOf: match ? { id: match.id, label: match.label } : null };
  });
  const claims = analysis.claims.map((claim) => {
    const match = existing.claims.find(
      (record) => record.claimantId === claim.claimantRef && (nearIdentical(record.statement, claim.statement) || (claim.quote !== null && nearIdentical(record.statement, claim.quote))),
    );
    return { ...claim, duplicateOf: match ? { id: match.id, label: match.label } : null };
  });
  return { ...analysis, reactions, claims };
}
