import type { ActorKind } from '@/server/actors/actors.labels';

/**
 * Which state or organisation a signatory's reaction counts for: the actor itself when it is a state or an
 * international organisation, else the nearest one up its affiliation chain (Zakharova → Russian Foreign Ministry
 * → Russia; Guterres → United Nations), else the top of the chain (Pope Francis → Holy See), else itself. A
 * reaction may override this per signatory (reaction_actors.counts_for_id). Pure: pages, CSV and the map agree.
 */
export interface CountsForLink {
  kind: ActorKind;
  affiliationId: string | null;
}

/** The kinds a reaction counts for: the roll-up stops at them, and an override must be one. */
export const countingKinds = ['state', 'international_organisation'] as const satisfies readonly ActorKind[];
const COUNTING_KINDS: ReadonlySet<ActorKind> = new Set(countingKinds);

export const isCountingKind = (kind: ActorKind): boolean => COUNTING_KINDS.has(kind);

export function countsFor(actorId: string, actorsById: ReadonlyMap<string, CountsForLink>, override?: string | null): string {
  if (override) return override;
  const seen = new Set<string>();
  let current: string = actorId;
  for (;;) {
    const actor = actorsById.get(current);
    if (!actor || isCountingKind(actor.kind)) return current;
    seen.add(current);
    const next = actor.affiliationId;
    if (!next || seen.has(next) || seen.size >= 50) return current;
    current = next;
  }
}
