import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { diffFields, recordAudit } from '@/server/audit/audit.service';
import { actors } from '@/server/actors/schema';
import { dossierParties, type DossierParty } from '@/server/actors/schema';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { editableEntity, type Writer } from '@/server/db/versioned-write';
import { getLiveDossier } from '@/server/dossiers/dossiers.service';
import { dossiers } from '@/server/dossiers/schema';
import { assertVersion, isUniqueViolation, notFound, ServiceError } from '@/server/errors';
import type { AddPartyInput, MovePartyInput, UpdatePartyInput } from './parties.input';

/**
 * The actors a dossier's story is about, each with a role and a place: their order sets the columns of the public
 * side-by-side view.
 */

/** Locks the dossier `for share` (or `for update`), so deleting it waits for a party write, never both at once. */
async function lockLiveDossier(tx: DatabaseOrTransaction, dossierId: string, mode: 'share' | 'update' = 'share'): Promise<void> {
  const [row] = await tx.select({ deletedAt: dossiers.deletedAt }).from(dossiers).where(eq(dossiers.id, dossierId)).for(mode);
  if (!row) throw notFound('Dossier');
  if (row.deletedAt) throw new ServiceError('NOT_FOUND', 'This party’s dossier was deleted; restore the dossier first.');
}

/** Desk writes: a deleted dossier's parties are frozen until it is restored. */
const partyEntity = editableEntity({
  table: dossierParties,
  entityType: 'party',
  label: 'Party',
  dossierIdOf: (row) => row.dossierId,
  afterLock: (tx, row) => lockLiveDossier(tx, row.dossierId),
});

/** Reference moves (an actor merge) reach every dossier's parties, deleted dossiers included. */
const partyReferences = editableEntity({ table: dossierParties, entityType: 'party', label: 'Party', dossierIdOf: (row) => row.dossierId });

const partyColumns = {
  id: dossierParties.id,
  version: dossierParties.version,
  role: dossierParties.role,
  position: dossierParties.position,
  actorId: actors.id,
  actorName: actors.name,
  actorKind: actors.kind,
  actorCountryCode: actors.countryCode,
};

async function partiesOf(db: DatabaseOrTransaction, dossierId: string) {
  const rows = await db
    .select(partyColumns)
    .from(dossierParties)
    .innerJoin(actors, eq(actors.id, dossierParties.actorId))
    .where(and(eq(dossierParties.dossierId, dossierId), isNull(dossierParties.deletedAt)))
    .orderBy(asc(dossierParties.position), asc(dossierParties.id));
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    role: row.role,
    position: row.position,
    actor: { id: row.actorId, name: row.actorName, kind: row.actorKind, countryCode: row.actorCountryCode },
  }));
}

/** The desk's list of a live dossier's parties, in display order. */
export async function listParties(db: Database, dossierId: string) {
  await getLiveDossier(db, dossierId);
  return partiesOf(db, dossierId);
}
export type PartyListItem = Awaited<ReturnType<typeof listParties>>[number];

/** For public pages (the caller has already found the published dossier): display order, public fields only. */
export async function listPartiesForDossier(db: DatabaseOrTransaction, dossierId: string) {
  return (await partiesOf(db, dossierId)).map(({ version: _version, ...party }) => party);
}
export type PublicParty = Awaited<ReturnType<typeof listPartiesForDossier>>[number];

const alreadyParty = (name: string, partyId?: string) =>
  new ServiceError('CONFLICT', `actorId: “${name}” is already a party of this dossier.`, partyId ? { partyId } : undefined);

export async function addParty(db: Database, writer: Writer, input: AddPartyInput): Promise<DossierParty> {
  let actorName = 'This actor';
  try {
    return await db.transaction(async (tx) => {
      await lockLiveDossier(tx, input.dossierId);
      const [actor] = await tx.select({ name: actors.name, deletedAt: actors.deletedAt }).from(actors).where(eq(actors.id, input.actorId));
      if (!actor || actor.deletedAt) throw new ServiceError('NOT_FOUND', 'actorId: this actor is not in the directory (it may have been deleted or merged).');
      actorName = actor.name;
      const [existing] = await tx
        .select({ id: dossierParties.id })
        .from(dossierParties)
        .where(and(eq(dossierParties.dossierId, input.dossierId), eq(dossierParties.actorId, input.actorId), isNull(dossierParties.deletedAt)));
      if (existing) throw alreadyParty(actor.name, existing.id);
      const [last] = await tx
        .select({ next: sql<number>`coalesce(max(${dossierParties.position}) + 1, 0)::int` })
        .from(dossierParties)
        .where(and(eq(dossierParties.dossierId, input.dossierId), isNull(dossierParties.deletedAt)));
      return partyEntity.create(tx, writer, { dossierId: input.dossierId, actorId: input.actorId, role: input.role, position: last?.next ?? 0 });
    });
  } catch (error) {
    // Two editors adding the same actor at once: the partial unique index lets only one through.
    if (isUniqueViolation(error, 'dossier_parties_unique')) throw alreadyParty(actorName);
    throw error;
  }
}

export async function updateParty(db: Database, writer: Writer, input: UpdatePartyInput): Promise<DossierParty> {
  return db.transaction(async (tx) => (await partyEntity.update(tx, writer, input, { role: input.role })).after);
}

/**
 * Moves a party one place earlier or later among the dossier's live parties (a no-op at either end). Positions are
 * renumbered 0…n-1 as it goes, so ties left by older rows never make a move do nothing.
 */
export async function moveParty(db: Database, writer: Writer, input: MovePartyInput): Promise<DossierParty> {
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ dossierId: dossierParties.dossierId }).from(dossierParties).where(eq(dossierParties.id, input.id));
    if (!target) throw notFound('Party');
    // One reorder per dossier at a time: two moves locking the same siblings in turn would deadlock otherwise.
    await lockLiveDossier(tx, target.dossierId, 'update');
    const party = await partyEntity.lock(tx, input.id);
    assertVersion(party, input.version, 'party');
    const siblings = await tx
      .select()
      .from(dossierParties)
      .where(and(eq(dossierParties.dossierId, party.dossierId), isNull(dossierParties.deletedAt)))
      .orderBy(asc(dossierParties.position), asc(dossierParties.id))
      .for('update');
    const from = siblings.findIndex((row) => row.id === party.id);
    const to = input.to === 'earlier' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= siblings.length) return party;
    const order = [...siblings];
    [order[from], order[to]] = [order[to]!, order[from]!];
    let moved = party;
    for (const [position, row] of order.entries()) {
      if (row.position === position) continue;
      const { after } = await partyEntity.update(tx, writer, row, { position });
      if (after.id === party.id) moved = after;
    }
    return moved;
  });
}

/** Soft delete: the party leaves the dossier's columns; its history stays. */
export async function removeParty(db: Database, writer: Writer, input: { id: string; version: number }): Promise<DossierParty> {
  return db.transaction((tx) => partyEntity.softDelete(tx, writer, input));
}

/**
 * An actor merge: every party row of `fromId` now names `intoId`. Where `intoId` already is a live party of the same
 * dossier, the merged actor's row is removed instead (one actor, one column; the target keeps its role and place).
 * Runs on the merge's transaction.
 */
export async function moveActorParties(tx: DatabaseOrTransaction, writer: Writer, fromId: string, intoId: string): Promise<number> {
  const rows = await tx.select().from(dossierParties).where(eq(dossierParties.actorId, fromId)).orderBy(asc(dossierParties.id)).for('update');
  for (const row of rows) {
    if (row.deletedAt) {
      // Deleted rows are outside the partial unique index and the versioned write (which edits live rows only).
      const [after] = await tx
        .update(dossierParties)
        .set({ actorId: intoId, version: row.version + 1, updatedAt: new Date(), updatedBy: writer?.id ?? null })
        .where(eq(dossierParties.id, row.id))
        .returning();
      await recordAudit(tx, {
        actor: writer,
        action: 'update',
        entityType: 'party',
        entityId: row.id,
        dossierId: row.dossierId,
        changes: diffFields({ actorId: row.actorId }, { actorId: after!.actorId }),
      });
      continue;
    }
    const [kept] = await tx
      .select({ id: dossierParties.id })
      .from(dossierParties)
      .where(and(eq(dossierParties.dossierId, row.dossierId), eq(dossierParties.actorId, intoId), isNull(dossierParties.deletedAt)));
    if (kept) await partyReferences.softDelete(tx, writer, row);
    else await partyReferences.update(tx, writer, row, { actorId: intoId });
  }
  return rows.length;
}
