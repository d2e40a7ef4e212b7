/**
 * Lays a dossier's public claims out for the side-by-side view: grouped by the UTC day they were said, each day a
 * list of rows, each row one column per party. A claim and the claims that counter it (or that it counters), as
 * far as the thread goes, share a row, each in its own party's column, so an accusation and the other side's
 * answer sit next to each other; the row belongs to the day of its earliest claim. Pure: no React, no database.
 */
export interface RowClaim {
  id: string;
  /** The column: a party's actor id, or OTHERS for a claimant who is no party of the dossier. */
  column: string;
  saidAt: Date | string | null;
  /** Ids of the claims this one counters or is countered by (either direction), shown or not. */
  counterpartIds: readonly string[];
}

export const OTHERS = 'others';

export interface ClaimDay<Claim extends RowClaim> {
  /** 'YYYY-MM-DD' (UTC), or null for claims whose date is not known (listed last). */
  day: string | null;
  rows: Array<Map<string, Claim[]>>;
}

const toTime = (value: Date | string | null) => (value === null ? null : new Date(value).getTime());

export function dayOf(value: Date | string | null): string | null {
  const time = toTime(value);
  return time === null || Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** Oldest first, claims without a date last; ties by id so the layout is stable between renders. */
function chronological<Claim extends RowClaim>(a: Claim, b: Claim): number {
  const [ta, tb] = [toTime(a.saidAt), toTime(b.saidAt)];
  if (ta !== tb) {
    if (ta === null) return 1;
    if (tb === null) return -1;
    return ta - tb;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function layOutClaimRows<Claim extends RowClaim>(claims: readonly Claim[]): Array<ClaimDay<Claim>> {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const placed = new Set<string>();
  const days: Array<ClaimDay<Claim>> = [];
  for (const first of [...claims].sort(chronological)) {
    if (placed.has(first.id)) continue;
    // The whole counter thread this claim starts (it is the thread's earliest shown claim).
    const thread: Claim[] = [];
    const queue = [first];
    placed.add(first.id);
    while (queue.length) {
      const claim = queue.shift()!;
      thread.push(claim);
      for (const partnerId of claim.counterpartIds) {
        const partner = byId.get(partnerId);
        if (partner && !placed.has(partner.id)) {
          placed.add(partner.id);
          queue.push(partner);
        }
      }
    }
    const row = new Map<string, Claim[]>();
    for (const claim of thread.sort(chronological)) row.set(claim.column, [...(row.get(claim.column) ?? []), claim]);
    const day = dayOf(first.saidAt);
    const last = days.at(-1);
    if (last && last.day === day) last.rows.push(row);
    else days.push({ day, rows: [row] });
  }
  return days;
}
