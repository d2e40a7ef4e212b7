import { claimCategories, verificationStatuses, type ClaimCategory, type VerificationStatus } from '@/server/claims/claims.labels';

/** The public claims view's filters as the query string carries them: one value each, unknown values ignored. */
export interface PublicClaimFilters {
  /** A party's actor id, or 'others' (claimants who are no party of the dossier). */
  party?: string;
  category?: ClaimCategory;
  status?: VerificationStatus;
}

type QueryValue = string | string[] | undefined;
const single = (value: QueryValue) => (Array.isArray(value) ? value[0] : value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parsePublicClaimFilters(query: Record<string, QueryValue>): PublicClaimFilters {
  const party = single(query.party);
  const category = single(query.category);
  const status = single(query.status);
  return {
    party: party === 'others' || (party && UUID.test(party)) ? party.toLowerCase() : undefined,
    category: (claimCategories as readonly string[]).includes(category ?? '') ? (category as ClaimCategory) : undefined,
    status: (verificationStatuses as readonly string[]).includes(status ?? '') ? (status as VerificationStatus) : undefined,
  };
}
