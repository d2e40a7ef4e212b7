import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actors, dossierParties } from '@/server/actors/schema';
import { publishedFingerprint, rowsState } from '@/server/csv/fingerprint';
import type { Database } from '@/server/db/client';
import { inChunks } from '@/server/db/in-chunks';
import { getPublishedDossier } from '@/server/dossiers/dossiers.service';
import { dossiers, type Dossier } from '@/server/dossiers/schema';
import { notFound } from '@/server/errors';
import { sources } from '@/server/sources/schema';
import { claimantsOfParties, listDossierPartyColumns, partiesOfClaimants, type DossierPartyColumn, type PartyRef } from './claim-party';
import { PUBLIC_CLAIMS_PER_PAGE } from './claims.input';
import type { ClaimCategory, ClaimRelationKind, CorrectionKind, VerificationStatus } from './claims.labels';
import { claimColumns, hasLiveSource, type ClaimRow } from './claims.service';
import { claimAbout, claimCorrections, claimRelations, claims, claimSources } from './schema';

/**
 * What readers see of claims. A claim is public when its dossier is published and live, the claim is not deleted,
 * and it cites at least one live source ("needs source" claims never leave the desk). Everything goes through
 * toPublicClaim, an explicit picker: internal notes, authors of edits and versions stay on the desk.
 */

export interface PublicClaimant {
  id: string;
  name: string;
  kind: string;
  title: string;
  countryCode: string | null;
  affiliation: { id: string; name: string } | null;
}

export interface PublicCitedSource {
  source: {
    id: string;
    title: string;
    outlet: string;
    author: string;
    kind: string;
    language: string;
    url: string | null;
    archiveUrl: string | null;
    publishedAt: Date | null;
    reliability: string;
  };
  excerpt: string;
}

/**
 * Why a related claim is not shown: `removed` — the desk deleted it (the link stays, shown as a removed claim);
 * `not_public` — it exists but readers cannot see it yet (it cites no live source).
 */
export type HiddenClaimReason = 'removed' | 'not_public';

/**
 * A related claim as readers see it: its summary when it is public, otherwise only a marker saying why it is not
 * shown — never its text or id.
 */
export type PublicRelatedClaim =
  | { public: true; id: string; statement: string; claimantName: string; saidAt: Date | null; status: VerificationStatus; partyId: string | null }
  | { public: false; reason: HiddenClaimReason };

export interface PublicRelation {
  kind: ClaimRelationKind;
  claim: PublicRelatedClaim;
}

export interface PublicCorrection {
  kind: CorrectionKind;
  note: string;
  createdAt: Date;
}

export interface PublicClaimParts {
  claimant: PublicClaimant;
  party: PartyRef | null;
  about: Array<{ id: string; name: string }>;
  sources: PublicCitedSource[];
  relations: { outgoing: PublicRelation[]; incoming: PublicRelation[] };
  corrections: PublicCorrection[];
  /** When readers could first see it: the later of the claim's creation and the dossier's first publication. */
  publishedAt: Date;
}

/** The fields of a claim a reader may see. Never internal notes. */
export function toPublicClaim(claim: ClaimRow, parts: PublicClaimParts) {
  return {
    id: claim.id,
    statement: claim.statement,
    quote: claim.quote,
    quoteKind: claim.quoteKind,
    originalText: claim.originalText,
    originalLanguage: claim.originalLanguage,
    saidAt: claim.saidAt,
    saidPrecision: claim.saidPrecision,
    occurredAt: claim.occurredAt,
    occurredPrecision: claim.occurredPrecision,
    place: claim.place,
    category: claim.category as ClaimCategory,
    killed: claim.killed,
    killedAtLeast: claim.killedAtLeast,
    wounded: claim.wounded,
    woundedAtLeast: claim.woundedAtLeast,
    displaced: claim.displaced,
    displacedAtLeast: claim.displacedAtLeast,
    equipmentDestroyed: claim.equipmentDestroyed,
    equipmentDestroyedAtLeast: claim.equipmentDestroyedAtLeast,
    status: claim.status as VerificationStatus,
    statusExplanation: claim.statusExplanation,
    credibility: claim.credibility,
    tags: claim.tags,
    updatedAt: claim.updatedAt,
    publishedAt: parts.publishedAt,
    claimant: {
      id: parts.claimant.id,
      name: parts.claimant.name,
      kind: parts.claimant.kind,
      title: parts.claimant.title,
      countryCode: parts.claimant.countryCode,
      affiliation: parts.claimant.affiliation ? { id: parts.claimant.affiliation.id, name: parts.claimant.affiliation.name } : null,
    },
    party: parts.party ? { id: parts.party.id, name: parts.party.name } : null,
    about: parts.about.map((actor) => ({ id: actor.id, name: actor.name })),
    sources: parts.sources.map((link) => ({
      source: {
        id: link.source.id,
        title: link.source.title,
        outlet: link.source.outlet,
        author: link.source.author,
        kind: link.source.kind,
        language: link.source.language,
        url: link.source.url,
        archiveUrl: link.source.archiveUrl,
        publishedAt: link.source.publishedAt,
        reliability: link.source.reliability,
      },
      excerpt: link.excerpt,
    })),
    relations: {
      outgoing: parts.relations.outgoing.map(pickRelation),
      incoming: parts.relations.incoming.map(pickRelation),
    },
    corrections: parts.corrections.map((correction) => ({ kind: correction.kind, note: correction.note, createdAt: correction.createdAt })),
  };
}
export type PublicClaim = ReturnType<typeof toPublicClaim>;

function pickRelation(relation: PublicRelation): PublicRelation {
  const claim: PublicRelatedClaim = relation.claim.public
    ? {
        public: true,
        id: relation.claim.id,
        statement: relation.claim.statement,
        claimantName: relation.claim.claimantName,
        saidAt: relation.claim.saidAt,
        status: relation.claim.status,
        partyId: relation.claim.partyId,
      }
    : { public: false, reason: relation.claim.reason };
  return { kind: relation.kind, claim };
}

/** Public claims' filters (readers' view and public CSV). */
export interface PublicClaimFilters {
  /** Claims counting for one of these parties (actor ids)… */
  party?: string[];
  /** …or (alone: only) claims whose claimant counts for no party of the dossier (the "Others" column). */
  others?: boolean;
  category?: ClaimCategory[];
  status?: VerificationStatus[];
}

const publicConditions = (dossierId: string): SQL[] => [eq(claims.dossierId, dossierId), isNull(claims.deletedAt), hasLiveSource];

const affiliation = alias(actors, 'affiliation');
const partner = alias(claims, 'partner');
const partnerClaimant = alias(actors, 'partner_claimant');
// A partner is public when it is live and cites a live source (it is in the same, published dossier).
const partnerIsPublic = sql<boolean>`(${partner.deletedAt} is null and exists (select 1 from ${claimSources} inner join ${sources} on ${sources}.id = ${claimSources}.source_id where ${claimSources}.claim_id = ${partner.id} and ${sources}.deleted_at is null))`;

/** Public claims of one published dossier matching `extra`, each with its parts, in said-at order (undated last). */
async function loadPublicClaims(db: Database, dossier: Dossier, extra: SQL[], columns?: DossierPartyColumn[]): Promise<PublicClaim[]> {
  const rows = await db
    .select({
      claim: claimColumns,
      claimant: { id: actors.id, name: actors.name, kind: actors.kind, title: actors.title, countryCode: actors.countryCode },
      affiliation: { id: affiliation.id, name: affiliation.name },
    })
    .from(claims)
    .innerJoin(actors, eq(actors.id, claims.claimantId))
    .leftJoin(affiliation, eq(affiliation.id, actors.affiliationId))
    .where(and(...publicConditions(dossier.id), ...extra))
    .orderBy(sql`${claims.saidAt} asc nulls last`, asc(claims.createdAt), asc(claims.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.claim.id);
  const partyColumns = columns ?? (await listDossierPartyColumns(db, dossier.id));

  const relationSummary = {
    claimId: claimRelations.fromClaimId,
    kind: claimRelations.kind,
    id: partner.id,
    statement: partner.statement,
    claimantId: partner.claimantId,
    claimantName: partnerClaimant.name,
    saidAt: partner.saidAt,
    status: partner.status,
    isPublic: partnerIsPublic,
    isDeleted: sql<boolean>`(${partner.deletedAt} is not null)`,
  };
  const [about, cited, outgoing, incoming, corrections] = await Promise.all([
    inChunks(ids, (chunk) =>
      db
        .select({ claimId: claimAbout.claimId, id: actors.id, name: actors.name })
        .from(claimAbout)
        .innerJoin(actors, eq(actors.id, claimAbout.actorId))
        .where(inArray(claimAbout.claimId, chunk))
        .orderBy(asc(actors.name)),
    ),
    inChunks(ids, (chunk) =>
      db
        .select({
          claimId: claimSources.claimId,
          excerpt: claimSources.excerpt,
          source: {
            id: sources.id,
            title: sources.title,
            outlet: sources.outlet,
            author: sources.author,
            kind: sources.kind,
            language: sources.language,
            url: sources.url,
            archiveUrl: sources.archiveUrl,
            publishedAt: sources.publishedAt,
            reliability: sources.reliability,
          },
        })
        .from(claimSources)
        .innerJoin(sources, eq(sources.id, claimSources.sourceId))
        .where(and(inArray(claimSources.claimId, chunk), isNull(sources.deletedAt)))
        .orderBy(asc(claimSources.position)),
    ),
    inChunks(ids, (chunk) =>
      db
        .select(relationSummary)
        .from(claimRelations)
        .innerJoin(partner, eq(partner.id, claimRelations.toClaimId))
        .innerJoin(partnerClaimant, eq(partnerClaimant.id, partner.claimantId))
        .where(inArray(claimRelations.fromClaimId, chunk))
        .orderBy(asc(claimRelations.kind), sql`${partner.saidAt} asc nulls last`, asc(partner.id)),
    ),
    inChunks(ids, (chunk) =>
      db
        .select({ ...relationSummary, claimId: claimRelations.toClaimId })
        .from(claimRelations)
        .innerJoin(partner, eq(partner.id, claimRelations.fromClaimId))
        .innerJoin(partnerClaimant, eq(partnerClaimant.id, partner.claimantId))
        .where(inArray(claimRelations.toClaimId, chunk))
        .orderBy(asc(claimRelations.kind), sql`${partner.saidAt} asc nulls last`, asc(partner.id)),
    ),
    inChunks(ids, (chunk) =>
      db
        .select({ claimId: claimCorrections.claimId, kind: claimCorrections.kind, note: claimCorrections.note, createdAt: claimCorrections.createdAt })
        .from(claimCorrections)
        .where(inArray(claimCorrections.claimId, chunk))
        .orderBy(asc(claimCorrections.createdAt), asc(claimCorrections.id)),
    ),
  ]);
  const parties = await partiesOfClaimants(db, partyColumns, [
    ...rows.map((row) => row.claim.claimantId),
    ...outgoing.map((row) => row.claimantId),
    ...incoming.map((row) => row.claimantId),
  ]);

  const byClaim = <T extends { claimId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) (map.get(item.claimId) ?? map.set(item.claimId, []).get(item.claimId)!).push(item);
    return map;
  };
  const [aboutOf, citedOf, outgoingOf, incomingOf, correctionsOf] = [byClaim(about), byClaim(cited), byClaim(outgoing), byClaim(incoming), byClaim(corrections)];
  const toRelation = (row: (typeof outgoing)[number]): PublicRelation => ({
    kind: row.kind,
    claim: row.isPublic
      ? {
          public: true,
          id: row.id,
          statement: row.statement,
          claimantName: row.claimantName,
          saidAt: row.saidAt,
          status: row.status,
          partyId: parties.get(row.claimantId)?.id ?? null,
        }
      : { public: false, reason: row.isDeleted ? 'removed' : 'not_public' },
  });
  const dossierPublishedAt = dossier.publishedAt;

  return rows.map((row) =>
    toPublicClaim(row.claim, {
      claimant: { ...row.claimant, affiliation: row.affiliation?.id ? { id: row.affiliation.id, name: row.affiliation.name } : null },
      party: parties.get(row.claim.claimantId) ?? null,
      about: aboutOf.get(row.claim.id) ?? [],
      sources: citedOf.get(row.claim.id) ?? [],
      relations: { outgoing: (outgoingOf.get(row.claim.id) ?? []).map(toRelation), incoming: (incomingOf.get(row.claim.id) ?? []).map(toRelation) },
      corrections: correctionsOf.get(row.claim.id) ?? [],
      publishedAt: dossierPublishedAt && dossierPublishedAt > row.claim.createdAt ? dossierPublishedAt : row.claim.createdAt,
    }),
  );
}

async function publicFilterConditions(db: Database, dossierId: string, filters: PublicClaimFilters, columns: DossierPartyColumn[]): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (filters.party?.length || filters.others) {
    const either: SQL[] = [];
    const wanted = filters.party?.length ? await claimantsOfParties(db, columns, filters.party) : [];
    if (wanted.length) either.push(inArray(claims.claimantId, wanted));
    if (filters.others) {
      const ofParties = await claimantsOfParties(db, columns, columns.map((party) => party.id));
      either.push(ofParties.length ? notInArray(claims.claimantId, ofParties) : sql`true`);
    }
    conditions.push(either.length ? or(...either)! : sql`false`);
  }
  if (filters.category?.length) conditions.push(inArray(claims.category, filters.category));
  if (filters.status?.length) conditions.push(inArray(claims.status, filters.status));
  return conditions;
}

async function publishedDossierById(db: Database, dossierId: string): Promise<Dossier> {
  const [dossier] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.id, dossierId), eq(dossiers.status, 'published'), isNull(dossiers.deletedAt)));
  if (!dossier) throw notFound('Dossier');
  return dossier;
}

/** Every public claim of a published dossier (by id), filtered, in said-at order. NOT_FOUND for a draft. */
export async function listPublicClaims(db: Database, dossierId: string, filters: PublicClaimFilters = {}): Promise<PublicClaim[]> {
  const dossier = await publishedDossierById(db, dossierId);
  const columns = await listDossierPartyColumns(db, dossier.id);
  return loadPublicClaims(db, dossier, await publicFilterConditions(db, dossier.id, filters, columns), columns);
}

/**
 * A published dossier as a read names it: by id (looked up here), or the row the caller already read with
 * getPublishedDossier (a reader's page looks its dossier up once and passes it to every read).
 */
const publishedDossierOf = (db: Database, dossier: string | Dossier) => (typeof dossier === 'string' ? publishedDossierById(db, dossier) : dossier);

/** One public claim of the published dossier `slug`; NOT_FOUND when it is not public (deleted, needs source…). */
export async function getPublicClaim(db: Database, slug: string, id: string): Promise<PublicClaim> {
  return getPublicClaimOf(db, await getPublishedDossier(db, slug), id);
}

/** getPublicClaim for a published dossier already read. */
export async function getPublicClaimOf(db: Database, dossier: Dossier, id: string): Promise<PublicClaim> {
  const [claim] = await loadPublicClaims(db, dossier, [eq(claims.id, id)]);
  if (!claim) throw notFound('Claim');
  return claim;
}

export interface PublicClaimsDay {
  /** YYYY-MM-DD (UTC) of saidAt; null for undated claims, which come last. */
  day: string | null;
  claims: PublicClaim[];
}

/** A window's first day: 'YYYY-MM-DD' (UTC), or UNDATED for the claims without a date, which come after every day. */
export const UNDATED = 'undated';
/** The "Corrections and updates" list: the newest notes, whatever the filters. */
export const PUBLIC_CORRECTIONS_LIMIT = 100;

export interface PublicClaimsWindow {
  /** Where the window starts (a day, or UNDATED); undefined: at the earliest day. */
  from?: string;
  /** About how many claims a window holds (default PUBLIC_CLAIMS_PER_PAGE). */
  perPage?: number;
}

export interface PublicCorrectionNote extends PublicCorrection {
  claim: { id: string; statement: string };
}

export interface PublicClaimsByDay {
  /**
   * The columns, in the dossier's party order, each with how many public claims count for it (whatever the
   * filters). Claims whose party is null go in an "Other" column.
   */
  parties: Array<{ id: string; name: string; role: string; claimCount: number }>;
  /** The window's claims, by day. */
  days: PublicClaimsDay[];
  /** Whether any public claim has no party (so the page offers the "Others" column). */
  hasOther: boolean;
  /** How many public claims the dossier has, and how many match the filters (every window together). */
  total: number;
  matching: number;
  /** The window's first day as asked (null: the earliest); the `from` of the windows before and after ('' = the first window, null = none). */
  from: string | null;
  earlier: string | null;
  later: string | null;
  /** The newest public correction notes of the dossier (PUBLIC_CORRECTIONS_LIMIT at most), whatever the filters. */
  corrections: PublicCorrectionNote[];
}

const DAY_MS = 86_400_000;
const dayKeyOf = (saidAt: Date | null) => (saidAt ? saidAt.toISOString().slice(0, 10) : UNDATED);
const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);
const startOfNextDay = (saidAt: Date) => new Date(startOfDay(dayKeyOf(saidAt)).getTime() + DAY_MS);
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(startOfDay(value).getTime());

/**
 * Per claimant of the dossier's public claims: how many there are and how many match the category/status filters.
 * One grouped pass over the dossier's claims index, no child rows: it gives the counts, the columns with claims and
 * the claimants a party filter stands for.
 */
async function publicClaimantCounts(db: Database, dossierId: string, filters: PublicClaimFilters) {
  const matches = and(
    ...(filters.category?.length ? [inArray(claims.category, filters.category)] : []),
    ...(filters.status?.length ? [inArray(claims.status, filters.status)] : []),
  );
  return db
    .select({
      claimantId: claims.claimantId,
      total: sql<number>`count(*)::int`,
      matching: matches ? sql<number>`(count(*) filter (where ${matches}))::int` : sql<number>`count(*)::int`,
    })
    .from(claims)
    .where(and(...publicConditions(dossierId)))
    .groupBy(claims.claimantId);
}

/**
 * The public "Claims and counterclaims" view, one window at a time: the public claims of whole days (UTC, undated
 * last) from `window.from` (or the earliest day) on, until about `window.perPage` claims, each with its party for the
 * column and its relations (counterclaims appear in `relations.incoming` with kind `counters`, partners that are not
 * public as markers only); the `from` of the windows before and after; counts; the newest corrections.
 *
 * Paged in SQL: the window's bounds are found by reading at most `perPage` rows down the (dossier, said_at) index
 * each way, filters included, and only the window's claims are loaded with their child rows, so a page of a dossier
 * of 100,000 claims reads about as much as a page of a small one (plus one grouped count of the dossier's claims).
 */
export async function listPublicClaimsByDay(
  db: Database,
  dossierIdOrRow: string | Dossier,
  filters: PublicClaimFilters = {},
  window: PublicClaimsWindow = {},
): Promise<PublicClaimsByDay> {
  const dossier = await publishedDossierOf(db, dossierIdOrRow);
  const perPage = Math.max(1, Math.floor(window.perPage ?? PUBLIC_CLAIMS_PER_PAGE));
  const from = window.from === UNDATED || (window.from && isDay(window.from)) ? window.from : undefined;
  // Independent reads run side by side (on PostgreSQL each takes its own pooled connection).
  const [columns, counts, corrections] = await Promise.all([
    listDossierPartyColumns(db, dossier.id),
    publicClaimantCounts(db, dossier.id, filters),
    db
      .select({ kind: claimCorrections.kind, note: claimCorrections.note, createdAt: claimCorrections.createdAt, claim: { id: claims.id, statement: claims.statement } })
      .from(claimCorrections)
      .innerJoin(claims, eq(claims.id, claimCorrections.claimId))
      .where(and(eq(claimCorrections.dossierId, dossier.id), ...publicConditions(dossier.id)))
      .orderBy(desc(claimCorrections.createdAt), desc(claimCorrections.id))
      .limit(PUBLIC_CORRECTIONS_LIMIT),
  ]);
  const partyOfClaimant = await partiesOfClaimants(
    db,
    columns,
    counts.map((row) => row.claimantId),
  );

  // Claims per column, and the claimants whose party the filter asks for.
  const perParty = new Map<string | null, number>();
  const wantedParties = new Set(filters.party ?? []);
  const partyFiltered = wantedParties.size > 0 || Boolean(filters.others);
  const wantedClaimants: string[] = [];
  let total = 0;
  let matching = 0;
  for (const row of counts) {
    const party = partyOfClaimant.get(row.claimantId)?.id ?? null;
    perParty.set(party, (perParty.get(party) ?? 0) + row.total);
    total += row.total;
    const wanted = !partyFiltered || (party === null ? Boolean(filters.others) : wantedParties.has(party));
    if (!wanted) continue;
    matching += row.matching;
    if (partyFiltered) wantedClaimants.push(row.claimantId);
  }

  const filterConditions: SQL[] = [];
  if (partyFiltered) filterConditions.push(wantedClaimants.length ? inArray(claims.claimantId, wantedClaimants) : sql`false`);
  if (filters.category?.length) filterConditions.push(inArray(claims.category, filters.category));
  if (filters.status?.length) filterConditions.push(inArray(claims.status, filters.status));
  const matchingClaims = [...publicConditions(dossier.id), ...filterConditions];

  const ascending = [sql`${claims.saidAt} asc nulls last`, asc(claims.id)];
  const descending = [sql`${claims.saidAt} desc nulls first`, desc(claims.id)];
  const saidAtAt = async (where: SQL[], order: SQL[], offset: number): Promise<{ saidAt: Date | null } | undefined> => {
    const [row] = await db
      .select({ saidAt: claims.saidAt })
      .from(claims)
      .where(and(...matchingClaims, ...where))
      .orderBy(...order)
      .limit(1)
      .offset(offset);
    return row;
  };

  // The window: from `from` to the day of its perPage-th claim (whole days; everything left when fewer remain).
  const fromCondition: SQL[] = from === undefined ? [] : from === UNDATED ? [isNull(claims.saidAt)] : [or(gte(claims.saidAt, startOfDay(from)), isNull(claims.saidAt))!];
  const last = total === 0 ? undefined : await saidAtAt(fromCondition, ascending, perPage - 1);
  const windowEnd: SQL[] = last?.saidAt ? [lt(claims.saidAt, startOfNextDay(last.saidAt))] : [];

  // The next window starts at the first day after this one.
  const laterWindow = async (): Promise<string | null> => {
    if (!last?.saidAt) return null;
    const next = await saidAtAt([or(gte(claims.saidAt, startOfNextDay(last.saidAt)), isNull(claims.saidAt))!], ascending, 0);
    return next ? dayKeyOf(next.saidAt) : null;
  };
  // The window before holds the whole days that end just before `from`, about perPage claims; '' when it is the first.
  const earlierWindow = async (): Promise<string | null> => {
    if (from === undefined || total === 0) return null;
    const before = from === UNDATED ? [isNotNull(claims.saidAt)] : [lt(claims.saidAt, startOfDay(from))];
    const first = await saidAtAt(before, descending, perPage - 1);
    if (first?.saidAt) {
      const earliest = await saidAtAt([lt(claims.saidAt, startOfDay(dayKeyOf(first.saidAt)))], ascending, 0);
      return earliest ? dayKeyOf(first.saidAt) : '';
    }
    return (await saidAtAt(before, descending, 0)) ? '' : null;
  };
  const [claimList, later, earlier] = await Promise.all([
    total === 0 ? [] : loadPublicClaims(db, dossier, [...filterConditions, ...fromCondition, ...windowEnd], columns),
    laterWindow(),
    earlierWindow(),
  ]);

  const days: PublicClaimsDay[] = [];
  for (const claim of claimList) {
    const day = claim.saidAt ? claim.saidAt.toISOString().slice(0, 10) : null;
    const lastDay = days[days.length - 1];
    if (lastDay && lastDay.day === day) lastDay.claims.push(claim);
    else days.push({ day, claims: [claim] });
  }

  return {
    parties: columns.map((party) => ({ id: party.id, name: party.name, role: party.role, claimCount: perParty.get(party.id) ?? 0 })),
    days,
    hasOther: (perParty.get(null) ?? 0) > 0,
    total,
    matching,
    from: from ?? null,
    earlier,
    later,
    corrections: corrections.map((correction) => ({
      kind: correction.kind,
      note: correction.note,
      createdAt: correction.createdAt,
      claim: { id: correction.claim.id, statement: correction.claim.statement },
    })),
  };
}

/** Public claims for the public CSV (read with their parts in a few batched queries, then written row by row). */
/**
 * Every public claim of a published dossier, filtered, in said-at order, for the streamed public CSV: the ordered ids
 * are read once (a narrow query), then the claims with their parts a batch at a time, so memory holds one batch of
 * claims, never the whole dossier.
 */
export async function* iteratePublicClaims(
  db: Database,
  dossierId: string,
  filters: PublicClaimFilters = {},
  batchSize = 2_000,
): AsyncGenerator<PublicClaim> {
  const dossier = await publishedDossierById(db, dossierId);
  const columns = await listDossierPartyColumns(db, dossier.id);
  const conditions = await publicFilterConditions(db, dossier.id, filters, columns);
  const ordered = await db
    .select({ id: claims.id })
    .from(claims)
    .innerJoin(actors, eq(actors.id, claims.claimantId))
    .where(and(...publicConditions(dossier.id), ...conditions))
    .orderBy(sql`${claims.saidAt} asc nulls last`, asc(claims.createdAt), asc(claims.id));
  for (let start = 0; start < ordered.length; start += batchSize) {
    const batch = ordered.slice(start, start + batchSize).map((row) => row.id);
    yield* await loadPublicClaims(db, dossier, [inArray(claims.id, batch)], columns);
  }
}

/**
 * What a published dossier's public claims CSV depends on, in one small query: every write to its claims (child rows
 * included: they bump the claim's version), its sources, its parties and the actors its claims name changes it.
 * Null when there is nothing public.
 */
export async function getPublicClaimsFingerprint(db: Database, slug: string): Promise<{ dossierId: string; slug: string; fingerprint: string } | null> {
  const relationsState = sql<string>`(select concat_ws('/', count(*), max(${claimRelations}.created_at)::text) from ${claimRelations} inner join ${claims} on ${claims}.id = ${claimRelations}.from_claim_id where ${claims}.dossier_id = ${dossiers}.id)`;
  return publishedFingerprint(db, slug, [
    rowsState(claims, { ofDossier: true }),
    rowsState(sources, { ofDossier: true }),
    rowsState(dossierParties, { ofDossier: true }),
    rowsState(actors, { ofDossier: false }),
    relationsState,
  ]);
}
