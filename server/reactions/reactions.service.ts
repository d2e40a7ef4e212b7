import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { actors } from '@/server/actors/schema';
import type { ActorKind } from '@/server/actors/actors.labels';
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
import { defaultAlignments } from './alignment';
import { countsFor, isCountingKind } from './counts-for';
import { listAlignmentParties, loadActorChains, loadReactionParts, type ReactionParts } from './reaction-parts';
import type {
  CreateReactionInput,
  ListReactionsInput,
  ReactionActorInput,
  ReactionFilters,
  ReactionSortKey,
  ReactionSourceInput,
  UpdateReactionInput,
} from './reactions.input';
import { alignmentLabels, reactionChannels, reactionStances, type Alignment, type ReactionStance } from './reactions.labels';
import { reactionActors, reactionAlignments, reactions, reactionSources, reactionTargets, type Reaction } from './schema';

/**
 * The reactions domain: who reacted to a dossier's conflict, how (stances, channel), towards which party, in whose
 * words, on what evidence. Every write goes through `reactionEntity` (one audit entry per write, child rows
 * included); reads decorate rows with their parts through loadReactionParts (a few batched queries per page).
 */

const ENTITY = auditEntity.reaction;

// ---------------------------------------------------------------------------------------------------------------
// Columns and shapes
// ---------------------------------------------------------------------------------------------------------------

/** Every reaction column except the generated search vector (an index, not data anyone reads). */
export const reactionColumns = columnsWithoutSearchVector(reactions);
export type ReactionRow = Omit<Reaction, 'searchVector'>;


export type ReactionDetail = ReactionRow &
  ReactionParts & {
    dossier: { id: string; slug: string; title: string };
    /** No live source cited: shown as "needs source" on the desk, never shown to readers. */
    needsSource: boolean;
  };

export type ReactionListItem = ReactionRow &
  ReactionParts & {
    /** Cited sources that are not deleted. */
    liveSourceCount: number;
    /** No live source: shown as "needs source" on the desk, never shown to readers. */
    needsSource: boolean;
  };

export interface ReactionTimelineHour {
  /** UTC hour 0–23; null: the reaction is known only to the day (precision day or approximate), first in its day. */
  hour: number | null;
  reactions: ReactionListItem[];
}

export interface ReactionTimelineDay {
  /** UTC calendar day, 2020-09-27; null: undated reactions, last. */
  day: string | null;
  hours: ReactionTimelineHour[];
}

// ---------------------------------------------------------------------------------------------------------------
// Shared SQL fragments
// ---------------------------------------------------------------------------------------------------------------

// Qualified by hand: in a single-table select drizzle writes columns without their table, so an outer reference
// inside a subquery could bind to the inner table.
/** The reaction cites at least one live source. */
export const reactionHasLiveSource = sql`exists (select 1 from ${reactionSources} inner join ${sources} on ${sources}.id = ${reactionSources}.source_id where ${reactionSources}.reaction_id = ${reactions}.id and ${sources}.deleted_at is null)`;

/** Postgres full-text search in English (stemmed: "urged" finds "urges"), as web search engines read queries. */
export const matchesReactionSearch = (search: string) => sql`${reactions.searchVector} @@ websearch_to_tsquery('english', ${search})`;

// ---------------------------------------------------------------------------------------------------------------
// Filters, list, count, timeline
// ---------------------------------------------------------------------------------------------------------------

function sortFor(key: ReactionSortKey, direction: 'asc' | 'desc'): KeysetSort {
  const columns = {
    reacted: { column: reactions.reactedAt, nullable: true, valueType: 'timestamp' },
    created: { column: reactions.createdAt, nullable: false, valueType: 'timestamp' },
    stance: { column: reactions.primaryStance, nullable: false, valueType: { enum: reactionStances } },
    channel: { column: reactions.channel, nullable: false, valueType: { enum: reactionChannels } },
  } as const;
  return { ...columns[key], id: reactions.id, direction };
}


/**
 * The dossier's signatories that count for someone by the affiliation roll-up (no per-reaction override), each with
 * the actor it rolls up to. Deleted reactions included, so the "deleted" view filters the same way.
 */
async function rolledUpSignatories(db: DatabaseOrTransaction, dossierId: string): Promise<Array<{ actorId: string; countsFor: { id: string; kind: ActorKind } }>> {
  const rows = await db
    .selectDistinct({ actorId: reactionActors.actorId })
    .from(reactionActors)
    .innerJoin(reactions, eq(reactions.id, reactionActors.reactionId))
    .where(and(eq(reactions.dossierId, dossierId), isNull(reactionActors.countsForId)));
  if (rows.length === 0) return [];
  const chains = await loadActorChains(
    db,
    rows.map((row) => row.actorId),
  );
  return rows.flatMap((row) => {
    const counted = chains.get(countsFor(row.actorId, chains));
    return counted ? [{ actorId: row.actorId, countsFor: { id: counted.id, kind: counted.kind } }] : [];
  });
}

/**
 * The WHERE conditions of the desk's reactions table, count and CSV export for `filters`.
 *
 * - `alignment` (with `alignmentParty`, else any live party of the dossier) reads the saved alignment rows. Every
 *   create and update saves one row per party of the dossier, so these are the alignments the desk shows, except
 *   towards a party added to the dossier after the reaction was last saved: pages show the default for it, the filter
 *   does not match it until the reaction is saved again.
 * - `actorKind` is the kind of what a signatory counts for (its per-reaction override, else its affiliation
 *   roll-up): a president's reaction is a state's.
 * - `actor` matches a signatory, what a signatory counts for, or the speaker.
 */
export async function filterConditions(db: DatabaseOrTransaction, dossierId: string, filters: ReactionFilters): Promise<SQL[]> {
  if (filters.reactedFrom && filters.reactedTo && filters.reactedFrom > filters.reactedTo) {
    throw new ServiceError('BAD_REQUEST', 'reactedTo: Reacted to must be on or after Reacted from.');
  }
  const conditions: SQL[] = [
    eq(reactions.dossierId, dossierId),
    filters.deleted ? isNotNull(reactions.deletedAt) : isNull(reactions.deletedAt),
  ];
  if (filters.search) conditions.push(matchesReactionSearch(filters.search));
  if (filters.stance.length) {
    conditions.push(sql`${reactions.stances} && array[${valueList(filters.stance)}]::reaction_stance[]`);
  }
  if (filters.channel.length) conditions.push(inArray(reactions.channel, filters.channel));
  conditions.push(...withinDays(reactions.reactedAt, filters.reactedFrom, filters.reactedTo));
  if (filters.target.length) {
    conditions.push(
      sql`exists (select 1 from ${reactionTargets} where ${reactionTargets}.reaction_id = ${reactions}.id and ${reactionTargets}.actor_id in (${valueList(filters.target)}))`,
    );
  }
  if (filters.alignment.length) {
    const partyIds = filters.alignmentParty ? [filters.alignmentParty] : (await listAlignmentParties(db, dossierId)).map((party) => party.id);
    conditions.push(
      partyIds.length
        ? sql`exists (select 1 from ${reactionAlignments} where ${reactionAlignments}.reaction_id = ${reactions}.id and ${reactionAlignments}.party_actor_id in (${valueList(partyIds)}) and ${reactionAlignments}.alignment in (${valueList(filters.alignment)}))`
        : sql`false`,
    );
  }
  const rolledUp = filters.actorKind.length || filters.actor.length ? await rolledUpSignatories(db, dossierId) : [];
  if (filters.actorKind.length) {
    const kinds = new Set<string>(filters.actorKind);
    const actorIds = rolledUp.filter((row) => kinds.has(row.countsFor.kind)).map((row) => row.actorId);
    const byOverride = sql`(${reactionActors}.counts_for_id is not null and exists (select 1 from ${actors} where ${actors}.id = ${reactionActors}.counts_for_id and ${actors}.kind in (${valueList(filters.actorKind)})))`;
    const byRollUp = actorIds.length ? sql` or (${reactionActors}.counts_for_id is null and ${reactionActors}.actor_id in (${valueList(actorIds)}))` : sql``;
    conditions.push(sql`exists (select 1 from ${reactionActors} where ${reactionActors}.reaction_id = ${reactions}.id and (${byOverride}${byRollUp}))`);
  }
  if (filters.actor.length) {
    const wanted = new Set(filters.actor);
    const actorIds = rolledUp.filter((row) => wanted.has(row.countsFor.id)).map((row) => row.actorId);
    const byRollUp = actorIds.length ? sql` or (${reactionActors}.counts_for_id is null and ${reactionActors}.actor_id in (${valueList(actorIds)}))` : sql``;
    conditions.push(
      sql`(exists (select 1 from ${reactionActors} where ${reactionActors}.reaction_id = ${reactions}.id and (${reactionActors}.actor_id in (${valueList(filters.actor)}) or ${reactionActors}.counts_for_id in (${valueList(filters.actor)})${byRollUp})) or ${reactions}.speaker_id in (${valueList(filters.actor)}))`,
    );
  }
  return conditions;
}

/** Parts, live source counts and "needs source" for a page of reactions: a few batched queries, not one per row. */
async function decorate(db: DatabaseOrTransaction, dossierId: string, rows: ReactionRow[]): Promise<ReactionListItem[]> {
  const parts = await loadReactionParts(db, dossierId, rows);
  return rows.map((row) => {
    const part = parts.get(row.id)!;
    const liveSourceCount = part.sources.filter((link) => link.source.deletedAt === null).length;
    return { ...row, ...part, liveSourceCount, needsSource: liveSourceCount === 0 };
  });
}

/** One page of a dossier's reactions, filtered and sorted as the desk table and CSV export ask. */
export async function listReactions(db: Database, input: ListReactionsInput): Promise<{ items: ReactionListItem[]; nextCursor: string | null }> {
  const page = await reactionRowsPage(db, input, await filterConditions(db, input.dossierId, input));
  return { items: await decorate(db, input.dossierId, page.items), nextCursor: page.nextCursor };
}

/** One keyset page of undecorated reaction rows. */
async function reactionRowsPage(db: Database, input: ListReactionsInput, conditions: SQL[]): Promise<{ items: ReactionRow[]; nextCursor: string | null }> {
  const sort = sortFor(input.sort, input.order);
  const rows = await seekPage(sort, input.cursor, input.limit, (after, limit) =>
    db
      .select({ ...reactionColumns, cursorValue: cursorValueOf(sort) })
      .from(reactions)
      .where(and(...conditions, after))
      .orderBy(...keysetOrder(sort))
      .limit(limit),
  );
  return toPage(rows, input.limit);
}

/**
 * Every reaction of the desk table's view (its filters, sort and order), for the streamed desk export: from the
 * export cursor a batch at a time (keyset pages on PGlite; see exportRows), each batch's parts read in one round of
 * queries (loadReactionParts), so memory holds one batch, never the whole dossier.
 */
export async function* iterateReactions(db: Database, dossierId: string, filters: ReactionFilters, batchSize = REACTION_EXPORT_BATCH_ROWS): AsyncGenerator<ReactionListItem> {
  const sort = sortFor(filters.sort, filters.order);
  const conditions = await filterConditions(db, dossierId, filters);
  yield* exportRows<ReactionRow, ReactionListItem>(db, {
    selection: reactionColumns,
    query: (db) =>
      db
        .select(reactionColumns)
        .from(reactions)
        .where(and(...conditions))
        .orderBy(...keysetOrder(sort)),
    page: (db, cursor, limit) => reactionRowsPage(db, { ...filters, dossierId, cursor, limit }, conditions),
    decorate: (db, rows) => decorate(db, dossierId, rows),
    batchSize,
  });
}

/** Reactions per batch of the desk export: each batch's parts are read with `in (…ids)` lists of this size. */
const REACTION_EXPORT_BATCH_ROWS = 2_000;

export async function countReactions(db: Database, dossierId: string, filters: ReactionFilters): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(reactions)
    .where(and(...(await filterConditions(db, dossierId, filters))));
  return row?.count ?? 0;
}

/**
 * Every live reaction of a dossier by UTC day and hour, earliest first, so the desk sees who reacted first. Within a
 * day, reactions known only to the day (precision day or approximate) come first under hour null; undated reactions
 * come last under day null.
 */
export async function listReactionTimeline(db: Database, dossierId: string): Promise<ReactionTimelineDay[]> {
  const rows = await db
    .select(reactionColumns)
    .from(reactions)
    .where(and(eq(reactions.dossierId, dossierId), isNull(reactions.deletedAt)))
    .orderBy(sql`${reactions.reactedAt} asc nulls last`, asc(reactions.createdAt), asc(reactions.id));
  const items = await decorate(db, dossierId, rows);
  const hourOf = (item: ReactionListItem) => (item.reactedAt && item.reactedPrecision === 'exact' ? item.reactedAt.getUTCHours() : null);
  const days: ReactionTimelineDay[] = [];
  const byDay = new Map<string | null, Map<number | null, ReactionListItem[]>>();
  for (const item of items) {
    const day = item.reactedAt ? item.reactedAt.toISOString().slice(0, 10) : null;
    let hours = byDay.get(day);
    if (!hours) byDay.set(day, (hours = new Map()));
    const hour = hourOf(item);
    const list = hours.get(hour);
    if (list) list.push(item);
    else hours.set(hour, [item]);
  }
  // Rows arrive by time, so days arrive in order (undated last); hours need sorting (a day-precision reaction stored
  // at noon sits before an 09:00 exact one by time, but belongs first as "that day").
  for (const [day, hours] of byDay) {
    const ordered = [...hours.entries()].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a - b));
    days.push({ day, hours: ordered.map(([hour, reactions]) => ({ hour, reactions })) });
  }
  return days;
}

// ---------------------------------------------------------------------------------------------------------------
// One reaction
// ---------------------------------------------------------------------------------------------------------------

/** The desk's reaction page (deleted reactions too): the reaction, its parts and its dossier. */
export async function getReaction(db: DatabaseOrTransaction, id: string): Promise<ReactionDetail> {
  const [row] = await db
    .select({ reaction: reactionColumns, dossier: { id: dossiers.id, slug: dossiers.slug, title: dossiers.title } })
    .from(reactions)
    .innerJoin(dossiers, eq(dossiers.id, reactions.dossierId))
    .where(eq(reactions.id, id));
  if (!row) throw notFound('Reaction');
  const parts = await loadReactionParts(db, row.dossier.id, [row.reaction]);
  const part = parts.get(id)!;
  return {
    ...row.reaction,
    ...part,
    dossier: row.dossier,
    needsSource: !part.sources.some((link) => link.source.deletedAt === null),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------------------

const dossierDeleted = () => new ServiceError('NOT_FOUND', 'This reaction’s dossier was deleted; restore the dossier first.');
const invalid = (message: string) => new ServiceError('BAD_REQUEST', message);

/**
 * Locks a live (or, for restore, deleted) reaction for a versioned write. The dossier row is locked `for share`, so
 * deleting the dossier waits for this write; a deleted dossier's reactions are frozen.
 */
const reactionEntity = editableEntity({
  table: reactions,
  entityType: ENTITY,
  label: 'Reaction',
  dossierIdOf: (row) => row.dossierId,
  // Derived from the text fields, which the log records already.
  auditOmit: ['searchVector'],
  afterLock: async (tx, row) => {
    const [dossier] = await tx.select({ deletedAt: dossiers.deletedAt }).from(dossiers).where(eq(dossiers.id, row.dossierId)).for('share');
    if (!dossier || dossier.deletedAt !== null) throw dossierDeleted();
  },
});

/** The primary stance first, then the others in taxonomy order; the primary is added when the input left it out. */
export function orderedStances(primary: ReactionStance, stances: readonly ReactionStance[]): ReactionStance[] {
  return [primary, ...reactionStances.filter((stance) => stance !== primary && stances.includes(stance))];
}

type ReactionFields = Omit<CreateReactionInput, 'dossierId'>;

function editableValues(input: ReactionFields) {
  return {
    speakerId: input.speakerId,
    reactedAt: input.reactedAt,
    reactedPrecision: input.reactedPrecision,
    channel: input.channel,
    stances: orderedStances(input.primaryStance, input.stances),
    primaryStance: input.primaryStance,
    quote: input.quote,
    originalText: input.originalText,
    originalLanguage: input.originalLanguage,
    paraphrase: input.paraphrase,
    tags: input.tags,
    internalNotes: input.internalNotes,
  };
}

/** Rules on the reaction's own fields, checked before anything is read or written. */
function checkFields(input: ReactionFields) {
  if (!input.quote.trim() && !input.paraphrase.trim()) throw invalid('paraphrase: A reaction needs a quote or a paraphrase.');
  if (input.originalText.trim() && !input.originalLanguage) {
    throw invalid('originalLanguage: Give the language of the original text (a code such as ru or tr).');
  }
}

interface SavedAlignment {
  partyId: string;
  alignment: Alignment;
  edited: boolean;
}

interface Children {
  actors: ReactionActorInput[];
  targets: string[];
  alignments: SavedAlignment[];
  sources: ReactionSourceInput[];
}

const noChildren: Children = { actors: [], targets: [], alignments: [], sources: [] };

async function loadChildren(tx: DatabaseOrTransaction, reactionId: string): Promise<Children> {
  const [signatories, targets, saved, cited] = await inSequence([
    tx
      .select({ actorId: reactionActors.actorId, countsForId: reactionActors.countsForId })
      .from(reactionActors)
      .where(eq(reactionActors.reactionId, reactionId))
      .orderBy(asc(reactionActors.position)),
    tx.select({ actorId: reactionTargets.actorId }).from(reactionTargets).where(eq(reactionTargets.reactionId, reactionId)),
    tx
      .select({ partyId: reactionAlignments.partyActorId, alignment: reactionAlignments.alignment, edited: reactionAlignments.edited })
      .from(reactionAlignments)
      .where(eq(reactionAlignments.reactionId, reactionId)),
    tx
      .select({ sourceId: reactionSources.sourceId, excerpt: reactionSources.excerpt })
      .from(reactionSources)
      .where(eq(reactionSources.reactionId, reactionId))
      .orderBy(asc(reactionSources.position)),
  ]);
  return { actors: signatories, targets: targets.map((row) => row.actorId), alignments: saved, sources: cited };
}

const quoted = (name: string | undefined) => (name ? `“${name}”` : 'This actor');

/**
 * Checks every reference a write makes and returns the child rows to save. Signatories, the speaker and overrides it
 * adds must be live actors (references the reaction already had may stay even if deleted since: an editor fixing a
 * typo is not blocked by someone else's deletion); an override must be a state or international organisation;
 * targets and edited alignments must be live parties (role "party") of the dossier; sources live and of this dossier.
 * Alignments are saved for every party: the editor's where given (`edited`), else the default from stances and targets.
 */
async function resolveChildren(
  tx: DatabaseOrTransaction,
  dossierId: string,
  input: ReactionFields,
  current: Children & { speakerId: string | null },
): Promise<Children> {
  // Actors: signatories, speaker, overrides.
  const currentActors = new Set([
    ...current.actors.flatMap((row) => (row.countsForId ? [row.actorId, row.countsForId] : [row.actorId])),
    ...(current.speakerId ? [current.speakerId] : []),
  ]);
  const referenced = [
    ...input.actors.flatMap((row) => (row.countsForId ? [row.actorId, row.countsForId] : [row.actorId])),
    ...(input.speakerId ? [input.speakerId] : []),
  ];
  const found = new Map(
    (
      await tx
        .select({ id: actors.id, name: actors.name, kind: actors.kind, deletedAt: actors.deletedAt })
        .from(actors)
        .where(inArray(actors.id, [...new Set(referenced)]))
    ).map((row) => [row.id, row]),
  );
  const checkActor = (id: string, field: string, what: string) => {
    const actor = found.get(id);
    if (!actor) throw new ServiceError('NOT_FOUND', `${field}: ${what} was not found in the actor directory.`);
    if (actor.deletedAt !== null && !currentActors.has(id)) {
      throw invalid(`${field}: “${actor.name}” was deleted from the actor directory; restore it or choose another actor.`);
    }
    return actor;
  };
  input.actors.forEach((row, index) => {
    checkActor(row.actorId, `actors.${index}.actorId`, 'The signatory');
    if (row.countsForId) {
      const override = checkActor(row.countsForId, `actors.${index}.countsForId`, 'The state or organisation it counts for');
      if (!isCountingKind(override.kind)) {
        throw invalid(`actors.${index}.countsForId: A reaction can count only for a state or an international organisation; “${override.name}” is neither.`);
      }
    }
  });
  if (input.speakerId) {
    const speaker = checkActor(input.speakerId, 'speakerId', 'The speaker');
    if (input.actors.some((row) => row.actorId === input.speakerId)) {
      throw invalid(`speakerId: ${quoted(speaker.name)} is already a signatory; leave the speaker empty when a signatory spoke.`);
    }
  }

  // Targets and alignments: live parties of the dossier.
  const parties = await listAlignmentParties(tx, dossierId);
  const partyIds = new Set(parties.map((party) => party.id));
  const newTargets = input.targets.filter((id) => !partyIds.has(id) && !current.targets.includes(id));
  const foreign = [...newTargets, ...input.alignments.map((row) => row.partyId).filter((id) => !partyIds.has(id))];
  const names = foreign.length
    ? new Map((await tx.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, foreign))).map((row) => [row.id, row.name]))
    : new Map<string, string>();
  if (newTargets.length) throw invalid(`targets: ${quoted(names.get(newTargets[0]!))} is not a party of this dossier.`);
  const foreignAlignment = input.alignments.find((row) => !partyIds.has(row.partyId));
  if (foreignAlignment) throw invalid(`alignments: ${quoted(names.get(foreignAlignment.partyId))} is not a party of this dossier.`);

  // Sources: live, of this dossier.
  await checkNewCitations(tx, dossierId, 'A reaction', input.sources, current.sources);

  const stances = orderedStances(input.primaryStance, input.stances);
  const defaults = defaultAlignments(stances, input.targets, [...partyIds]);
  const edited = new Map(input.alignments.map((row) => [row.partyId, row.alignment]));
  return {
    actors: input.actors,
    targets: input.targets,
    alignments: parties.map((party) => ({
      partyId: party.id,
      alignment: edited.get(party.id) ?? defaults[party.id]!,
      edited: edited.has(party.id),
    })),
    sources: input.sources,
  };
}

/** The child rows as the audit log shows them: readable labels in a stable order. */
async function auditedChildren(tx: DatabaseOrTransaction, reactionId: string) {
  const countedFor = sql<string | null>`(select ${actors}.name from ${actors} where ${actors}.id = ${reactionActors}.counts_for_id)`;
  const [signatories, targets, saved, cited] = await inSequence([
    tx
      .select({ name: actors.name, countsFor: countedFor })
      .from(reactionActors)
      .innerJoin(actors, eq(actors.id, reactionActors.actorId))
      .where(eq(reactionActors.reactionId, reactionId))
      .orderBy(asc(reactionActors.position)),
    tx
      .select({ name: actors.name })
      .from(reactionTargets)
      .innerJoin(actors, eq(actors.id, reactionTargets.actorId))
      .where(eq(reactionTargets.reactionId, reactionId))
      .orderBy(asc(actors.name), asc(actors.id)),
    tx
      .select({ name: actors.name, alignment: reactionAlignments.alignment, edited: reactionAlignments.edited })
      .from(reactionAlignments)
      .innerJoin(actors, eq(actors.id, reactionAlignments.partyActorId))
      .where(eq(reactionAlignments.reactionId, reactionId))
      .orderBy(asc(actors.name), asc(actors.id)),
    tx
      .select({ title: sources.title, excerpt: reactionSources.excerpt })
      .from(reactionSources)
      .innerJoin(sources, eq(sources.id, reactionSources.sourceId))
      .where(eq(reactionSources.reactionId, reactionId))
      .orderBy(asc(reactionSources.position)),
  ]);
  return {
    actors: signatories.map((row) => (row.countsFor ? `${row.name} (counts for ${row.countsFor})` : row.name)),
    targets: targets.map((row) => row.name),
    alignments: saved.map((row) => `${row.name}: ${alignmentLabels[row.alignment].toLowerCase()}${row.edited ? ' (set by hand)' : ''}`),
    sources: cited.map((row) => (row.excerpt ? `${row.title}: “${row.excerpt}”` : row.title)),
  };
}

/** Replaces the reaction's signatories, targets, saved alignments and cited sources. */
async function writeChildren(tx: DatabaseOrTransaction, reactionId: string, next: Children) {
  await inSequence([
    tx.delete(reactionActors).where(eq(reactionActors.reactionId, reactionId)),
    tx.delete(reactionTargets).where(eq(reactionTargets.reactionId, reactionId)),
    tx.delete(reactionAlignments).where(eq(reactionAlignments.reactionId, reactionId)),
    tx.delete(reactionSources).where(eq(reactionSources.reactionId, reactionId)),
  ]);
  if (next.actors.length) {
    await tx
      .insert(reactionActors)
      .values(next.actors.map((row, position) => ({ reactionId, actorId: row.actorId, countsForId: row.countsForId, position })));
  }
  if (next.targets.length) await tx.insert(reactionTargets).values(next.targets.map((actorId) => ({ reactionId, actorId })));
  if (next.alignments.length) {
    await tx
      .insert(reactionAlignments)
      .values(next.alignments.map((row) => ({ reactionId, partyActorId: row.partyId, alignment: row.alignment, edited: row.edited })));
  }
  if (next.sources.length) {
    await tx
      .insert(reactionSources)
      .values(next.sources.map((link, position) => ({ reactionId, sourceId: link.sourceId, excerpt: link.excerpt, position })));
  }
}

const emptyAudit = { actors: [], targets: [], alignments: [], sources: [] };

export async function createReaction(db: Database, writer: Writer, input: CreateReactionInput): Promise<ReactionDetail> {
  checkFields(input);
  const id = await db.transaction(async (tx) => {
    const [dossier] = await tx.select({ deletedAt: dossiers.deletedAt }).from(dossiers).where(eq(dossiers.id, input.dossierId)).for('share');
    if (!dossier || dossier.deletedAt !== null) throw notFound('Dossier');
    const next = await resolveChildren(tx, input.dossierId, input, { ...noChildren, speakerId: null });
    const created = await reactionEntity.create(
      tx,
      writer,
      { dossierId: input.dossierId, ...editableValues(input) },
      {
        // The child rows need the reaction's id; they join the reaction's create entry.
        extraChanges: async (row) => {
          await writeChildren(tx, row.id, next);
          return diffFields(emptyAudit, await auditedChildren(tx, row.id));
        },
      },
    );
    return created.id;
  });
  return getReaction(db, id);
}

/** Updates a reaction and its child rows in one transaction and one audit entry. */
export async function updateReaction(db: Database, writer: Writer, input: UpdateReactionInput): Promise<ReactionDetail> {
  checkFields(input);
  await db.transaction(async (tx) => {
    let next: Children = noChildren;
    let childrenBefore: Awaited<ReturnType<typeof auditedChildren>> | null = null;
    // editableEntity's lock: the row `for update`, the dossier `for share`, NOT_FOUND for a deleted reaction or dossier.
    await reactionEntity.update(
      tx,
      writer,
      input,
      async (before) => {
        const current = await loadChildren(tx, input.id);
        next = await resolveChildren(tx, before.dossierId, input, { ...current, speakerId: before.speakerId });
        childrenBefore = await auditedChildren(tx, input.id);
        return editableValues(input);
      },
      {
        extraChanges: async (row) => {
          await writeChildren(tx, row.id, next);
          return diffFields(childrenBefore, await auditedChildren(tx, row.id));
        },
      },
    );
  });
  return getReaction(db, input.id);
}

export async function deleteReaction(db: Database, writer: Writer, input: { id: string; version: number }): Promise<ReactionRow> {
  return db.transaction(async (tx) => withoutSearchVector(await reactionEntity.softDelete(tx, writer, input)));
}

export async function restoreReaction(db: Database, writer: Writer, input: { id: string; version: number }): Promise<ReactionRow> {
  return db.transaction(async (tx) => withoutSearchVector(await reactionEntity.restore(tx, writer, input)));
}
