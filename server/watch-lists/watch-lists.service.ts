import { and, asc, eq, exists, inArray, isNull, min, sql } from 'drizzle-orm';
import type { ActorKind } from '@/server/actors/actors.labels';
import { actors } from '@/server/actors/schema';
import { recordAudit } from '@/server/audit/audit.service';
import { auditEntity } from '@/server/audit/entity-types';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { inSequence } from '@/server/db/in-sequence';
import type { Writer } from '@/server/db/versioned-write';
import { dossiers } from '@/server/dossiers/schema';
import { assertVersion, notFound, ServiceError } from '@/server/errors';
import { countsFor } from '@/server/reactions/counts-for';
import { loadActorChains, type ActorRef } from '@/server/reactions/reaction-parts';
import { reactionActors, reactions, reactionSources } from '@/server/reactions/schema';
import { sources } from '@/server/sources/schema';
import { planPreset, resolvePresetActors, type PresetCandidate, type PresetPlan } from './preset-actors';
import { watchListMembers, watchLists } from './schema';
import {
  MAX_WATCH_LIST_MEMBERS,
  type AddWatchListMembersInput,
  type ApplyWatchListPresetInput,
  type PreviewWatchListPresetInput,
  type RemoveWatchListMemberInput,
  type SetWatchListMembersInput,
  type SetWatchListPublicInput,
} from './watch-lists.input';

/**
 * A dossier's watch list: the actors the desk expects to react, and which of them have not yet. One `watch_lists`
 * row per dossier holds its settings and version (made on the first change; version 1 before it), one
 * `watch_list_members` row per actor. Every change is one audited write at the version the editor saw, recorded as
 * a `watch_list` entry named by the dossier's id; a deleted dossier's list is frozen.
 *
 * "Reacted": some live reaction of the dossier has a signatory that is the member, or that counts for the member
 * (the affiliation roll-up or the reaction's override, see server/reactions/counts-for.ts). For readers only
 * public reactions count: the dossier is published, the reaction live, and it cites a live source.
 */

export interface WatchListMember {
  actor: ActorRef;
  /** The actor was deleted (or merged) from the directory since it was added. */
  deleted: boolean;
  reacted: boolean;
  /** The earliest dated reaction that counts; null when none did, or none of them has a date. */
  firstReactedAt: Date | null;
}

export interface WatchListView {
  dossierId: string;
  isPublic: boolean;
  /** Send it back with a change; 1 until the list is first changed. */
  version: number;
  /** In the list's order. */
  members: WatchListMember[];
}

/** A member that has not reacted, as readers see it. */
export interface NotReactedActor {
  id: string;
  name: string;
  kind: ActorKind;
  title: string;
  countryCode: string | null;
}

/** A preset's plan, each candidate marked when it is on the list already. */
export interface PresetPreview extends Omit<PresetPlan, 'candidates'> {
  candidates: Array<PresetCandidate & { alreadyMember: boolean }>;
}

const WHAT = 'watch list';

// ---------------------------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------------------------

async function settingsOf(db: DatabaseOrTransaction, dossierId: string) {
  const [row] = await db.select().from(watchLists).where(eq(watchLists.dossierId, dossierId));
  return { isPublic: row?.isPublic ?? false, version: row?.version ?? 1 };
}

async function membersOf(db: DatabaseOrTransaction, dossierId: string) {
  return db
    .select({
      id: actors.id,
      name: actors.name,
      kind: actors.kind,
      title: actors.title,
      countryCode: actors.countryCode,
      affiliationId: actors.affiliationId,
      deletedAt: actors.deletedAt,
      addedAt: watchListMembers.addedAt,
      addedBy: watchListMembers.addedBy,
    })
    .from(watchListMembers)
    .innerJoin(actors, eq(actors.id, watchListMembers.actorId))
    .where(eq(watchListMembers.dossierId, dossierId))
    .orderBy(asc(watchListMembers.position), asc(watchListMembers.addedAt), asc(actors.name));
}

/**
 * For each of `memberIds` that has reacted: its earliest reaction date (null when undated). One grouped pass over
 * the dossier's reaction signatories, then the affiliation chains of the distinct signatories.
 */
async function reactionsOfMembers(
  db: DatabaseOrTransaction,
  dossierId: string,
  memberIds: readonly string[],
  publicOnly: boolean,
): Promise<Map<string, Date | null>> {
  const reacted = new Map<string, Date | null>();
  if (memberIds.length === 0) return reacted;
  if (publicOnly) {
    const [dossier] = await db.select({ status: dossiers.status, deletedAt: dossiers.deletedAt }).from(dossiers).where(eq(dossiers.id, dossierId));
    if (!dossier || dossier.deletedAt || dossier.status !== 'published') return reacted;
  }
  const citesLiveSource = exists(
    db
      .select({ one: sql`1` })
      .from(reactionSources)
      .innerJoin(sources, eq(sources.id, reactionSources.sourceId))
      .where(and(eq(reactionSources.reactionId, reactions.id), isNull(sources.deletedAt))),
  );
  const rows = await db
    .select({ actorId: reactionActors.actorId, countsForId: reactionActors.countsForId, first: min(reactions.reactedAt) })
    .from(reactionActors)
    .innerJoin(reactions, eq(reactions.id, reactionActors.reactionId))
    .where(and(eq(reactions.dossierId, dossierId), isNull(reactions.deletedAt), publicOnly ? citesLiveSource : undefined))
    .groupBy(reactionActors.actorId, reactionActors.countsForId);
  if (rows.length === 0) return reacted;

  const members = new Set(memberIds);
  const chains = await loadActorChains(
    db,
    rows.map((row) => row.actorId),
  );
  const note = (memberId: string, at: Date | null) => {
    if (!members.has(memberId)) return;
    const earlier = reacted.get(memberId);
    if (!reacted.has(memberId) || (at && (!earlier || at < earlier))) reacted.set(memberId, at ?? earlier ?? null);
  };
  for (const row of rows) {
    const first = row.first ? new Date(row.first) : null;
    note(row.actorId, first);
    const counted = countsFor(row.actorId, chains, row.countsForId);
    if (counted !== row.actorId) note(counted, first);
  }
  return reacted;
}

async function viewOf(db: DatabaseOrTransaction, dossierId: string): Promise<WatchListView> {
  const [settings, rows] = await inSequence([() => settingsOf(db, dossierId), () => membersOf(db, dossierId)]);
  const reacted = await reactionsOfMembers(
    db,
    dossierId,
    rows.map((row) => row.id),
    false,
  );
  return {
    dossierId,
    ...settings,
    members: rows.map((row) => ({
      actor: { id: row.id, name: row.name, kind: row.kind, title: row.title, countryCode: row.countryCode, affiliationId: row.affiliationId },
      deleted: row.deletedAt !== null,
      reacted: reacted.has(row.id),
      firstReactedAt: reacted.get(row.id) ?? null,
    })),
  };
}

async function liveDossier(db: DatabaseOrTransaction, dossierId: string) {
  const [row] = await db.select({ id: dossiers.id }).from(dossiers).where(and(eq(dossiers.id, dossierId), isNull(dossiers.deletedAt)));
  if (!row) throw notFound('Dossier');
}

/** The desk's view of a live dossier's watch list: every member, reacted or not (all live reactions count). */
export async function getWatchList(db: DatabaseOrTransaction, dossierId: string): Promise<WatchListView> {
  await liveDossier(db, dossierId);
  return viewOf(db, dossierId);
}

/**
 * The members without a reaction yet, by name, directory-deleted ones left out. `publicOnly`: only reactions readers
 * can see count (an unpublished dossier has none). Does not look at `isPublic`: see `publicNotYetReacted`.
 */
export async function notYetReacted(db: DatabaseOrTransaction, dossierId: string, options: { publicOnly: boolean }): Promise<NotReactedActor[]> {
  const rows = (await membersOf(db, dossierId)).filter((row) => row.deletedAt === null);
  const reacted = await reactionsOfMembers(
    db,
    dossierId,
    rows.map((row) => row.id),
    options.publicOnly,
  );
  return rows
    .filter((row) => !reacted.has(row.id))
    .map((row) => ({ id: row.id, name: row.name, kind: row.kind, title: row.title, countryCode: row.countryCode }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** For public pages: the members readers see as not yet reacted, or null when the desk keeps the list private. */
export async function publicNotYetReacted(db: DatabaseOrTransaction, dossierId: string): Promise<NotReactedActor[] | null> {
  const { isPublic } = await settingsOf(db, dossierId);
  return isPublic ? notYetReacted(db, dossierId, { publicOnly: true }) : null;
}

/** Which actors a preset would add (existing ones, and those it would create), and which are on the list already. */
export async function previewWatchListPreset(db: DatabaseOrTransaction, input: PreviewWatchListPresetInput): Promise<PresetPreview> {
  await liveDossier(db, input.dossierId);
  const [plan, members] = await inSequence([
    () => planPreset(db, input.dossierId, input.preset, input.year),
    db.select({ actorId: watchListMembers.actorId }).from(watchListMembers).where(eq(watchListMembers.dossierId, input.dossierId)),
  ]);
  const memberIds = new Set(members.map((member) => member.actorId));
  return { ...plan, candidates: plan.candidates.map((candidate) => ({ ...candidate, alreadyMember: candidate.actorId !== null && memberIds.has(candidate.actorId) })) };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------------------

/**
 * Locks the dossier `for share` (deleting it waits for this write) and the list's row `for update` (made on the
 * first change), and checks the caller's version: NOT_FOUND for a missing or deleted dossier, CONFLICT when stale.
 */
async function lockList(tx: DatabaseOrTransaction, dossierId: string, version: number) {
  const [dossier] = await tx.select({ deletedAt: dossiers.deletedAt }).from(dossiers).where(eq(dossiers.id, dossierId)).for('share');
  if (!dossier) throw notFound('Dossier');
  if (dossier.deletedAt) throw new ServiceError('NOT_FOUND', 'This watch list’s dossier was deleted; restore the dossier first.');
  await tx.insert(watchLists).values({ dossierId }).onConflictDoNothing();
  const [row] = await tx.select().from(watchLists).where(eq(watchLists.dossierId, dossierId)).for('update');
  assertVersion(row!, version, WHAT);
  return row!;
}

async function bumpVersion(tx: DatabaseOrTransaction, writer: Writer, dossierId: string, version: number, values: { isPublic?: boolean } = {}) {
  await tx
    .update(watchLists)
    .set({ ...values, version: version + 1, updatedAt: new Date(), updatedBy: writer?.id ?? null })
    .where(eq(watchLists.dossierId, dossierId));
}

/**
 * Replaces the members with `nextIds` in that order (those staying keep when and by whom they were added), bumps the
 * version and records one audit entry with the names before and after. Nothing is written when nothing changes.
 */
async function writeMembers(tx: DatabaseOrTransaction, writer: Writer, dossierId: string, version: number, nextIds: readonly string[]) {
  const current = await membersOf(tx, dossierId);
  const currentIds = current.map((row) => row.id);
  if (currentIds.length === nextIds.length && currentIds.every((id, index) => id === nextIds[index])) return;
  if (nextIds.length > MAX_WATCH_LIST_MEMBERS) {
    throw new ServiceError('BAD_REQUEST', `actorIds: A watch list holds at most ${MAX_WATCH_LIST_MEMBERS} actors; remove some first.`);
  }
  const kept = new Map(current.map((row) => [row.id, row]));
  const added = nextIds.filter((id) => !kept.has(id));
  const names = new Map(current.map((row) => [row.id, row.name]));
  if (added.length) {
    const rows = await tx.select({ id: actors.id, name: actors.name, deletedAt: actors.deletedAt }).from(actors).where(inArray(actors.id, added));
    const live = new Map(rows.filter((row) => row.deletedAt === null).map((row) => [row.id, row.name]));
    if (live.size !== added.length) {
      throw new ServiceError('NOT_FOUND', 'actorIds: An actor is not in the directory (it may have been deleted or merged).');
    }
    for (const [id, name] of live) names.set(id, name);
  }
  const now = new Date();
  await tx.delete(watchListMembers).where(eq(watchListMembers.dossierId, dossierId));
  if (nextIds.length) {
    await tx.insert(watchListMembers).values(
      nextIds.map((actorId, position) => {
        const stays = kept.get(actorId);
        return { dossierId, actorId, position, addedAt: stays?.addedAt ?? now, addedBy: stays ? stays.addedBy : (writer?.id ?? null) };
      }),
    );
  }
  await bumpVersion(tx, writer, dossierId, version);
  await recordAudit(tx, {
    actor: writer,
    action: 'update',
    entityType: auditEntity.watch_list,
    entityId: dossierId,
    dossierId,
    changes: { members: { before: current.map((row) => row.name), after: nextIds.map((id) => names.get(id) ?? id) } },
  });
}

/** Replaces the whole list (the order given is the list's order). */
export async function setWatchListMembers(db: Database, writer: Writer, input: SetWatchListMembersInput): Promise<WatchListView> {
  return db.transaction(async (tx) => {
    await lockList(tx, input.dossierId, input.version);
    await writeMembers(tx, writer, input.dossierId, input.version, input.actorIds);
    return viewOf(tx, input.dossierId);
  });
}

/** Adds actors at the end of the list; those on it already stay where they are. */
export async function addWatchListMembers(db: Database, writer: Writer, input: AddWatchListMembersInput): Promise<WatchListView> {
  return db.transaction(async (tx) => {
    await lockList(tx, input.dossierId, input.version);
    const current = (await membersOf(tx, input.dossierId)).map((row) => row.id);
    await writeMembers(tx, writer, input.dossierId, input.version, [...new Set([...current, ...input.actorIds])]);
    return viewOf(tx, input.dossierId);
  });
}

export async function removeWatchListMember(db: Database, writer: Writer, input: RemoveWatchListMemberInput): Promise<WatchListView> {
  return db.transaction(async (tx) => {
    await lockList(tx, input.dossierId, input.version);
    const current = (await membersOf(tx, input.dossierId)).map((row) => row.id);
    if (!current.includes(input.actorId)) throw new ServiceError('NOT_FOUND', 'actorId: This actor is not on the watch list.');
    await writeMembers(
      tx,
      writer,
      input.dossierId,
      input.version,
      current.filter((id) => id !== input.actorId),
    );
    return viewOf(tx, input.dossierId);
  });
}

/**
 * Adds a preset's actors at the end of the list, creating (audited as the editor) each state or organisation the
 * directory lacks; applying it again adds and creates nothing.
 */
export async function applyWatchListPreset(
  db: Database,
  writer: Writer,
  input: ApplyWatchListPresetInput,
): Promise<WatchListView & { added: number; created: number }> {
  return db.transaction(async (tx) => {
    await lockList(tx, input.dossierId, input.version);
    const current = (await membersOf(tx, input.dossierId)).map((row) => row.id);
    const { actorIds, created } = await resolvePresetActors(tx, writer, input.dossierId, input.preset, input.year);
    const next = [...new Set([...current, ...actorIds])];
    await writeMembers(tx, writer, input.dossierId, input.version, next);
    return { ...(await viewOf(tx, input.dossierId)), added: next.length - current.length, created: created.length };
  });
}

/** Whether readers see the "not yet reacted" list on the public page and embed. */
export async function setWatchListPublic(db: Database, writer: Writer, input: SetWatchListPublicInput): Promise<WatchListView> {
  return db.transaction(async (tx) => {
    const row = await lockList(tx, input.dossierId, input.version);
    if (row.isPublic !== input.isPublic) {
      await bumpVersion(tx, writer, input.dossierId, input.version, { isPublic: input.isPublic });
      await recordAudit(tx, {
        actor: writer,
        action: 'update',
        entityType: auditEntity.watch_list,
        entityId: input.dossierId,
        dossierId: input.dossierId,
        changes: { isPublic: { before: row.isPublic, after: input.isPublic } },
      });
    }
    return viewOf(tx, input.dossierId);
  });
}
