import { and, asc, eq, getTableColumns, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { diffFields, recordAudit } from '@/server/audit/audit.service';
import { claimAbout, claims } from '@/server/claims/schema';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { afterCursor, cursorValueOf, decodeCursor, keysetOrder, toPage, type KeysetSort } from '@/server/db/pagination';
import { editableEntity, type Writer } from '@/server/db/versioned-write';
import { notFound, ServiceError } from '@/server/errors';
import { moveActorParties } from '@/server/parties/parties.service';
import { reactionActors, reactionAlignments, reactions, reactionTargets } from '@/server/reactions/schema';
import { watchListMembers } from '@/server/watch-lists/schema';
import type {
  CreateActorInput,
  FindDuplicateActorsInput,
  ListActorsInput,
  MergeActorsInput,
  SearchActorsInput,
  UpdateActorInput,
} from './actors.input';
import { countryName } from './countries';
import { cleanAliases, matchKey, matchKeysOf } from './match-key';
import { actors, type ActorRecord } from './schema';

/** The actor directory, shared by every dossier. Every write goes through `actorEntity` (versioned, audited). */
const actorEntity = editableEntity({ table: actors, entityType: 'actor', label: 'Actor', dossierIdOf: () => null });

const affiliation = alias(actors, 'affiliation');

/** Escapes LIKE wildcards so a search for "50%" or "a_b" finds that text, not everything. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
const containsPattern = (text: string) => `%${escapeLike(text)}%`;

/** A text[] literal built from bound parameters (arrays are not bound the same way by both drivers). */
const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/** The keys joined as "|key1|key2", so a LIKE can find a key's prefix ('%|karab%') or any substring. */
const joinedKeys = sql`('|' || array_to_string(${actors.matchKeys}, '|'))`;

/**
 * Name or alias, ignoring case, accents and punctuation: an exact key hit (GIN index on match_keys), a substring of
 * the name as typed (trigram index), or a substring of any folded key.
 */
function searchCondition(text: string): SQL {
  const key = matchKey(text);
  const conditions: SQL[] = [ilike(actors.name, containsPattern(text))];
  if (key) {
    conditions.push(sql`${actors.matchKeys} @> ${textArray([key])}`);
    conditions.push(sql`${joinedKeys} like ${containsPattern(key)}`);
  }
  return or(...conditions)!;
}

const { internalNotes: _internalNotes, matchKeys: _matchKeys, ...listColumns } = getTableColumns(actors);

function withAffiliation<Row extends { affiliationId: string | null; affiliationName: string | null }>(row: Row) {
  const { affiliationName, ...rest } = row;
  return { ...rest, affiliation: rest.affiliationId && affiliationName !== null ? { id: rest.affiliationId, name: affiliationName } : null };
}

const nameSort: KeysetSort = { column: actors.name, id: actors.id, direction: 'asc', nullable: false, valueType: 'text' };

/** One page of the directory, by name: live actors (or deleted ones, to restore), filtered by kind and search. */
export async function listActors(db: Database, input: ListActorsInput) {
  const conditions: SQL[] = [input.deleted ? isNotNull(actors.deletedAt) : isNull(actors.deletedAt)];
  if (input.kind.length) conditions.push(inArray(actors.kind, input.kind));
  if (input.search) conditions.push(searchCondition(input.search));
  if (input.cursor) conditions.push(afterCursor(nameSort, decodeCursor(input.cursor, nameSort)));
  const rows = await db
    .select({ ...listColumns, affiliationName: affiliation.name, cursorValue: cursorValueOf(nameSort) })
    .from(actors)
    .leftJoin(affiliation, eq(affiliation.id, actors.affiliationId))
    .where(and(...conditions))
    .orderBy(...keysetOrder(nameSort))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit);
  return { items: page.items.map(withAffiliation), nextCursor: page.nextCursor };
}
export type ActorListItem = Awaited<ReturnType<typeof listActors>>['items'][number];

/**
 * Type-ahead over names and aliases: exact key hits first, then keys starting with the query, then substrings; by
 * name within each. `matchedAlias` names the alias that matched when the name itself did not.
 */
export async function searchActors(db: Database, input: SearchActorsInput) {
  const key = matchKey(input.query);
  if (!key) return [];
  const exact = sql`${actors.matchKeys} @> ${textArray([key])}`;
  const rank = sql<number>`case when ${exact} then 0 when ${joinedKeys} like ${`%|${escapeLike(key)}%`} then 1 else 2 end`;
  const rows = await db
    .select({
      id: actors.id,
      name: actors.name,
      kind: actors.kind,
      countryCode: actors.countryCode,
      title: actors.title,
      affiliationId: actors.affiliationId,
      affiliationName: affiliation.name,
      aliases: actors.aliases,
    })
    .from(actors)
    .leftJoin(affiliation, eq(affiliation.id, actors.affiliationId))
    .where(and(isNull(actors.deletedAt), input.kinds.length ? inArray(actors.kind, input.kinds) : undefined, searchCondition(input.query)))
    .orderBy(rank, asc(actors.name), asc(actors.id))
    .limit(input.limit);
  return rows.map(({ aliases, ...row }) => ({
    ...row,
    matchedAlias: matchKey(row.name).includes(key) ? null : (aliases.find((text) => matchKey(text).includes(key)) ?? null),
  }));
}

export interface DuplicateActor {
  id: string;
  name: string;
  kind: ActorRecord['kind'];
  /** The existing actor's name or alias that matched. */
  matchedOn: string;
}

async function duplicatesForKeys(db: DatabaseOrTransaction, keys: string[], exceptId?: string): Promise<DuplicateActor[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select({ id: actors.id, name: actors.name, kind: actors.kind, aliases: actors.aliases })
    .from(actors)
    .where(and(isNull(actors.deletedAt), sql`${actors.matchKeys} && ${textArray(keys)}`, exceptId ? ne(actors.id, exceptId) : undefined))
    .orderBy(asc(actors.name), asc(actors.id))
    .limit(10);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    matchedOn: [row.name, ...row.aliases].find((text) => keys.includes(matchKey(text))) ?? row.name,
  }));
}

/** Live actors whose name or an alias matches `name` or one of `aliases` (case-, accent- and punctuation-insensitive). */
export function findDuplicateActors(db: DatabaseOrTransaction, input: FindDuplicateActorsInput): Promise<DuplicateActor[]> {
  return duplicatesForKeys(db, matchKeysOf(input.name, input.aliases ?? []), input.exceptId);
}

function duplicateError(duplicates: DuplicateActor[]): ServiceError {
  const named = duplicates
    .map((duplicate) => (duplicate.matchedOn === duplicate.name ? `“${duplicate.name}”` : `“${duplicate.name}” (as “${duplicate.matchedOn}”)`))
    .join(', ');
  return new ServiceError(
    'CONFLICT',
    `name: the directory already has ${named}. Use the existing actor, or save anyway if this is a different one.`,
    { duplicates: duplicates.map(({ id, name }) => ({ id, name })) },
  );
}

/** An actor with its affiliation and the live actors that act for it. NOT_FOUND when missing (deleted ones are shown). */
export async function getActor(db: Database, id: string) {
  const [row] = await db
    .select({ ...getTableColumns(actors), affiliationName: affiliation.name })
    .from(actors)
    .leftJoin(affiliation, eq(affiliation.id, actors.affiliationId))
    .where(eq(actors.id, id));
  if (!row) throw notFound('Actor');
  const affiliates = await db
    .select({ id: actors.id, name: actors.name, kind: actors.kind, title: actors.title })
    .from(actors)
    .where(and(eq(actors.affiliationId, id), isNull(actors.deletedAt)))
    .orderBy(asc(actors.name), asc(actors.id))
    .limit(500);
  return { ...withAffiliation(row), affiliates };
}

/** The ids up the affiliation chain starting at `startId` (itself first); stops on a loop. */
async function affiliationChainFrom(tx: DatabaseOrTransaction, startId: string | null): Promise<string[]> {
  const chain: string[] = [];
  let current = startId;
  while (current && !chain.includes(current) && chain.length < 100) {
    chain.push(current);
    const [row] = await tx.select({ affiliationId: actors.affiliationId }).from(actors).where(eq(actors.id, current));
    current = row?.affiliationId ?? null;
  }
  return chain;
}

const badAffiliation = (message: string) => new ServiceError('BAD_REQUEST', `affiliationId: ${message}`);

/**
 * The affiliation must be a live actor (an existing link to one deleted since may stay), and must not lead back to
 * the actor itself: Macron → France is fine, France → Macron after it is a circle.
 */
async function checkAffiliation(tx: DatabaseOrTransaction, selfId: string | null, affiliationId: string | null, previousId: string | null) {
  if (!affiliationId) return;
  if (affiliationId === selfId) throw badAffiliation('an actor cannot be its own affiliation.');
  const [target] = await tx.select({ name: actors.name, deletedAt: actors.deletedAt }).from(actors).where(eq(actors.id, affiliationId));
  if (!target || (target.deletedAt && affiliationId !== previousId)) {
    throw badAffiliation('the affiliation is not in the directory (it may have been deleted or merged).');
  }
  if (selfId && (await affiliationChainFrom(tx, affiliationId)).includes(selfId)) {
    throw badAffiliation(`“${target.name}” already acts for this actor (directly or through others); affiliations cannot go round in a circle.`);
  }
}

function actorValues(input: CreateActorInput) {
  const aliases = cleanAliases(input.name, input.aliases);
  return {
    name: input.name,
    kind: input.kind,
    countryCode: input.countryCode,
    affiliationId: input.affiliationId,
    title: input.title,
    aliases,
    matchKeys: matchKeysOf(input.name, aliases),
    description: input.description,
    internalNotes: input.internalNotes,
  };
}

/** Creates an actor; CONFLICT naming the existing ones when the name or an alias matches, unless `allowDuplicate`. */
export async function createActor(db: Database, writer: Writer, input: CreateActorInput): Promise<ActorRecord> {
  return db.transaction(async (tx) => {
    await checkAffiliation(tx, null, input.affiliationId, null);
    const values = actorValues(input);
    if (!input.allowDuplicate) {
      const duplicates = await duplicatesForKeys(tx, values.matchKeys);
      if (duplicates.length) throw duplicateError(duplicates);
    }
    return actorEntity.create(tx, writer, values);
  });
}

/** Updates an actor at the caller's version. Only names and aliases new to this actor are checked for duplicates. */
export async function updateActor(db: Database, writer: Writer, input: UpdateActorInput): Promise<ActorRecord> {
  return db.transaction(async (tx) => {
    const { after } = await actorEntity.update(tx, writer, input, async (before) => {
      await checkAffiliation(tx, before.id, input.affiliationId, before.affiliationId);
      const values = actorValues(input);
      if (!input.allowDuplicate) {
        const newKeys = values.matchKeys.filter((key) => !before.matchKeys.includes(key));
        const duplicates = await duplicatesForKeys(tx, newKeys, before.id);
        if (duplicates.length) throw duplicateError(duplicates);
      }
      return values;
    });
    return after;
  });
}

/** Soft delete: claims and parties keep naming the actor; the directory's lists and pickers hide it. */
export async function deleteActor(db: Database, writer: Writer, input: { id: string; version: number }): Promise<ActorRecord> {
  return db.transaction((tx) => actorEntity.softDelete(tx, writer, input));
}

export async function restoreActor(db: Database, writer: Writer, input: { id: string; version: number }): Promise<ActorRecord> {
  return db.transaction((tx) =>
    actorEntity.restore(tx, writer, input, async (before) => {
      if (before.mergedIntoId) {
        throw new ServiceError('BAD_REQUEST', 'This actor was merged into another one, which now holds its references; it cannot be restored.');
      }
    }),
  );
}

const INTERNAL_NOTES_MAX = 10_000;

/**
 * Merges a duplicate (`fromId`) into the actor that stays (`intoId`), in one transaction: every reference moves —
 * claims' claimant, claims' "about" (one row where a claim named both), dossier parties (one party where a dossier
 * had both), affiliations, reactions and watch lists (moveReactionReferences) — the target gains the merged actor's name and aliases as aliases (and its country, title,
 * description and affiliation where it had none), and the merged actor is soft-deleted with `mergedIntoId`. Both
 * actors' changes, and every moved party and affiliation, are in the audit log. Returns the target.
 */
export async function mergeActors(db: Database, writer: Writer, input: MergeActorsInput): Promise<ActorRecord> {
  if (input.fromId === input.intoId) throw new ServiceError('BAD_REQUEST', 'intoId: choose another actor to merge into.');
  return db.transaction(async (tx) => {
    // Locked in id order, so two merges of the same pair cannot deadlock.
    const locked = new Map<string, ActorRecord>();
    for (const id of [input.fromId, input.intoId].sort()) locked.set(id, await actorEntity.lock(tx, id));
    const from = locked.get(input.fromId)!;
    const into = locked.get(input.intoId)!;
    if ((await affiliationChainFrom(tx, into.affiliationId)).includes(from.id)) {
      throw new ServiceError(
        'BAD_REQUEST',
        `intoId: “${into.name}” acts for “${from.name}” (directly or through others); change that affiliation first, or merge the other way.`,
      );
    }
    const now = new Date();
    const who = writer?.id ?? null;

    // Claims: the claimant, and "about" (the primary key allows one row per claim and actor). Each touched claim
    // gets a new version, so an editor with it open reloads instead of saving the old actor back.
    await tx
      .update(claims)
      .set({
        claimantId: sql`case when ${claims.claimantId} = ${from.id} then ${into.id}::uuid else ${claims.claimantId} end`,
        version: sql`${claims.version} + 1`,
        updatedAt: now,
        updatedBy: who,
      })
      .where(
        or(
          eq(claims.claimantId, from.id),
          inArray(claims.id, tx.select({ id: claimAbout.claimId }).from(claimAbout).where(eq(claimAbout.actorId, from.id))),
        ),
      );
    await tx.execute(
      sql`insert into ${claimAbout} (claim_id, actor_id) select claim_id, ${into.id}::uuid from ${claimAbout} where actor_id = ${from.id} on conflict do nothing`,
    );
    await tx.delete(claimAbout).where(eq(claimAbout.actorId, from.id));

    await moveActorParties(tx, writer, from.id, into.id);
    await moveReactionReferences(tx, who, now, from.id, into.id);

    // Actors that acted for the merged one now act for the target.
    const affiliates = await tx.select().from(actors).where(eq(actors.affiliationId, from.id)).orderBy(asc(actors.id)).for('update');
    for (const row of affiliates) {
      if (!row.deletedAt) {
        await actorEntity.update(tx, writer, row, { affiliationId: into.id });
        continue;
      }
      await tx.update(actors).set({ affiliationId: into.id, version: row.version + 1, updatedAt: now, updatedBy: who }).where(eq(actors.id, row.id));
      await recordAudit(tx, {
        actor: writer,
        action: 'update',
        entityType: 'actor',
        entityId: row.id,
        changes: diffFields({ affiliationId: from.id }, { affiliationId: into.id }),
      });
    }

    // The target inherits what it lacked; an inherited affiliation must not make a circle.
    let affiliationId = into.affiliationId;
    if (!affiliationId && from.affiliationId && !(await affiliationChainFrom(tx, from.affiliationId)).includes(into.id)) {
      affiliationId = from.affiliationId;
    }
    const aliases = cleanAliases(into.name, [...into.aliases, from.name, ...from.aliases]);
    const notes = from.internalNotes ? `${into.internalNotes}${into.internalNotes ? '\n\n' : ''}Merged from “${from.name}”: ${from.internalNotes}` : into.internalNotes;
    const { after } = await actorEntity.update(tx, writer, into, {
      aliases,
      matchKeys: matchKeysOf(into.name, aliases),
      countryCode: into.countryCode ?? from.countryCode,
      title: into.title || from.title,
      description: into.description || from.description,
      affiliationId,
      internalNotes: notes.slice(0, INTERNAL_NOTES_MAX),
    });
    await actorEntity.update(tx, writer, from, { mergedIntoId: into.id, deletedAt: now }, 'delete');
    return after;
  });
}

/**
 * Reactions and watch lists follow a merge: signatories (one row where a reaction had both), per-reaction
 * "counts for" overrides, speakers, targets, alignments towards a merged party, watch-list members. Each touched
 * reaction gets a new version, so an open form reloads instead of saving the old actor back.
 */
async function moveReactionReferences(tx: DatabaseOrTransaction, who: string | null, now: Date, fromId: string, intoId: string): Promise<void> {
  const touched = sql`select reaction_id from ${reactionActors} where actor_id = ${fromId} or counts_for_id = ${fromId}
    union select reaction_id from ${reactionTargets} where actor_id = ${fromId}
    union select reaction_id from ${reactionAlignments} where party_actor_id = ${fromId}`;
  await tx
    .update(reactions)
    .set({
      speakerId: sql`case when ${reactions.speakerId} = ${fromId} then ${intoId}::uuid else ${reactions.speakerId} end`,
      version: sql`${reactions.version} + 1`,
      updatedAt: now,
      updatedBy: who,
    })
    .where(or(eq(reactions.speakerId, fromId), sql`${reactions.id} in (${touched})`));
  await tx.execute(
    sql`insert into ${reactionActors} (reaction_id, actor_id, counts_for_id, position)
      select reaction_id, ${intoId}::uuid, counts_for_id, position from ${reactionActors} where actor_id = ${fromId} on conflict do nothing`,
  );
  await tx.delete(reactionActors).where(eq(reactionActors.actorId, fromId));
  await tx.update(reactionActors).set({ countsForId: intoId }).where(eq(reactionActors.countsForId, fromId));
  await tx.execute(
    sql`insert into ${reactionTargets} (reaction_id, actor_id) select reaction_id, ${intoId}::uuid from ${reactionTargets} where actor_id = ${fromId} on conflict do nothing`,
  );
  await tx.delete(reactionTargets).where(eq(reactionTargets.actorId, fromId));
  await tx.execute(
    sql`insert into ${reactionAlignments} (reaction_id, party_actor_id, alignment, edited)
      select reaction_id, ${intoId}::uuid, alignment, edited from ${reactionAlignments} where party_actor_id = ${fromId} on conflict do nothing`,
  );
  await tx.delete(reactionAlignments).where(eq(reactionAlignments.partyActorId, fromId));
  await tx.execute(
    sql`insert into ${watchListMembers} (dossier_id, actor_id, position, added_at, added_by)
      select dossier_id, ${intoId}::uuid, position, added_at, added_by from ${watchListMembers} where actor_id = ${fromId} on conflict do nothing`,
  );
  await tx.delete(watchListMembers).where(eq(watchListMembers.actorId, fromId));
}

/** The fields a reader may see: internal notes, match keys and who edited stay on the desk. */
export function toPublicActor(actor: ActorRecord) {
  return {
    id: actor.id,
    name: actor.name,
    kind: actor.kind,
    countryCode: actor.countryCode,
    country: countryName(actor.countryCode),
    affiliationId: actor.affiliationId,
    title: actor.title,
    aliases: actor.aliases,
    description: actor.description,
  };
}
export type PublicActor = ReturnType<typeof toPublicActor>;
