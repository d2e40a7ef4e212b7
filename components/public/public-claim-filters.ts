import { claimCategories, verificationStatuses, type ClaimCategory, type VerificationStatus } from '@/server/claims/claims.labels';
import { isCalendarDay } from '@/server/search-params';

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

/** The first day a page of the claims view shows: 'YYYY-MM-DD', or 'undated' for the claims without a date. */
export const UNDATED = 'undated';

export function parsePublicClaimsFrom(query: Record<string, QueryValue>): string | undefined {
  const from = single(query.from);
  if (from === UNDATED) return from;
  // A real calendar day in the range the claims API takes; anything else starts at the first page.
  return from && isCalendarDay(from) ? from : undefined;
}

/** The address of a view of the claims: its filters and first day; `#anchor` brings a reader without JavaScript back. */
export function claimsViewHref(basePath: string, filters: PublicClaimFilters, from: string | undefined, anchor: string): string {
  const query = new URLSearchParams();
  if (filters.party) query.set('party', filters.party);
  if (filters.category) query.set('category', filters.category);
  if (filters.status) query.set('status', filters.status);
  if (from) query.set('from', from);
  const search = query.toString();
  return `${basePath}${search ? `?${search}` : ''}#${anchor}`;
}

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
