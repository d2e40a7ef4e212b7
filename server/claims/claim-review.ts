import { verdictStatuses, verificationStatusLabels, type VerificationStatus } from './claims.labels';
import type { PublicClaim } from './claims.public';

/**
 * schema.org ClaimReview for a public claim with a verdict (https://schema.org/ClaimReview, as fact-check search
 * features read it). Every text in it is a text the claim page shows: the statement, the claimant's name, the status
 * label and the public explanation. No verdict (unverified, in progress): null, and the page carries no block.
 */

export interface ClaimReviewContext {
  /** The claim page's absolute URL. */
  url: string;
  /** Who publishes the review; defaults to Claimdesk. */
  publisher?: { name: string; url?: string };
}

export const DEFAULT_PUBLISHER: { name: string; url?: string } = { name: 'Claimdesk' };

export function isVerdict(status: VerificationStatus): boolean {
  return (verdictStatuses as readonly string[]).includes(status);
}

/** A moment as schema.org Date or DateTime: the day only unless the exact time is known. */
function schemaDate(moment: Date, precision: string): string {
  return precision === 'exact' ? moment.toISOString() : moment.toISOString().slice(0, 10);
}

/** The texts the page shows for the verdict, shared by the page and the JSON-LD so they cannot drift apart. */
export function verdictTexts(claim: Pick<PublicClaim, 'statement' | 'status' | 'statusExplanation'>) {
  return {
    claimReviewed: claim.statement,
    ratingLabel: verificationStatusLabels[claim.status],
    ratingExplanation: claim.statusExplanation,
  };
}

export function claimReviewJsonLd(claim: PublicClaim, context: ClaimReviewContext): Record<string, unknown> | null {
  if (!isVerdict(claim.status)) return null;
  const texts = verdictTexts(claim);
  const publisher = context.publisher ?? DEFAULT_PUBLISHER;
  const appearance = claim.sources.find((link) => link.source.url);
  const itemReviewed: Record<string, unknown> = {
    '@type': 'Claim',
    author: {
      '@type': claim.claimant.kind === 'person' ? 'Person' : 'Organization',
      name: claim.claimant.name,
      ...(claim.claimant.kind === 'person' && claim.claimant.title ? { jobTitle: claim.claimant.title } : {}),
    },
  };
  if (claim.saidAt) itemReviewed.datePublished = schemaDate(claim.saidAt, claim.saidPrecision);
  if (appearance) {
    itemReviewed.appearance = {
      '@type': 'CreativeWork',
      url: appearance.source.url,
      headline: appearance.source.title,
      ...(appearance.source.publishedAt ? { datePublished: appearance.source.publishedAt.toISOString().slice(0, 10) } : {}),
    };
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: context.url,
    claimReviewed: texts.claimReviewed,
    datePublished: claim.publishedAt.toISOString().slice(0, 10),
    author: { '@type': 'Organization', name: publisher.name, ...(publisher.url ? { url: publisher.url } : {}) },
    itemReviewed,
    reviewRating: {
      '@type': 'Rating',
      alternateName: texts.ratingLabel,
      ...(texts.ratingExplanation ? { ratingExplanation: texts.ratingExplanation } : {}),
    },
  };
}

/**
 * The JSON-LD as a string safe inside <script type="application/ld+json">: `<` is escaped so a statement containing
 * "</script>" cannot end the block.
 */
export function jsonLdScript(value: Record<string, unknown>): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
