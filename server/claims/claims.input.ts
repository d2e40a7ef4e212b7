import { z } from 'zod';
import {
  citedSources,
  cursor,
  entityId,
  languageTag,
  listSearch,
  noRepeats,
  oneOf,
  optionalDay,
  optionalPastMoment,
  optionalText,
  pageSize,
  publicSlug,
  requiredText,
  sortOrder,
  tagList,
  version,
  type CitedSourceInput,
} from '@/server/validation';
import {
  claimCategories,
  claimRelationKinds,
  claimSortKeys,
  correctionKinds,
  datePrecisions,
  quoteKinds,
  verificationStatuses,
} from './claims.labels';

/**
 * The claims API's inputs, shared by the routers and the desk forms. Client-safe: vocabularies come from
 * claims.labels.ts, never from the Drizzle schema.
 */

export const MAX_FIGURE = 10_000_000;
export const MAX_CLAIM_SOURCES = 50;
export const MAX_ABOUT = 20;
export const MAX_RELATIONS = 20;


/** A count of people or things: a whole number from 0 to 10,000,000, or none (blank). */
const figure = (label: string) =>
  z
    .union([z.literal(''), z.null(), z.undefined(), z.number({ error: `${label} must be a number` })])
    .transform((value) => (value === '' || value == null ? null : value))
    .pipe(
      z
        .number({ error: `${label} must be a number` })
        .int(`${label} must be a whole number`)
        .min(0, `${label} cannot be negative`)
        .max(MAX_FIGURE, `${label} must be at most 10,000,000`)
        .nullable(),
    )
    .default(null);

const atLeast = z.boolean({ error: '“At least” must be true or false' }).default(false);


export type ClaimSourceInput = CitedSourceInput;

export const claimRelationInput = z.object({
  kind: z.enum(claimRelationKinds, oneOf('Relation', claimRelationKinds)),
  toClaimId: entityId,
});
export type ClaimRelationInput = z.infer<typeof claimRelationInput>;

const claimFields = {
  claimantId: entityId,
  about: z
    .array(entityId)
    .max(MAX_ABOUT, `A claim can be about at most ${MAX_ABOUT} actors`)
    .refine(noRepeats((id: string) => id), 'About lists the same actor twice')
    .default([]),
  statement: requiredText('Statement', 2000),
  quote: optionalText('Quote', 10_000),
  quoteKind: z.enum(quoteKinds, oneOf('Quote kind', quoteKinds)).default('paraphrase'),
  originalText: optionalText('Original text', 10_000),
  originalLanguage: languageTag('Original language'),
  saidAt: optionalPastMoment('Said at'),
  saidPrecision: z.enum(datePrecisions, oneOf('Said-at precision', datePrecisions)).default('day'),
  occurredAt: optionalPastMoment('Occurred at'),
  occurredPrecision: z.enum(datePrecisions, oneOf('Occurred-at precision', datePrecisions)).default('day'),
  place: optionalText('Place', 300),
  category: z.enum(claimCategories, oneOf('Category', claimCategories)).default('other'),
  killed: figure('Killed'),
  killedAtLeast: atLeast,
  wounded: figure('Wounded'),
  woundedAtLeast: atLeast,
  displaced: figure('Displaced'),
  displacedAtLeast: atLeast,
  equipmentDestroyed: figure('Equipment destroyed'),
  equipmentDestroyedAtLeast: atLeast,
  status: z.enum(verificationStatuses, oneOf('Status', verificationStatuses)).default('unverified'),
  statusExplanation: optionalText('Status explanation', 5000),
  credibility: z
    .number({ error: 'Credibility must be a grade from 1 to 6' })
    .int('Credibility must be a grade from 1 to 6')
    .min(1, 'Credibility must be a grade from 1 to 6')
    .max(6, 'Credibility must be a grade from 1 to 6')
    .default(6),
  tags: tagList('A claim'),
  internalNotes: optionalText('Internal notes', 10_000),
  sources: citedSources('A claim', MAX_CLAIM_SOURCES),
  relations: z
    .array(claimRelationInput)
    .max(MAX_RELATIONS, `A claim can have at most ${MAX_RELATIONS} relations`)
    .refine(noRepeats((item: ClaimRelationInput) => `${item.kind}:${item.toClaimId}`), 'Relations lists the same link twice')
    .default([]),
};

export const createClaimInput = z.object({ dossierId: entityId, ...claimFields });
export type CreateClaimInput = z.infer<typeof createClaimInput>;
export type CreateClaimFormValues = z.input<typeof createClaimInput>;

/** The public, dated note a change to a published claim's statement, status or figures needs. */
export const correctionInput = z.object({
  kind: z.enum(correctionKinds, oneOf('Correction kind', correctionKinds)),
  note: requiredText('Correction note', 2000),
});
export type CorrectionInput = z.infer<typeof correctionInput>;

export const updateClaimInput = z.object({
  id: entityId,
  version,
  ...claimFields,
  correction: correctionInput.nullish(),
});
export type UpdateClaimInput = z.infer<typeof updateClaimInput>;
export type UpdateClaimFormValues = z.input<typeof updateClaimInput>;

export { claimSortKeys, type ClaimSortKey } from './claims.labels';

/** The filters shared by the desk claims table, its URL, its count and the desk CSV export. */
export const claimFilters = z.object({
  search: listSearch,
  /** Claimant's party (the dossier party the claimant is, or acts for). */
  party: z.array(entityId).max(50, 'Choose at most 50 parties').default([]),
  about: z.array(entityId).max(50, 'Choose at most 50 actors').default([]),
  status: z.array(z.enum(verificationStatuses, oneOf('Status', verificationStatuses))).max(verificationStatuses.length).default([]),
  category: z.array(z.enum(claimCategories, oneOf('Category', claimCategories))).max(claimCategories.length).default([]),
  /** Said on or after this UTC calendar day. */
  saidFrom: optionalDay('Said from'),
  /** Said on or before this UTC calendar day. */
  saidTo: optionalDay('Said to'),
  /** True: only claims citing no live source ("needs source"). False or absent: no filter. */
  needsSource: z.boolean().default(false),
  /** Deleted claims only (to restore them) instead of live ones. */
  deleted: z.boolean().default(false),
  sort: z.enum(claimSortKeys, oneOf('Sort', claimSortKeys)).default('said'),
  /** Sort order. Not called `direction`: tRPC's infinite queries reserve that input key for their own paging. */
  order: sortOrder,
});
export type ClaimFilters = z.infer<typeof claimFilters>;

// A said-to day before the said-from day is refused by the service (saidTo: …), so claimFilters stays extendable.
export const countClaimsInput = claimFilters.extend({ dossierId: entityId });
export type CountClaimsInput = z.infer<typeof countClaimsInput>;

export const listClaimsInput = claimFilters.extend({ dossierId: entityId, cursor, limit: pageSize });
export type ListClaimsInput = z.infer<typeof listClaimsInput>;

/** How an actor appears in a claim: as the one who made it, or among those it is about. */
export const actorClaimRoles = ['claimant', 'about'] as const;
export type ActorClaimRole = (typeof actorClaimRoles)[number];
const actorClaimRoleFilters = [...actorClaimRoles, 'any'] as const;

/** An actor's claims across every live dossier (the actor page), newest said first. */
export const claimsByActorInput = z.object({
  actorId: entityId,
  role: z.enum(actorClaimRoleFilters, oneOf('Role', actorClaimRoleFilters)).default('any'),
  cursor,
  limit: pageSize,
});
export type ClaimsByActorInput = z.infer<typeof claimsByActorInput>;

/** About how many claims one window of the public claims view holds (whole days are never split). */
export const PUBLIC_CLAIMS_PER_PAGE = 200;

/** Readers' filters on the public claims view, and which window of whole days to show. */
export const listPublicClaimsInput = z.object({
  slug: publicSlug,
  party: z.array(entityId).max(50).default([]),
  /** Claims whose claimant counts for no party of the dossier ("Others"), alone or beside `party`. */
  others: z.boolean({ error: 'Others must be true or false' }).default(false),
  category: z.array(z.enum(claimCategories, oneOf('Category', claimCategories))).max(claimCategories.length).default([]),
  status: z.array(z.enum(verificationStatuses, oneOf('Status', verificationStatuses))).max(verificationStatuses.length).default([]),
  /** The window's first day (YYYY-MM-DD, UTC) or 'undated'; absent: the earliest day. */
  from: z.union([z.literal('undated'), optionalDay('From')]).default(null),
  /** About how many claims a window holds (whole days are never split). */
  limit: z.number({ error: 'Limit must be a number' }).int('Limit must be a whole number').min(1, 'Limit must be at least 1').max(500, 'Limit must be at most 500').default(PUBLIC_CLAIMS_PER_PAGE),
});
export type ListPublicClaimsInput = z.infer<typeof listPublicClaimsInput>;

export const publicClaimByIdInput = z.object({ slug: publicSlug, id: entityId });
