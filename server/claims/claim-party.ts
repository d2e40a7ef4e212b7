import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { actors, dossierParties } from '@/server/actors/schema';
import type { DatabaseOrTransaction } from '@/server/db/client';
import { valueList } from '@/server/db/query-parts';
import { partyOf } from '@/server/parties/party-of';

/**
 * Which dossier party a claim "counts for" (server/parties/party-of.ts): the claimant, or the nearest actor up its
 * affiliation chain, that is a live party of the dossier; null ("Other") when none is. Batched: one query for the
 * dossier's parties and one recursive query for a whole page of claimants' chains.
 */

export interface DossierPartyColumn {
  /** The party's actor. */
  id: string;
  name: string;
  kind: string;
  role: string;
  position: number;
}

export interface PartyRef {
  id: string;
  name: string;
}

/** The dossier's live parties in display order (the columns of the side-by-side view). */
export async function listDossierPartyColumns(db: DatabaseOrTransaction, dossierId: string): Promise<DossierPartyColumn[]> {
  return db
    .select({ id: actors.id, name: actors.name, kind: actors.kind, role: dossierParties.role, position: dossierParties.position })
    .from(dossierParties)
    .innerJoin(actors, eq(actors.id, dossierParties.actorId))
    .where(and(eq(dossierParties.dossierId, dossierId), isNull(dossierParties.deletedAt)))
    .orderBy(asc(dossierParties.position), asc(dossierParties.createdAt), asc(dossierParties.id));
}

interface Link {
  id: string;
  affiliationId: string | null;
}

const MAX_DEPTH = 50;

async function rowsOf(db: DatabaseOrTransaction, query: SQL): Promise<Link[]> {
  const result = (await db.execute(query)) as unknown as { rows: Array<{ id: string; affiliation_id: string | null }> };
  return result.rows.map((row) => ({ id: row.id, affiliationId: row.affiliation_id }));
}

/** The given actors and everyone up their affiliation chains. */
function ancestorsOf(db: DatabaseOrTransaction, ids: string[]): Promise<Link[]> {
  return rowsOf(
    db,
    sql`with recursive chain(id, affiliation_id, depth) as (
      select ${actors}.id, ${actors}.affiliation_id, 0 from ${actors} where ${actors}.id in (${valueList(ids)})
      union
      select a.id, a.affiliation_id, chain.depth + 1 from ${actors} a inner join chain on a.id = chain.affiliation_id where chain.depth < ${MAX_DEPTH}
    ) select distinct id, affiliation_id from chain`,
  );
}

/** The given actors and everyone affiliated to them, directly or through others. */
function descendantsOf(db: DatabaseOrTransaction, ids: string[]): Promise<Link[]> {
  return rowsOf(
    db,
    sql`with recursive tree(id, affiliation_id, depth) as (
      select ${actors}.id, ${actors}.affiliation_id, 0 from ${actors} where ${actors}.id in (${valueList(ids)})
      union
      select a.id, a.affiliation_id, tree.depth + 1 from ${actors} a inner join tree on a.affiliation_id = tree.id where tree.depth < ${MAX_DEPTH}
    ) select distinct id, affiliation_id from tree`,
  );
}

const CHUNK = 5000;

/** The party each claimant counts for in this dossier (null when none). */
export async function partiesOfClaimants(
  db: DatabaseOrTransaction,
  columns: DossierPartyColumn[],
  claimantIds: string[],
): Promise<Map<string, PartyRef | null>> {
  const result = new Map<string, PartyRef | null>();
  const ids = [...new Set(claimantIds)];
  const parties = new Map(columns.map((party) => [party.id, { id: party.id, name: party.name }]));
  const partyIds = new Set(parties.keys());
  if (parties.size > 0) {
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const links = new Map((await ancestorsOf(db, chunk)).map((link) => [link.id, link]));
      for (const id of chunk) {
        const party = partyOf(id, links, partyIds);
        result.set(id, party ? parties.get(party)! : null);
      }
    }
  }
  for (const id of ids) if (!result.has(id)) result.set(id, null);
  return result;
}

/**
 * Every actor whose claims count for one of `partyIds` in this dossier: the parties themselves and the actors
 * affiliated to them (at any depth), each checked against the whole party list so that a claim counts for the
 * nearest party only.
 */
export async function claimantsOfParties(db: DatabaseOrTransaction, columns: DossierPartyColumn[], partyIds: string[]): Promise<string[]> {
  const all = new Set(columns.map((party) => party.id));
  const wanted = new Set(partyIds.filter((id) => all.has(id)));
  if (wanted.size === 0) return [];
  const candidates = await descendantsOf(db, [...all]);
  const links = new Map(candidates.map((link) => [link.id, link]));
  return candidates.filter(({ id }) => wanted.has(partyOf(id, links, all) ?? '')).map(({ id }) => id);
}

/**
 * The party each claim counts for when the claims come from several dossiers (an actor's claims across the desk):
 * one query for those dossiers' parties and one for the claimants' chains. Keyed by `partyKey(dossierId, claimantId)`.
 */
export async function partiesOfClaimantsInDossiers(
  db: DatabaseOrTransaction,
  pairs: ReadonlyArray<{ dossierId: string; claimantId: string }>,
): Promise<Map<string, PartyRef | null>> {
  const result = new Map<string, PartyRef | null>();
  if (pairs.length === 0) return result;
  const dossierIds = [...new Set(pairs.map((pair) => pair.dossierId))];
  const columns = await db
    .select({ dossierId: dossierParties.dossierId, id: actors.id, name: actors.name })
    .from(dossierParties)
    .innerJoin(actors, eq(actors.id, dossierParties.actorId))
    .where(and(inArray(dossierParties.dossierId, dossierIds), isNull(dossierParties.deletedAt)));
  const partiesOf = new Map<string, Map<string, PartyRef>>();
  for (const column of columns) {
    const parties = partiesOf.get(column.dossierId) ?? partiesOf.set(column.dossierId, new Map()).get(column.dossierId)!;
    parties.set(column.id, { id: column.id, name: column.name });
  }
  const links = columns.length
    ? new Map((await ancestorsOf(db, [...new Set(pairs.map((pair) => pair.claimantId))])).map((link) => [link.id, link]))
    : new Map<string, Link>();
  for (const { dossierId, claimantId } of pairs) {
    const parties = partiesOf.get(dossierId);
    const party = parties ? partyOf(claimantId, links, new Set(parties.keys())) : null;
    result.set(partyKey(dossierId, claimantId), party ? parties!.get(party)! : null);
  }
  return result;
}

export const partyKey = (dossierId: string, claimantId: string) => `${dossierId}:${claimantId}`;
