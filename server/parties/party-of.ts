/**
 * Which party a claim "counts for": the claimant itself when it is a party of the dossier, else the nearest party
 * up its affiliation chain (a spokeswoman → her ministry → its state). Null when none is a party (shown as
 * "Other"). Pure, so list pages, the public side-by-side view and CSV exports agree without extra queries.
 */
export interface AffiliationLink {
  affiliationId: string | null;
}

/** The party actor id the claimant counts for, or null. Stops on a loop or after 50 steps (bad data, never a hang). */
export function partyOf(
  claimantId: string,
  actorsById: ReadonlyMap<string, AffiliationLink>,
  partyActorIds: ReadonlySet<string>,
): string | null {
  const seen = new Set<string>();
  let current: string | null = claimantId;
  while (current && !seen.has(current) && seen.size < 50) {
    if (partyActorIds.has(current)) return current;
    seen.add(current);
    current = actorsById.get(current)?.affiliationId ?? null;
  }
  return null;
}

/** The ids up an actor's affiliation chain, itself first: what a caller must load for `partyOf` to see it all. */
export function affiliationChain(actorId: string, actorsById: ReadonlyMap<string, AffiliationLink>): string[] {
  const chain: string[] = [];
  let current: string | null = actorId;
  while (current && !chain.includes(current) && chain.length < 50) {
    chain.push(current);
    current = actorsById.get(current)?.affiliationId ?? null;
  }
  return chain;
}
