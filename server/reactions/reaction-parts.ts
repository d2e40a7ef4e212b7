import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ActorKind } from '@/server/actors/actors.labels';
import { actors, dossierParties } from '@/server/actors/schema';
import type { DatabaseOrTransaction } from '@/server/db/client';
import { inChunks } from '@/server/db/in-chunks';
import { inSequence } from '@/server/db/in-sequence';
import { valueList } from '@/server/db/query-parts';
import { sources } from '@/server/sources/schema';
import { defaultAlignments } from './alignment';
import { countsFor } from './counts-for';
import type { Alignment, ReactionStance } from './reactions.labels';
import { reactionActors, reactionAlignments, reactionSources, reactionTargets } from './schema';

/**
 * A page (or a dossier's worth) of reactions' parts in a few batched queries, never one per reaction: signatories
 * with what each counts for, speaker, targets, alignment towards every dossier party (saved, else the default),
 * cited sources. The desk list, the reaction page, the public views and both CSVs read reactions through this.
 */

export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
  title: string;
  countryCode: string | null;
  affiliationId: string | null;
}

export interface Signatory {
  actor: ActorRef;
  /** The state or organisation this signatory's reaction counts for (itself when it is one). */
  countsFor: ActorRef;
  /** True when the editor set countsFor for this reaction instead of the roll-up. */
  overridden: boolean;
}

export interface PartyAlignment {
  party: { id: string; name: string };
  alignment: Alignment;
  /** Set by the editor; false: the default from stances and targets. */
  edited: boolean;
}

export interface CitedSource {
  source: {
    id: string;
    title: string;
    outlet: string;
    url: string | null;
    publishedAt: Date | null;
    reliability: string;
    deletedAt: Date | null;
  };
  excerpt: string;
}

export interface ReactionParts {
  signatories: Signatory[];
  speaker: ActorRef | null;
  targets: Array<{ id: string; name: string }>;
  alignments: PartyAlignment[];
  /** Every cited source, deleted ones included (callers showing readers drop those with `deletedAt`). */
  sources: CitedSource[];
}

/** What loadReactionParts needs of each reaction row. */
export interface ReactionCore {
  id: string;
  speakerId: string | null;
  stances: ReactionStance[];
}

/** The dossier's live parties with role "party", in order: the ones alignments are towards. */
export async function listAlignmentParties(db: DatabaseOrTransaction, dossierId: string): Promise<Array<{ id: string; name: string; countryCode: string | null }>> {
  return db
    .select({ id: actors.id, name: actors.name, countryCode: actors.countryCode })
    .from(dossierParties)
    .innerJoin(actors, eq(actors.id, dossierParties.actorId))
    .where(and(eq(dossierParties.dossierId, dossierId), isNull(dossierParties.deletedAt), eq(dossierParties.role, 'party')))
    .orderBy(asc(dossierParties.position), asc(dossierParties.createdAt), asc(dossierParties.id));
}

/** The given actors and everyone up their affiliation chains, keyed by id. */
export async function loadActorChains(db: DatabaseOrTransaction, ids: readonly string[]): Promise<Map<string, ActorRef>> {
  const rows = await inChunks(ids, async (chunk) => {
    const result = (await db.execute(
      sql`with recursive chain(id, depth) as (
        select ${actors}.id, 0 from ${actors} where ${actors}.id in (${valueList(chunk)})
        union
        select a.affiliation_id, chain.depth + 1 from ${actors} a inner join chain on a.id = chain.id
          where a.affiliation_id is not null and chain.depth < 50
      ) select a.id, a.name, a.kind, a.title, a.country_code, a.affiliation_id from ${actors} a where a.id in (select id from chain)`,
    )) as unknown as {
      rows: Array<{ id: string; name: string; kind: ActorKind; title: string; country_code: string | null; affiliation_id: string | null }>;
    };
    return result.rows;
  });
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, name: row.name, kind: row.kind, title: row.title, countryCode: row.country_code, affiliationId: row.affiliation_id },
    ]),
  );
}

export async function loadReactionParts(
  db: DatabaseOrTransaction,
  dossierId: string,
  reactions: readonly ReactionCore[],
): Promise<Map<string, ReactionParts>> {
  const parts = new Map<string, ReactionParts>();
  if (reactions.length === 0) return parts;
  const ids = reactions.map((reaction) => reaction.id);
  const [signatoryRows, targetRows, alignmentRows, sourceRows, parties] = await inSequence([
    () =>
      inChunks(ids, (chunk) =>
      db
        .select({
          reactionId: reactionActors.reactionId,
          actorId: reactionActors.actorId,
          countsForId: reactionActors.countsForId,
        })
        .from(reactionActors)
        .where(inArray(reactionActors.reactionId, chunk))
        .orderBy(asc(reactionActors.position), asc(reactionActors.actorId)),
    ),
    () =>
      inChunks(ids, (chunk) =>
      db
        .select({ reactionId: reactionTargets.reactionId, id: actors.id, name: actors.name })
        .from(reactionTargets)
        .innerJoin(actors, eq(actors.id, reactionTargets.actorId))
        .where(inArray(reactionTargets.reactionId, chunk))
        .orderBy(asc(actors.name)),
    ),
    () =>
      inChunks(ids, (chunk) =>
      db
        .select({
          reactionId: reactionAlignments.reactionId,
          partyActorId: reactionAlignments.partyActorId,
          alignment: reactionAlignments.alignment,
          edited: reactionAlignments.edited,
        })
        .from(reactionAlignments)
        .where(inArray(reactionAlignments.reactionId, chunk)),
    ),
    () =>
      inChunks(ids, (chunk) =>
      db
        .select({
          reactionId: reactionSources.reactionId,
          excerpt: reactionSources.excerpt,
          id: sources.id,
          title: sources.title,
          outlet: sources.outlet,
          url: sources.url,
          publishedAt: sources.publishedAt,
          reliability: sources.reliability,
          deletedAt: sources.deletedAt,
        })
        .from(reactionSources)
        .innerJoin(sources, eq(sources.id, reactionSources.sourceId))
        .where(inArray(reactionSources.reactionId, chunk))
        .orderBy(asc(reactionSources.position), asc(sources.id)),
    ),
    () => listAlignmentParties(db, dossierId),
  ]);

  const actorIds = [
    ...signatoryRows.flatMap((row) => (row.countsForId ? [row.actorId, row.countsForId] : [row.actorId])),
    ...reactions.flatMap((reaction) => (reaction.speakerId ? [reaction.speakerId] : [])),
  ];
  const actorsById = await loadActorChains(db, actorIds);
  const partyIds = parties.map((party) => party.id);

  for (const reaction of reactions) parts.set(reaction.id, { signatories: [], speaker: null, targets: [], alignments: [], sources: [] });
  for (const row of signatoryRows) {
    const actor = actorsById.get(row.actorId);
    const counted = actorsById.get(countsFor(row.actorId, actorsById, row.countsForId));
    if (!actor || !counted) continue;
    parts.get(row.reactionId)?.signatories.push({ actor, countsFor: counted, overridden: row.countsForId !== null });
  }
  for (const row of targetRows) parts.get(row.reactionId)?.targets.push({ id: row.id, name: row.name });
  for (const row of sourceRows) {
    const { reactionId, excerpt, ...source } = row;
    parts.get(reactionId)?.sources.push({ source, excerpt });
  }
  const saved = new Map(alignmentRows.map((row) => [`${row.reactionId}:${row.partyActorId}`, row]));
  for (const reaction of reactions) {
    const part = parts.get(reaction.id)!;
    part.speaker = reaction.speakerId ? (actorsById.get(reaction.speakerId) ?? null) : null;
    const defaults = defaultAlignments(
      reaction.stances,
      part.targets.map((target) => target.id),
      partyIds,
    );
    part.alignments = parties.map((party) => {
      const row = saved.get(`${reaction.id}:${party.id}`);
      return {
        party: { id: party.id, name: party.name },
        alignment: row ? row.alignment : defaults[party.id]!,
        edited: row ? row.edited : false,
      };
    });
  }
  return parts;
}
