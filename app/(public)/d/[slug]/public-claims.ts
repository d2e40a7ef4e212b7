import type { BoardClaim, BoardColumn, BoardLink } from '@/components/public/claims-board';
import { OTHERS } from '@/components/public/claim-rows';
import type { CorrectionNote } from '@/components/public/claims-section';
import type { PublicClaimFilters } from '@/components/public/public-claim-filters';
import { PUBLIC_CLAIMS_PER_PAGE } from '@/server/claims/claims.input';
import type { PublicClaim, PublicClaimsByDay, PublicRelation } from '@/server/claims/claims.public';

/**
 * The "Claims and counterclaims" section's data, made from one window of the public claims listing
 * (claims.listPublic, which only ever holds public claims: live, in a published dossier, citing a live source). The
 * database applies the reader's filters and pages by whole days (about PUBLIC_CLAIMS_PER_PAGE claims a page); the
 * party filter's options (the columns with public claims) and the corrections list cover the whole dossier whatever
 * the filters.
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

export { PUBLIC_CLAIMS_PER_PAGE as CLAIMS_PER_PAGE };

const says = (name: string) => `${name} says`;

const links = (relations: PublicRelation[], kind: PublicRelation['kind']): BoardLink[] =>
  relations
    .filter((relation) => relation.kind === kind)
    .map(({ claim }) => (claim.public ? { public: true, id: claim.id, statement: claim.statement } : { public: false, reason: claim.reason }));

function toBoardClaim(claim: PublicClaim): BoardClaim {
  const counters = links(claim.relations.outgoing, 'counters');
  const counteredBy = links(claim.relations.incoming, 'counters');
  return {
    id: claim.id,
    column: claim.party?.id ?? OTHERS,
    saidAt: claim.saidAt,
    saidPrecision: claim.saidPrecision,
    counterpartIds: [...counters, ...counteredBy].flatMap((link) => (link.public ? [link.id] : [])),
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

/** The claims.listPublic input for the page's filters (one value each, as the query string carries them) and `from`. */
export function listPublicInput(slug: string, filters: PublicClaimFilters, from: string | undefined, perPage: number = PUBLIC_CLAIMS_PER_PAGE) {
  return {
    slug,
    party: filters.party && filters.party !== OTHERS ? [filters.party] : [],
    others: filters.party === OTHERS,
    category: filters.category ? [filters.category] : [],
    status: filters.status ? [filters.status] : [],
    from: from ?? null,
    limit: perPage,
  };
}

export function claimsSection(listing: PublicClaimsByDay, filters: PublicClaimFilters): ClaimsSectionData {
  const parties: BoardColumn[] = [
    ...listing.parties.filter((party) => party.claimCount > 0).map((party) => ({ key: party.id, label: says(party.name), name: party.name })),
    ...(listing.hasOther ? [{ key: OTHERS, label: 'Others', name: 'Others' }] : []),
  ];
  return {
    parties,
    columns: filters.party ? parties.filter((party) => party.key === filters.party) : parties,
    claims: listing.days.flatMap((day) => day.claims).map(toBoardClaim),
    total: listing.total,
    matching: listing.matching,
    filters,
    from: listing.from ?? undefined,
    earlier: listing.earlier,
    later: listing.later,
    corrections: listing.corrections,
  };
}
