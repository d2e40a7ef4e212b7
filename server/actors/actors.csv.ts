import { and, asc, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { claimAbout, claims, claimSources } from '@/server/claims/schema';
import { csvStream, strongEtag, type CsvColumn } from '@/server/csv/csv';
import type { DatabaseOrTransaction } from '@/server/db/client';
import { dossiers } from '@/server/dossiers/schema';
import { sources } from '@/server/sources/schema';
import { toPublicActor, type PublicActor } from './actors.service';
import type { PartyRole } from './actors.labels';
import { actors, dossierParties } from './schema';

/** One row of a dossier's public actors CSV: public fields only, never internal notes. */
export interface PublicActorRow extends PublicActor {
  affiliationName: string;
  /** The actor's role among the dossier's parties; null when it is only named by claims. */
  partyRole: PartyRole | null;
}

/**
 * A claim readers may see: live, in a published live dossier, citing at least one live source. The dossier half is
 * checked once by the caller; this is the claim half.
 */
function publicClaimOf(dossierId: string): SQL {
  return and(
    eq(claims.dossierId, dossierId),
    isNull(claims.deletedAt),
    exists(
      sql`(select 1 from ${claimSources} inner join ${sources} on ${sources}.id = ${claimSources}.source_id where ${claimSources}.claim_id = ${claims}.id and ${sources}.deleted_at is null)`,
    ),
  )!;
}

const affiliation = alias(actors, 'affiliation');

/**
 * The actors a published dossier shows readers: its live parties (in their display order) and every actor its
 * public claims name as claimant or as what they are about (by name). Empty for a draft, deleted or unknown dossier.
 */
export async function listPublicActorsOfDossier(db: DatabaseOrTransaction, dossierId: string): Promise<PublicActorRow[]> {
  const [dossier] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(and(eq(dossiers.id, dossierId), eq(dossiers.status, 'published'), isNull(dossiers.deletedAt)));
  if (!dossier) return [];

  const parties = await db
    .select({ actorId: dossierParties.actorId, role: dossierParties.role })
    .from(dossierParties)
    .where(and(eq(dossierParties.dossierId, dossierId), isNull(dossierParties.deletedAt)))
    .orderBy(asc(dossierParties.position), asc(dossierParties.id));
  const roleOf = new Map(parties.map((party) => [party.actorId, party.role]));

  const publicClaimIds = db.select({ id: claims.id }).from(claims).where(publicClaimOf(dossierId));
  const claimantIds = db.select({ id: claims.claimantId }).from(claims).where(publicClaimOf(dossierId));
  const aboutIds = db.select({ id: claimAbout.actorId }).from(claimAbout).where(inArray(claimAbout.claimId, publicClaimIds));

  const rows = await db
    .select({ actor: actors, affiliationName: affiliation.name })
    .from(actors)
    .leftJoin(affiliation, eq(affiliation.id, actors.affiliationId))
    .where(
      or(
        parties.length ? inArray(actors.id, [...roleOf.keys()]) : undefined,
        inArray(actors.id, claimantIds),
        inArray(actors.id, aboutIds),
      ),
    )
    .orderBy(asc(actors.name), asc(actors.id));

  const partyOrder = new Map(parties.map((party, index) => [party.actorId, index]));
  return rows
    .map(({ actor, affiliationName }) => ({ ...toPublicActor(actor), affiliationName: affiliationName ?? '', partyRole: roleOf.get(actor.id) ?? null }))
    .sort((a, b) => (partyOrder.get(a.id) ?? Infinity) - (partyOrder.get(b.id) ?? Infinity));
}

/** Columns of the public actors CSV. */
export const publicActorColumns: ReadonlyArray<CsvColumn<PublicActorRow>> = [
  { header: 'id', value: (row) => row.id },
  { header: 'name', value: (row) => row.name },
  { header: 'kind', value: (row) => row.kind },
  { header: 'country_code', value: (row) => row.countryCode },
  { header: 'country', value: (row) => row.country },
  { header: 'affiliation', value: (row) => row.affiliationName },
  { header: 'title', value: (row) => row.title },
  { header: 'aliases', value: (row) => row.aliases.join('; ') },
  { header: 'description', value: (row) => row.description },
  { header: 'party_role', value: (row) => row.partyRole },
];

async function* each<Row>(rows: readonly Row[]): AsyncGenerator<Row> {
  yield* rows;
}

/** The CSV body for rows read with listPublicActorsOfDossier (a dossier's actors are few: read once, then streamed). */
export function publicActorsCsv(rows: readonly PublicActorRow[]): ReadableStream<Uint8Array> {
  return csvStream(each(rows), publicActorColumns);
}

/** A strong ETag for exactly these rows: any edit to an actor, a party or which claims are public changes it. */
export function publicActorsEtag(dossierId: string, rows: readonly PublicActorRow[]): string {
  return strongEtag(dossierId, JSON.stringify(rows));
}
