import type { BoardClaim, BoardColumn, BoardLink } from '@/components/public/claims-board';
import { dayOf, OTHERS } from '@/components/public/claim-rows';
import type { CorrectionNote } from '@/components/public/claims-section';
import { UNDATED, type PublicClaimFilters } from '@/components/public/public-claim-filters';
import type { PublicClaim, PublicClaimsByDay, PublicRelation } from '@/server/claims/claims.public';

/**
 * The "Claims and counterclaims" section's data, made from the public claims listing (claims.listPublic, which only
 * ever holds public claims: live, in a published dossier, citing a live source). The page reads the whole listing
 * once and applies the reader's filters here, so the columns stay put while a reader filters by category or status,
 * and the corrections list covers the whole dossier whatever the filters. A page shows whole days, about
 * CLAIMS_PER_PAGE claims, with links to the earlier and later days.
 */
export interface ClaimsSectionData {
  /** Every column a claim of the dossier would go in, in party order, "Others" last: the party filter's options. */
  parties: BoardColumn[];
  /** The columns shown: the chosen party's, or every party's with a public claim. */
  columns: BoardColumn[];
  /** The claims of this page's days. */
  claims: BoardClaim[];
  /** How many public claims the dossier has (before filtering), and how many match the filters. */
  total: number;
  matching: number;
  filters: PublicClaimFilters;
  /** The first day this page shows (`from`), and the `from` of the pages before and after ('' = the first page). */
  from: string | undefined;
  earlier: string | null;
  later: string | null;
  corrections: CorrectionNote[];
}

export const CLAIMS_PER_PAGE = 200;

const says = (name: string) => `${name} says`;

const links = (relations: PublicRelation[], kind: PublicRelation['kind']): Array<BoardLink | null> =>
  relations.filter((relation) => relation.kind === kind).map((relation) => (relation.claim.public ? { id: relation.claim.id, statement: relation.claim.statement } : null));

function toBoardClaim(claim: PublicClaim): BoardClaim {
  const counters = links(claim.relations.outgoing, 'counters');
  const counteredBy = links(claim.relations.incoming, 'counters');
  return {
    id: claim.id,
    column: claim.party?.id ?? OTHERS,
    saidAt: claim.saidAt,
    saidPrecision: claim.saidPrecision,
    counterpartIds: [...counters, ...counteredBy].flatMap((link) => (link ? [link.id] : [])),
    statement: claim.statement,
    status: claim.status,
    category: claim.category,
    claimantName: claim.claimant.name,
    partyName: claim.party?.name ?? null,
    sources: claim.sources.map(({ source }) => ({ id: source.id, title: source.title, outlet: source.outlet, url: source.url })),
    counters,
    counteredBy,
  };
}

/** 'YYYY-MM-DD' or 'undated', which sorts after every date as the undated claims come last. */
const dayKey = (claim: PublicClaim) => dayOf(claim.saidAt) ?? UNDATED;

/** Whole days from `from` on, until `perPage` claims are reached; and where the pages before and after begin. */
function pageOfDays(claims: PublicClaim[], from: string | undefined, perPage: number) {
  const days: Array<{ key: string; claims: PublicClaim[] }> = [];
  for (const claim of claims) {
    const key = dayKey(claim);
    const last = days.at(-1);
    if (last?.key === key) last.claims.push(claim);
    else days.push({ key, claims: [claim] });
  }
  const start = from ? days.findIndex((day) => day.key >= from) : 0;
  if (start === -1) return { claims: [], earlier: days.length ? '' : null, later: null };
  let end = start;
  for (let count = 0; end < days.length && (end === start || count < perPage); end++) count += days[end]!.claims.length;
  let before = start;
  for (let count = 0; before > 0 && (before === start || count < perPage); ) count += days[--before]!.claims.length;
  return {
    claims: days.slice(start, end).flatMap((day) => day.claims),
    earlier: start === 0 ? null : before === 0 ? '' : days[before]!.key,
    later: end < days.length ? days[end]!.key : null,
  };
}

export function claimsSection(
  listing: PublicClaimsByDay,
  filters: PublicClaimFilters,
  from?: string,
  perPage: number = CLAIMS_PER_PAGE,
): ClaimsSectionData {
  const all = listing.days.flatMap((day) => day.claims);
  const withClaims = new Set(all.map((claim) => claim.party?.id ?? OTHERS));
  const parties: BoardColumn[] = [
    ...listing.parties.filter((party) => withClaims.has(party.id)).map((party) => ({ key: party.id, label: says(party.name), name: party.name })),
    ...(withClaims.has(OTHERS) ? [{ key: OTHERS, label: 'Others', name: 'Others' }] : []),
  ];
  // A party filter naming no column with claims (a stale link) shows nothing rather than everything.
  const matching = all.filter(
    (claim) =>
      (!filters.party || (claim.party?.id ?? OTHERS) === filters.party) &&
      (!filters.category || claim.category === filters.category) &&
      (!filters.status || claim.status === filters.status),
  );
  const page = pageOfDays(matching, from, perPage);
  const corrections = all
    .flatMap((claim) => claim.corrections.map((correction) => ({ ...correction, claim: { id: claim.id, statement: claim.statement } })))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return {
    parties,
    columns: filters.party ? parties.filter((party) => party.key === filters.party) : parties,
    claims: page.claims.map(toBoardClaim),
    total: all.length,
    matching: matching.length,
    filters,
    from,
    earlier: page.earlier,
    later: page.later,
    corrections,
  };
}
