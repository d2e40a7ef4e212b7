import type { BoardClaim, BoardColumn, BoardLink } from '@/components/public/claims-board';
import { OTHERS } from '@/components/public/claim-rows';
import type { CorrectionNote } from '@/components/public/claims-section';
import type { PublicClaimFilters } from '@/components/public/public-claim-filters';
import type { PublicClaim, PublicClaimsByDay, PublicRelation } from '@/server/claims/claims.public';

/**
 * The "Claims and counterclaims" section's data, made from the public claims listing (claims.listPublic, which only
 * ever holds public claims: live, in a published dossier, citing a live source). The page reads the whole listing
 * once and applies the reader's filters here, so the columns stay put while a reader filters by category or status,
 * and the corrections list covers the whole dossier whatever the filters.
 */
export interface ClaimsSectionData {
  /** Every column a claim of the dossier would go in, in party order, "Others" last: the party filter's options. */
  parties: BoardColumn[];
  /** The columns shown: the chosen party's, or every party's with a public claim. */
  columns: BoardColumn[];
  claims: BoardClaim[];
  /** How many public claims the dossier has (before filtering). */
  total: number;
  filters: PublicClaimFilters;
  corrections: CorrectionNote[];
}

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

export function claimsSection(listing: PublicClaimsByDay, filters: PublicClaimFilters): ClaimsSectionData {
  const all = listing.days.flatMap((day) => day.claims);
  const withClaims = new Set(all.map((claim) => claim.party?.id ?? OTHERS));
  const parties: BoardColumn[] = [
    ...listing.parties.filter((party) => withClaims.has(party.id)).map((party) => ({ key: party.id, label: says(party.name), name: party.name })),
    ...(withClaims.has(OTHERS) ? [{ key: OTHERS, label: 'Others', name: 'Others' }] : []),
  ];
  // A party filter naming no column with claims (a stale link) shows nothing rather than everything.
  const shown = all.filter(
    (claim) =>
      (!filters.party || (claim.party?.id ?? OTHERS) === filters.party) &&
      (!filters.category || claim.category === filters.category) &&
      (!filters.status || claim.status === filters.status),
  );
  const corrections = all
    .flatMap((claim) => claim.corrections.map((correction) => ({ ...correction, claim: { id: claim.id, statement: claim.statement } })))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return {
    parties,
    columns: filters.party ? parties.filter((party) => party.key === filters.party) : parties,
    claims: shown.map(toBoardClaim),
    total: all.length,
    filters,
    corrections,
  };
}
