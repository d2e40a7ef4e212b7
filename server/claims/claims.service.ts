import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { actors } from '@/server/actors/schema';
import { diffFields } from '@/server/audit/audit.service';
import { auditEntity } from '@/server/audit/entity-types';
import { exportRows } from '@/server/csv/export-rows';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { inSequence } from '@/server/db/in-sequence';
import { valueList, withinDays } from '@/server/db/query-parts';
import { columnsWithoutSearchVector, withoutSearchVector } from '@/server/db/search-vector';
import { cursorValueOf, keysetOrder, seekPage, toPage, type KeysetSort } from '@/server/db/pagination';
import { editableEntity, type Writer } from '@/server/db/versioned-write';
import { dossiers } from '@/server/dossiers/schema';
import { notFound, ServiceError } from '@/server/errors';
import { checkNewCitations } from '@/server/sources/cited-sources';
import { sources } from '@/server/sources/schema';
import {
  claimantsOfParties,
  listDossierPartyColumns,
  partiesOfClaimants,
  partiesOfClaimantsInDossiers,
  partyKey,
  type PartyRef,
} from './claim-party';
import {
  actorClaimRoles,
  type ActorClaimRole,
  type ClaimFilters,
  type ClaimRelationInput,
  type ClaimsByActorInput,
  type ClaimSortKey,
  type ClaimSourceInput,
  type CreateClaimInput,
  type ListClaimsInput,
  type UpdateClaimInput,
} from './claims.input';
import {
  claimCategories,
  claimFigures,
  claimRelationKinds,
  type ClaimRelationKind,
  verificationStatuses,
} from './claims.labels';
import { claimAbout, claimCorrections, claimRelations, claims, claimSources, type Claim } from './schema';

const ENTITY = auditEntity.claim;

// ---------------------------------------------------------------------------------------------------------------
// Columns and shapes
// ---------------------------------------------------------------------------------------------------------------

/** Every claim column except the generated search vector (an index, not data anyone reads). */
export const claimColumns = columnsWithoutSearchVector(claims);
export type ClaimRow = Omit<Claim, 'searchVector'>;

/** Claims per batch of the desk export: each batch's child rows are read with `in (…ids)` lists of this size. */
const CLAIM_EXPORT_BATCH_ROWS = 2_000;


export interface RelationCounts {
  counters: number;
  corroborates: number;
  updates: number;
  counteredBy: number;
  corroboratedBy: number;
  updatedBy: number;
}

const INCOMING_KEY: Record<ClaimRelationKind, keyof RelationCounts> = {
  counters: 'counteredBy',
  corroborates: 'corroboratedBy',
  updates: 'updatedBy',
};

const emptyCounts = (): RelationCounts => ({ counters: 0, corroborates: 0, updates: 0, counteredBy: 0, corroboratedBy: 0, updatedBy: 0 });

export type ClaimListItem = ClaimRow & {
  claimant: { id: string; name: string };
  party: PartyRef | null;
  about: Array<{ id: string; name: string }>;
  /** Live sources cited. */
  sourceCount: number;
  /** No live source: shown as "needs source" on the desk, never shown publicly. */
  needsSource: boolean;
  /** Relations to and from live claims. */
  relationCounts: RelationCounts;
};

// ---------------------------------------------------------------------------------------------------------------
// Shared SQL fragments
// ---------------------------------------------------------------------------------------------------------------

// Qualified by hand: in a single-table select drizzle writes columns without their table, so an outer reference
// inside a subquery could bind to the inner table.
/** The claim cites at least one live source. */
export const hasLiveSource = sql`exists (select 1 from ${claimSources} inner join ${sources} on ${sources}.id = ${claimSources}.source_id where ${claimSources}.claim_id = ${claims}.id and ${sources}.deleted_at is null)`;

function groupBy<T, V>(rows: T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(value(row));
    else groups.set(k, [value(row)]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------------------------
// Desk list, count and export
// ---------------------------------------------------------------------------------------------------------------

function sortFor(key: ClaimSortKey, direction: 'asc' | 'desc'): KeysetSort {
  const columns = {
    said: { column: claims.saidAt, nullable: true, valueType: 'timestamp' },
    occurred: { column: claims.occurredAt, nullable: true, valueType: 'timestamp' },
    created: { column: claims.createdAt, nullable: false, valueType: 'timestamp' },
    status: { column: claims.status, nullable: false, valueType: { enum: verificationStatuses } },
    category: { column: claims.category, nullable: false, valueType: { enum: claimCategories } },
  } as const;
  return { ...columns[key], id: claims.id, direction };
}


/** Postgres full-text search in English (stemmed: "shelling" finds "shelled"), as web search engines read queries. */
export const matchesSearch = (search: string) => sql`${claims.searchVector} @@ websearch_to_tsquery('english', ${search})`;

async function filterConditions(db: DatabaseOrTransaction, dossierId: string, filters: ClaimFilters): Promise<SQL[]> {
  if (filters.saidFrom && filters.saidTo && filters.saidFrom > filters.saidTo) {
    throw new ServiceError('BAD_REQUEST', 'saidTo: Said to must be on or after Said from.');
  }
  const conditions: SQL[] = [
    eq(claims.dossierId, dossierId),
    filters.deleted ? isNotNull(claims.deletedAt) : isNull(claims.deletedAt),
  ];
  if (filters.search) conditions.push(matchesSearch(filters.search));
  if (filters.party.length) {
    const claimantIds = await claimantsOfParties(db, await listDossierPartyColumns(db, dossierId), filters.party);
    conditions.push(claimantIds.length ? inArray(claims.claimantId, claimantIds) : sql`false`);
  }
  if (filters.about.length) {
    conditions.push(
      sql`exists (select 1 from ${claimAbout} where ${claimAbout}.claim_id = ${claims}.id and ${claimAbout}.actor_id in (${valueList(filters.about)}))`,
    );
  }
  if (filters.status.length) conditions.push(inArray(claims.status, filters.status));
  if (filters.category.length) conditions.push(inArray(claims.category, filters.category));
  conditions.push(...withinDays(claims.saidAt, filters.saidFrom, filters.saidTo));
  if (filters.needsSource) conditions.push(sql`not ${hasLiveSource}`);
  return conditions;
}

const partner = alias(claims, 'partner');

/** About actors, live source counts, relation counts and parties for one page of claims: a few queries, not N. */
async function decoratePage<Row extends ClaimRow & { claimantName: string }>(
  db: DatabaseOrTransaction,
  dossierId: string,
  rows: Row[],
): Promise<Array<Omit<Row, 'claimantName'> & Omit<ClaimListItem, keyof ClaimRow>>> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [aboutRows, sourceRows, outgoing, incoming, parties] = await Promise.all([
    db
      .select({ claimId: claimAbout.claimId, id: actors.id, name: actors.name })
      .from(claimAbout)
      .innerJoin(actors, eq(actors.id, claimAbout.actorId))
      .where(inArray(claimAbout.claimId, ids))
      .orderBy(asc(actors.name)),
    db
      .select({ claimId: claimSources.claimId, count: sql<number>`count(*)::int` })
      .from(claimSources)
      .innerJoin(sources, eq(sources.id, claimSources.sourceId))
      .where(and(inArray(claimSources.claimId, ids), isNull(sources.deletedAt)))
      .groupBy(claimSources.claimId),
    db
      .select({ claimId: claimRelations.fromClaimId, kind: claimRelations.kind, count: sql<number>`count(*)::int` })
      .from(claimRelations)
      .innerJoin(partner, eq(partner.id, claimRelations.toClaimId))
      .where(and(inArray(claimRelations.fromClaimId, ids), isNull(partner.deletedAt)))
      .groupBy(claimRelations.fromClaimId, claimRelations.kind),
    db
      .select({ claimId: claimRelations.toClaimId, kind: claimRelations.kind, count: sql<number>`count(*)::int` })
      .from(claimRelations)
      .innerJoin(partner, eq(partner.id, claimRelations.fromClaimId))
      .where(and(inArray(claimRelations.toClaimId, ids), isNull(partner.deletedAt)))
      .groupBy(claimRelations.toClaimId, claimRelations.kind),
    listDossierPartyColumns(db, dossierId).then((columns) =>
      partiesOfClaimants(
        db,
        columns,
        rows.map((row) => row.claimantId),
      ),
    ),
  ]);
  const about = groupBy(aboutRows, (row) => row.claimId, ({ id, name }) => ({ id, name }));
  const sourceCounts = new Map(sourceRows.map((row) => [row.claimId, row.count]));
  const counts = new Map<string, RelationCounts>();
  const countsOf = (id: string) => counts.get(id) ?? counts.set(id, emptyCounts()).get(id)!;
  for (const row of outgoing) countsOf(row.claimId)[row.kind] += row.count;
  for (const row of incoming) countsOf(row.claimId)[INCOMING_KEY[row.kind]] += row.count;

  return rows.map(({ claimantName, ...row }) => {
    const sourceCount = sourceCounts.get(row.id) ?? 0;
    return {
      ...row,
      claimant: { id: row.claimantId, name: claimantName },
      party: parties.get(row.claimantId) ?? null,
      about: about.get(row.id) ?? [],
      sourceCount,
      needsSource: sourceCount === 0,
      relationCounts: counts.get(row.id) ?? emptyCounts(),
    };
  });
}

/** A claim as the desk list reads it, before decoratePage: its columns and its claimant's name. */
type ClaimListRow = ClaimRow & { claimantName: string };

const claimListSelection = { ...claimColumns, claimantName: actors.name };

/** The desk list's claims in keyset order, as one query (the export reads it through a cursor). */
function claimListQuery(db: Database, sort: KeysetSort, conditions: SQL[]) {
  return db
    .select(claimListSelection)
    .from(claims)
    .innerJoin(actors, eq(actors.id, claims.claimantId))
    .where(and(...conditions))
    .orderBy(...keysetOrder(sort));
}

/** One keyset page of undecorated claim rows. */
async function claimRowsPage(db: Database, input: ListClaimsInput, conditions: SQL[]): Promise<{ items: ClaimListRow[]; nextCursor: string | null }> {
  const sort = sortFor(input.sort, input.order);
  const rows = await seekPage(sort, input.cursor, input.limit, (after, limit) =>
    db
      .select({ ...claimListSelection, cursorValue: cursorValueOf(sort) })
      .from(claims)
      .innerJoin(actors, eq(actors.id, claims.claimantId))
      .where(and(...conditions, after))
      .orderBy(...keysetOrder(sort))
      .limit(limit),
  );
  return toPage(rows, input.limit);
}

/** One page of a dossier's claims, filtered and sorted as the desk table and CSV export ask. */
export async function listClaims(db: Database, input: ListClaimsInput): Promise<{ items: ClaimListItem[]; nextCursor: string | null }> {
  const page = await claimRowsPage(db, input, await filterConditions(db, input.dossierId, input));
  return { items: await decoratePage(db, input.dossierId, page.items), nextCursor: page.nextCursor };
}

export interface ActorClaimItem {
  id: string;
  dossier: { id: string; slug: string; title: string };
  claimant: { id: string; name: string };
  party: PartyRef | null;
  /** How the actor appears in the claim: its claimant, among those it is about, or both. */
  roles: ActorClaimRole[];
  statement: string;
  status: Claim['status'];
  category: Claim['category'];
  saidAt: Date | null;
  saidPrecision: Claim['saidPrecision'];
  needsSource: boolean;
}

/**
 * One page of an actor's live claims across every live dossier, newest said first (undated last): claims it made,
 * claims about it, or both. The matching ids come from claims_claimant_said_idx and claim_about_actor_idx (a union the
 * planner turns into a semi-join on the primary key), never a scan of every claim.
 */
export async function listClaimsByActor(db: Database, input: ClaimsByActorInput): Promise<{ items: ActorClaimItem[]; nextCursor: string | null }> {
  const sort = sortFor('said', 'desc');
  const byClaimant = sql`select ${claims}.id from ${claims} where ${claims}.claimant_id = ${input.actorId}`;
  const byAbout = sql`select ${claimAbout}.claim_id from ${claimAbout} where ${claimAbout}.actor_id = ${input.actorId}`;
  const matches = {
    claimant: eq(claims.claimantId, input.actorId),
    about: sql`${claims.id} in (${byAbout})`,
    any: sql`${claims.id} in (${byClaimant} union ${byAbout})`,
  }[input.role];
  const conditions: SQL[] = [matches, isNull(claims.deletedAt)];
  const rows = await seekPage(sort, input.cursor, input.limit, (after, limit) =>
    db
      .select({
        id: claims.id,
        dossierId: claims.dossierId,
        claimantId: claims.claimantId,
        statement: claims.statement,
        status: claims.status,
        category: claims.category,
        saidAt: claims.saidAt,
        saidPrecision: claims.saidPrecision,
        claimantName: actors.name,
        dossierSlug: dossiers.slug,
        dossierTitle: dossiers.title,
        cursorValue: cursorValueOf(sort),
      })
      .from(claims)
      .innerJoin(dossiers, and(eq(dossiers.id, claims.dossierId), isNull(dossiers.deletedAt)))
      .innerJoin(actors, eq(actors.id, claims.claimantId))
      .where(and(...conditions, after))
      .orderBy(...keysetOrder(sort))
      .limit(limit),
  );
  const page = toPage(rows, input.limit);
  if (page.items.length === 0) return { items: [], nextCursor: null };

  const ids = page.items.map((row) => row.id);
  const [aboutRows, sourceRows, parties] = await Promise.all([
    db
      .select({ claimId: claimAbout.claimId })
      .from(claimAbout)
      .where(and(eq(claimAbout.actorId, input.actorId), inArray(claimAbout.claimId, ids))),
    db
      .selectDistinct({ claimId: claimSources.claimId })
      .from(claimSources)
      .innerJoin(sources, eq(sources.id, claimSources.sourceId))
      .where(and(inArray(claimSources.claimId, ids), isNull(sources.deletedAt))),
    partiesOfClaimantsInDossiers(db, page.items),
  ]);
  const about = new Set(aboutRows.map((row) => row.claimId));
  const sourced = new Set(sourceRows.map((row) => row.claimId));
  return {
    items: page.items.map((row) => ({
      id: row.id,
      dossier: { id: row.dossierId, slug: row.dossierSlug, title: row.dossierTitle },
      claimant: { id: row.claimantId, name: row.claimantName },
      party: parties.get(partyKey(row.dossierId, row.claimantId)) ?? null,
      roles: actorClaimRoles.filter((role) => (role === 'claimant' ? row.claimantId === input.actorId : about.has(row.id))),
      statement: row.statement,
      status: row.status,
      category: row.category,
      saidAt: row.saidAt,
      saidPrecision: row.saidPrecision,
      needsSource: !sourced.has(row.id),
    })),
    nextCursor: page.nextCursor,
  };
}

export async function countClaims(db: Database, dossierId: string, filters: ClaimFilters): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(claims)
    .where(and(...(await filterConditions(db, dossierId, filters))));
  return row?.count ?? 0;
}

/** A desk export row: the list item plus what the CSV lists by value (source URLs, the ids of related claims). */
export type ClaimExportRow = ClaimListItem & {
  sourceUrls: string[];
  outgoing: Record<ClaimRelationKind, string[]>;
};

/**
 * Every matching claim in the desk table's order, for streaming exports: the claims from a server-side cursor a
 * batch at a time (keyset pages on PGlite; see exportRows), each batch decorated in a few queries (about, counts,
 * parties, source URLs, relations), so memory stays flat and the query count grows per batch, not per claim.
 */
export async function* iterateClaims(db: Database, dossierId: string, filters: ClaimFilters, batchSize = CLAIM_EXPORT_BATCH_ROWS): AsyncGenerator<ClaimExportRow> {
  const sort = sortFor(filters.sort, filters.order);
  const conditions = await filterConditions(db, dossierId, filters);
  yield* exportRows<ClaimListRow, ClaimExportRow>(db, {
    selection: claimListSelection,
    query: (db) => claimListQuery(db, sort, conditions),
    page: (db, cursor, limit) => claimRowsPage(db, { ...filters, dossierId, cursor, limit }, conditions),
    decorate: async (db, rows) => {
      const ids = rows.map((row) => row.id);
      const [items, urls, relations] = await Promise.all([
        decoratePage(db, dossierId, rows),
        db
          .select({ claimId: claimSources.claimId, url: sources.url })
          .from(claimSources)
          .innerJoin(sources, eq(sources.id, claimSources.sourceId))
          .where(and(inArray(claimSources.claimId, ids), isNull(sources.deletedAt), isNotNull(sources.url)))
          .orderBy(asc(claimSources.claimId), asc(claimSources.position)),
        db
          .select({ claimId: claimRelations.fromClaimId, kind: claimRelations.kind, toClaimId: claimRelations.toClaimId })
          .from(claimRelations)
          .where(inArray(claimRelations.fromClaimId, ids))
          .orderBy(asc(claimRelations.createdAt), asc(claimRelations.id)),
      ]);
      const urlsOf = groupBy(urls, (row) => row.claimId, (row) => row.url!);
      const relationsOf = groupBy(relations, (row) => row.claimId, (row) => row);
      return items.map((item) => {
        const outgoing = Object.fromEntries(claimRelationKinds.map((kind) => [kind, [] as string[]])) as Record<ClaimRelationKind, string[]>;
        for (const relation of relationsOf.get(item.id) ?? []) outgoing[relation.kind].push(relation.toClaimId);
        return { ...item, sourceUrls: urlsOf.get(item.id) ?? [], outgoing };
      });
    },
    batchSize,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// One claim, with its thread
// ---------------------------------------------------------------------------------------------------------------

export interface RelatedClaim {
  id: string;
  statement: string;
  claimantName: string;
  saidAt: Date | null;
  status: Claim['status'];
  /** The partner was deleted: the link stays and shows as removed. */
  deleted: boolean;
}

export interface ClaimRelation {
  kind: ClaimRelationKind;
  claim: RelatedClaim;
}

/** Both directions of a claim's relations, with a summary of each partner. */
export async function loadRelations(db: DatabaseOrTransaction, claimId: string): Promise<{ outgoing: ClaimRelation[]; incoming: ClaimRelation[] }> {
  const summary = {
    kind: claimRelations.kind,
    id: partner.id,
    statement: partner.statement,
    claimantName: actors.name,
    saidAt: partner.saidAt,
    status: partner.status,
    deletedAt: partner.deletedAt,
  };
  const toRelation = (row: { kind: ClaimRelationKind; id: string; statement: string; claimantName: string; saidAt: Date | null; status: Claim['status']; deletedAt: Date | null }): ClaimRelation => ({
    kind: row.kind,
    claim: { id: row.id, statement: row.statement, claimantName: row.claimantName, saidAt: row.saidAt, status: row.status, deleted: row.deletedAt !== null },
  });
  const [outgoing, incoming] = await Promise.all([
    db
      .select(summary)
      .from(claimRelations)
      .innerJoin(partner, eq(partner.id, claimRelations.toClaimId))
      .innerJoin(actors, eq(actors.id, partner.claimantId))
      .where(eq(claimRelations.fromClaimId, claimId))
      .orderBy(asc(claimRelations.kind), asc(partner.saidAt), asc(partner.id)),
    db
      .select(summary)
      .from(claimRelations)
      .innerJoin(partner, eq(partner.id, claimRelations.fromClaimId))
      .innerJoin(actors, eq(actors.id, partner.claimantId))
      .where(eq(claimRelations.toClaimId, claimId))
      .orderBy(asc(claimRelations.kind), asc(partner.saidAt), asc(partner.id)),
  ]);
  return { outgoing: outgoing.map(toRelation), incoming: incoming.map(toRelation) };
}

const affiliationActor = alias(actors, 'affiliation');

/** The desk's claim page: the claim, who said it and for which party, about whom, its evidence, thread and corrections. */
export async function getClaim(db: Database, id: string) {
  const [row] = await db
    .select({
      claim: claimColumns,
      claimant: {
        id: actors.id,
        name: actors.name,
        kind: actors.kind,
        title: actors.title,
        countryCode: actors.countryCode,
        deletedAt: actors.deletedAt,
      },
      affiliation: { id: affiliationActor.id, name: affiliationActor.name },
    })
    .from(claims)
    .innerJoin(actors, eq(actors.id, claims.claimantId))
    .leftJoin(affiliationActor, eq(affiliationActor.id, actors.affiliationId))
    .where(eq(claims.id, id));
  if (!row) throw notFound('Claim');
  const claim = row.claim;
  const [about, cited, relations, corrections, parties] = await Promise.all([
    db
      .select({ id: actors.id, name: actors.name, kind: actors.kind, deletedAt: actors.deletedAt })
      .from(claimAbout)
      .innerJoin(actors, eq(actors.id, claimAbout.actorId))
      .where(eq(claimAbout.claimId, id))
      .orderBy(asc(actors.name)),
    db
      .select({
        source: {
          id: sources.id,
          title: sources.title,
          outlet: sources.outlet,
          url: sources.url,
          publishedAt: sources.publishedAt,
          deletedAt: sources.deletedAt,
        },
        excerpt: claimSources.excerpt,
      })
      .from(claimSources)
      .innerJoin(sources, eq(sources.id, claimSources.sourceId))
      .where(eq(claimSources.claimId, id))
      .orderBy(asc(claimSources.position), asc(sources.title)),
    loadRelations(db, id),
    db
      .select({ id: claimCorrections.id, kind: claimCorrections.kind, note: claimCorrections.note, createdAt: claimCorrections.createdAt })
      .from(claimCorrections)
      .where(eq(claimCorrections.claimId, id))
      .orderBy(asc(claimCorrections.createdAt), asc(claimCorrections.id)),
    listDossierPartyColumns(db, claim.dossierId).then((columns) => partiesOfClaimants(db, columns, [claim.claimantId])),
  ]);
  return {
    ...claim,
    claimant: { ...row.claimant, affiliation: row.affiliation?.id ? { id: row.affiliation.id, name: row.affiliation.name } : null },
    party: parties.get(claim.claimantId) ?? null,
    about,
    sources: cited,
    needsSource: !cited.some((link) => link.source.deletedAt === null),
    relations,
    corrections,
  };
}
export type ClaimDetails = Awaited<ReturnType<typeof getClaim>>;

// ---------------------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------------------

const dossierDeleted = () => new ServiceError('NOT_FOUND', 'This claim’s dossier was deleted; restore the dossier first.');

/**
 * Locks a live (or, for restore, deleted) claim for a versioned write. The dossier row is locked `for share`, so
 * deleting or unpublishing the dossier waits for this write; a deleted dossier's claims are frozen.
 */
const claimEntity = editableEntity({
  table: claims,
  entityType: ENTITY,
  label: 'Claim',
  dossierIdOf: (row) => row.dossierId,
  // Derived from the text fields, which the log records already.
  auditOmit: ['searchVector'],
  afterLock: async (tx, row) => {
    const [dossier] = await tx.select({ deletedAt: dossiers.deletedAt }).from(dossiers).where(eq(dossiers.id, row.dossierId)).for('share');
    if (!dossier || dossier.deletedAt !== null) throw dossierDeleted();
  },
});

function editableValues(input: Omit<CreateClaimInput, 'dossierId' | 'about' | 'sources' | 'relations'>) {
  return {
    claimantId: input.claimantId,
    statement: input.statement,
    quote: input.quote,
    quoteKind: input.quoteKind,
    originalText: input.originalText,
    originalLanguage: input.originalLanguage,
    saidAt: input.saidAt,
    saidPrecision: input.saidPrecision,
    occurredAt: input.occurredAt,
    occurredPrecision: input.occurredPrecision,
    place: input.place,
    category: input.category,
    killed: input.killed,
    killedAtLeast: input.killedAtLeast,
    wounded: input.wounded,
    woundedAtLeast: input.woundedAtLeast,
    displaced: input.displaced,
    displacedAtLeast: input.displacedAtLeast,
    equipmentDestroyed: input.equipmentDestroyed,
    equipmentDestroyedAtLeast: input.equipmentDestroyedAtLeast,
    status: input.status,
    statusExplanation: input.statusExplanation,
    credibility: input.credibility,
    tags: input.tags,
    internalNotes: input.internalNotes,
  };
}
type EditableValues = ReturnType<typeof editableValues>;

/** The fields whose change, once the dossier is published, needs a public correction note. */
const CORRECTED_FIELDS = [
  'statement',
  'status',
  ...claimFigures.flatMap((figure) => [figure, `${figure}AtLeast` as const]),
] as const satisfies ReadonlyArray<keyof EditableValues>;

interface Children {
  about: string[];
  sources: ClaimSourceInput[];
  relations: ClaimRelationInput[];
}

const noChildren: Children = { about: [], sources: [], relations: [] };

async function loadChildren(tx: DatabaseOrTransaction, claimId: string): Promise<Children> {
  const [about, cited, relations] = await inSequence([
    tx.select({ actorId: claimAbout.actorId }).from(claimAbout).where(eq(claimAbout.claimId, claimId)),
    tx
      .select({ sourceId: claimSources.sourceId, excerpt: claimSources.excerpt })
      .from(claimSources)
      .where(eq(claimSources.claimId, claimId))
      .orderBy(asc(claimSources.position)),
    tx.select({ kind: claimRelations.kind, toClaimId: claimRelations.toClaimId }).from(claimRelations).where(eq(claimRelations.fromClaimId, claimId)),
  ]);
  return { about: about.map((row) => row.actorId), sources: cited, relations };
}

const invalid = (message: string) => new ServiceError('BAD_REQUEST', message);

/**
 * Checks every reference a write adds: claimant and about must be live actors, sources live and of this dossier,
 * related claims live, of this dossier and not this claim. References the claim already had may stay even if their
 * target was deleted since (an editor fixing a typo is not blocked by someone else's deletion).
 */
async function checkReferences(
  tx: DatabaseOrTransaction,
  dossierId: string,
  claimId: string | null,
  next: { claimantId: string } & Children,
  current: { claimantId: string | null } & Children,
) {
  const newActors = [...new Set([...(next.claimantId !== current.claimantId ? [next.claimantId] : []), ...next.about.filter((id) => !current.about.includes(id))])];
  if (newActors.length) {
    const live = new Set(
      (await tx.select({ id: actors.id }).from(actors).where(and(inArray(actors.id, newActors), isNull(actors.deletedAt)))).map((row) => row.id),
    );
    if (!live.has(next.claimantId) && newActors.includes(next.claimantId)) {
      throw invalid('claimantId: The claimant must be an actor in the directory (not deleted).');
    }
    if (newActors.some((id) => !live.has(id))) throw invalid('about: Every actor the claim is about must be in the directory (not deleted).');
  }

  await checkNewCitations(tx, dossierId, 'A claim', next.sources, current.sources);

  if (claimId && next.relations.some((relation) => relation.toClaimId === claimId)) {
    throw invalid('relations: A claim cannot relate to itself.');
  }
  const targets = [...new Set(next.relations.map((relation) => relation.toClaimId))];
  if (targets.length) {
    const rows = await tx
      .select({ id: claims.id, dossierId: claims.dossierId, deletedAt: claims.deletedAt })
      .from(claims)
      .where(inArray(claims.id, targets));
    if (rows.length < targets.length) throw invalid('relations: A related claim was not found.');
    if (rows.some((row) => row.dossierId !== dossierId)) throw invalid('relations: A claim can only relate to claims of the same dossier.');
    const linked = new Set(current.relations.map((relation) => relation.toClaimId));
    if (rows.some((row) => row.deletedAt !== null && !linked.has(row.id))) {
      throw invalid('relations: A related claim was deleted; restore it first or link another claim.');
    }
  }
}

/** The child rows as the audit log shows them: readable labels in a stable order. */
async function auditedChildren(tx: DatabaseOrTransaction, claimId: string) {
  const [about, cited, relations] = await inSequence([
    tx
      .select({ name: actors.name })
      .from(claimAbout)
      .innerJoin(actors, eq(actors.id, claimAbout.actorId))
      .where(eq(claimAbout.claimId, claimId))
      .orderBy(asc(actors.name), asc(actors.id)),
    tx
      .select({ title: sources.title, excerpt: claimSources.excerpt })
      .from(claimSources)
      .innerJoin(sources, eq(sources.id, claimSources.sourceId))
      .where(eq(claimSources.claimId, claimId))
      .orderBy(asc(claimSources.position)),
    tx
      .select({ kind: claimRelations.kind, statement: partner.statement, id: partner.id })
      .from(claimRelations)
      .innerJoin(partner, eq(partner.id, claimRelations.toClaimId))
      .where(eq(claimRelations.fromClaimId, claimId))
      .orderBy(asc(claimRelations.kind), asc(partner.statement), asc(partner.id)),
  ]);
  return {
    about: about.map((row) => row.name),
    sources: cited.map((row) => (row.excerpt ? `${row.title}: “${row.excerpt}”` : row.title)),
    relations: relations.map((row) => `${row.kind} “${row.statement}”`),
  };
}

/** Replaces the claim's about actors, cited sources (with excerpts and order) and outgoing relations. */
async function writeChildren(tx: DatabaseOrTransaction, writer: Writer, claimId: string, next: Children, current: Children) {
  await tx.delete(claimAbout).where(eq(claimAbout.claimId, claimId));
  if (next.about.length) await tx.insert(claimAbout).values(next.about.map((actorId) => ({ claimId, actorId })));

  await tx.delete(claimSources).where(eq(claimSources.claimId, claimId));
  if (next.sources.length) {
    await tx.insert(claimSources).values(next.sources.map((link, position) => ({ claimId, sourceId: link.sourceId, excerpt: link.excerpt, position })));
  }

  // Relations keep their own creation date and author: only removed ones are deleted, only new ones inserted.
  const key = (relation: ClaimRelationInput) => `${relation.kind}:${relation.toClaimId}`;
  const wanted = new Set(next.relations.map(key));
  const existing = new Set(current.relations.map(key));
  for (const relation of current.relations.filter((item) => !wanted.has(key(item)))) {
    await tx
      .delete(claimRelations)
      .where(and(eq(claimRelations.fromClaimId, claimId), eq(claimRelations.toClaimId, relation.toClaimId), eq(claimRelations.kind, relation.kind)));
  }
  const added = next.relations.filter((item) => !existing.has(key(item)));
  if (added.length) {
    await tx.insert(claimRelations).values(added.map((relation) => ({ fromClaimId: claimId, toClaimId: relation.toClaimId, kind: relation.kind, createdBy: writer?.id ?? null })));
  }
}

export async function createClaim(db: Database, writer: Writer, input: CreateClaimInput): Promise<ClaimRow> {
  return db.transaction(async (tx) => {
    const [dossier] = await tx.select({ deletedAt: dossiers.deletedAt }).from(dossiers).where(eq(dossiers.id, input.dossierId)).for('share');
    if (!dossier || dossier.deletedAt !== null) throw notFound('Dossier');
    const next: Children = { about: input.about, sources: input.sources, relations: input.relations };
    await checkReferences(tx, input.dossierId, null, { claimantId: input.claimantId, ...next }, { claimantId: null, ...noChildren });
    const created = await claimEntity.create(
      tx,
      writer,
      { dossierId: input.dossierId, ...editableValues(input) },
      {
        // The child rows need the claim's id; they join the claim's create entry.
        extraChanges: async (row) => {
          await writeChildren(tx, writer, row.id, next, noChildren);
          return diffFields({ about: [], sources: [], relations: [] }, await auditedChildren(tx, row.id));
        },
      },
    );
    return withoutSearchVector(created);
  });
}

const correctionNeeded = () =>
  new ServiceError(
    'BAD_REQUEST',
    'correction: This dossier is published: changing a claim’s statement, status or figures needs a public note (correction, update or clarification).',
    { field: 'correction' },
  );

/**
 * Updates a claim and its child rows in one transaction and one audit entry. In a published dossier, a change to the
 * statement, status or any figure needs `correction`, stored as a public, dated note.
 */
export async function updateClaim(db: Database, writer: Writer, input: UpdateClaimInput): Promise<ClaimRow> {
  return db.transaction(async (tx) => {
    const next: Children = { about: input.about, sources: input.sources, relations: input.relations };
    let current: Children = noChildren;
    let childrenBefore: Awaited<ReturnType<typeof auditedChildren>> | null = null;
    // editableEntity's lock: the row `for update`, the dossier `for share`, NOT_FOUND for a deleted claim or dossier.
    const { after } = await claimEntity.update(
      tx,
      writer,
      input,
      async (before) => {
        const [dossier] = await tx.select({ status: dossiers.status }).from(dossiers).where(eq(dossiers.id, before.dossierId));
        const values = editableValues(input);
        const changed = CORRECTED_FIELDS.filter((field) => before[field] !== values[field]);
        if (dossier?.status === 'published' && changed.length > 0 && !input.correction) throw correctionNeeded();
        current = await loadChildren(tx, input.id);
        await checkReferences(tx, before.dossierId, input.id, { claimantId: input.claimantId, ...next }, { claimantId: before.claimantId, ...current });
        childrenBefore = await auditedChildren(tx, input.id);
        return values;
      },
      {
        // Child rows and the correction note are written after the claim row and recorded in its one audit entry.
        extraChanges: async (row) => {
          await writeChildren(tx, writer, row.id, next, current);
          const changes = diffFields(childrenBefore, await auditedChildren(tx, row.id));
          if (input.correction) {
            await tx.insert(claimCorrections).values({
              claimId: row.id,
              dossierId: row.dossierId,
              kind: input.correction.kind,
              note: input.correction.note,
              createdBy: writer?.id ?? null,
            });
            changes.correction = { before: null, after: `${input.correction.kind}: ${input.correction.note}` };
          }
          return changes;
        },
      },
    );
    return withoutSearchVector(after);
  });
}

/** Soft delete: relations stay, and the partner shows the link as removed. */
export async function deleteClaim(db: Database, writer: Writer, input: { id: string; version: number }): Promise<ClaimRow> {
  return db.transaction(async (tx) => withoutSearchVector(await claimEntity.softDelete(tx, writer, input)));
}

export async function restoreClaim(db: Database, writer: Writer, input: { id: string; version: number }): Promise<ClaimRow> {
  return db.transaction(async (tx) => withoutSearchVector(await claimEntity.restore(tx, writer, input)));
}
