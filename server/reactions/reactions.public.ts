import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { ActorKind } from '@/server/actors/actors.labels';
import { actors, dossierParties } from '@/server/actors/schema';
import { publishedFingerprint, rowsState } from '@/server/csv/fingerprint';
import type { Database } from '@/server/db/client';
import { inChunks } from '@/server/db/in-chunks';
import { getPublishedDossier } from '@/server/dossiers/dossiers.service';
import { dossiers, type Dossier } from '@/server/dossiers/schema';
import { notFound } from '@/server/errors';
import { sources } from '@/server/sources/schema';
import { publicNotYetReacted } from '@/server/watch-lists/watch-lists.service';
import { combineAlignments, defaultAlignments } from './alignment';
import { countsFor } from './counts-for';
import { listAlignmentParties, loadActorChains, loadReactionParts, type ActorRef, type ReactionParts } from './reaction-parts';
import { alignments, reactionStances, type Alignment, type DatePrecision, type ReactionChannel, type ReactionStance } from './reactions.labels';
import { reactionHasLiveSource } from './reactions.service';
import { reactionActors, reactionAlignments, reactions, reactionTargets } from './schema';

/**
 * What readers see of reactions. A reaction is public when its dossier is published and live, the reaction is not
 * deleted, and it cites at least one live source (the claims rule). Everything goes through toPublicReaction, an
 * explicit picker: internal notes, tags, versions, authors and deleted sources stay on the desk.
 *
 * The overview scales with the dossier (10,000 reactions from 200 actors): counts and per-entity summaries come
 * from light rows (a reaction's date, stances, signatories, targets and saved alignments, each read in one query
 * over the dossier's public reactions); only the reactions shown — at most PUBLIC_REACTIONS_PER_ENTITY per entity,
 * or every reaction of the one entity asked for with `by` — are loaded with their parts.
 */

/** How many reactions each reacting entity shows in the overview; the rest are on `?by=<entity id>`. */
export const PUBLIC_REACTIONS_PER_ENTITY = 3;

export interface PublicActorRef {
  id: string;
  name: string;
  kind: ActorKind;
  title: string;
  countryCode: string | null;
}

export interface PublicReactionSource {
  source: { id: string; title: string; outlet: string; url: string | null; publishedAt: Date | null; reliability: string };
  excerpt: string;
}

export interface PublicReaction {
  id: string;
  reactedAt: Date | null;
  reactedPrecision: DatePrecision;
  channel: ReactionChannel;
  /** Every stance, the primary one first. */
  stances: ReactionStance[];
  primaryStance: ReactionStance;
  quote: string;
  originalText: string;
  originalLanguage: string;
  paraphrase: string;
  signatories: Array<{ actor: PublicActorRef; countsFor: PublicActorRef }>;
  speaker: PublicActorRef | null;
  targets: Array<{ id: string; name: string }>;
  alignments: Array<{ party: { id: string; name: string }; alignment: Alignment }>;
  /** Live sources only. */
  sources: PublicReactionSource[];
}

/**
 * How readers' lists group reacting entities, in display order: mediators (the counted entity is a dossier party
 * with role mediator), international organisations, states, others (religious authorities, armed groups, people
 * without a state…), and last the parties' own statements.
 */
export const reactingGroups = ['mediator', 'organisation', 'state', 'other', 'party'] as const;
export type ReactingGroup = (typeof reactingGroups)[number];

export interface ReactingEntity {
  entity: PublicActorRef;
  group: ReactingGroup;
  reactionCount: number;
  /** Combined over the entity's reactions, per party (order of `parties`). */
  alignments: Array<{ partyId: string; alignment: Alignment }>;
  /** Primary stance of its earliest reaction. */
  primaryStance: ReactionStance;
  firstReactedAt: Date | null;
  /** Its earliest reactions, at most PUBLIC_REACTIONS_PER_ENTITY; the rest on `?by=<entity id>` (there: all). */
  reactions: PublicReaction[];
}

export interface PublicReactionsOverview {
  dossier: { id: string; slug: string; title: string };
  parties: Array<{ id: string; name: string; countryCode: string | null }>;
  /** Public reactions of the dossier (whatever `by`). */
  total: number;
  /** Public reactions by primary stance: every stance, in taxonomy order, zeros included. */
  countsByStance: Array<{ stance: ReactionStance; count: number }>;
  /**
   * Per party (order of `parties`): how many reacting entities stand with / neutral / against / unclear towards it,
   * each entity counted once with its combined alignment. The parties' own statements (group `party`) are left
   * out: these are the counts of third parties' reactions.
   */
  countsByAlignment: Array<{ partyId: string; counts: Record<Alignment, number> }>;
  /**
   * Display order, empty groups left out. Within a group: mediators and parties in the dossier's party order;
   * organisations, states and others alphabetically by name. With `by`: only that entity (none when it has no
   * public reaction), with every reaction.
   */
  groups: Array<{ group: ReactingGroup; entities: ReactingEntity[] }>;
  /** The public watch list's members without a public reaction; null when the dossier's watch list is not public. */
  notYetReacted: PublicActorRef[] | null;
}

/** The reaction columns a public reader may see, plus what loading parts needs (speaker, stances). */
const publicReactionColumns = {
  id: reactions.id,
  speakerId: reactions.speakerId,
  reactedAt: reactions.reactedAt,
  reactedPrecision: reactions.reactedPrecision,
  channel: reactions.channel,
  stances: reactions.stances,
  primaryStance: reactions.primaryStance,
  quote: reactions.quote,
  originalText: reactions.originalText,
  originalLanguage: reactions.originalLanguage,
  paraphrase: reactions.paraphrase,
};
export type PublicReactionRow = {
  id: string;
  speakerId: string | null;
  reactedAt: Date | null;
  reactedPrecision: DatePrecision;
  channel: ReactionChannel;
  stances: ReactionStance[];
  primaryStance: ReactionStance;
  quote: string;
  originalText: string;
  originalLanguage: string;
  paraphrase: string;
};

const actorRef = (actor: Pick<ActorRef, 'id' | 'name' | 'kind' | 'title' | 'countryCode'>): PublicActorRef => ({
  id: actor.id,
  name: actor.name,
  kind: actor.kind,
  title: actor.title,
  countryCode: actor.countryCode,
});

/** The fields of a reaction a reader may see. Never tags, internal notes, versions, authors or deleted sources. */
export function toPublicReaction(row: PublicReactionRow, parts: ReactionParts): PublicReaction {
  return {
    id: row.id,
    reactedAt: row.reactedAt,
    reactedPrecision: row.reactedPrecision,
    channel: row.channel,
    stances: [...row.stances],
    primaryStance: row.primaryStance,
    quote: row.quote,
    originalText: row.originalText,
    originalLanguage: row.originalLanguage,
    paraphrase: row.paraphrase,
    signatories: parts.signatories.map((signatory) => ({ actor: actorRef(signatory.actor), countsFor: actorRef(signatory.countsFor) })),
    speaker: parts.speaker ? actorRef(parts.speaker) : null,
    targets: parts.targets.map((target) => ({ id: target.id, name: target.name })),
    alignments: parts.alignments.map((item) => ({ party: { id: item.party.id, name: item.party.name }, alignment: item.alignment })),
    sources: parts.sources.flatMap((link) =>
      link.source.deletedAt
        ? []
        : [
            {
              source: {
                id: link.source.id,
                title: link.source.title,
                outlet: link.source.outlet,
                url: link.source.url,
                publishedAt: link.source.publishedAt,
                reliability: link.source.reliability,
              },
              excerpt: link.excerpt,
            },
          ],
    ),
  };
}

/** The public reactions of a dossier (the caller has checked the dossier is published and live). */
const publicConditions = (dossierId: string): SQL[] => [eq(reactions.dossierId, dossierId), isNull(reactions.deletedAt), reactionHasLiveSource];

/** Earliest first; undated last. */
const earliestFirst = [sql`${reactions.reactedAt} asc nulls last`, asc(reactions.createdAt), asc(reactions.id)];

/** The given public reactions with their parts, in the order of `ids`. */
async function loadPublicReactions(db: Database, dossierId: string, ids: readonly string[]): Promise<PublicReaction[]> {
  if (ids.length === 0) return [];
  const rows = await inChunks(ids, (chunk) =>
    db
      .select(publicReactionColumns)
      .from(reactions)
      .where(and(...publicConditions(dossierId), inArray(reactions.id, chunk))),
  );
  const parts = await loadReactionParts(db, dossierId, rows);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toPublicReaction(row, parts.get(id)!)] : [];
  });
}

async function publishedDossierById(db: Database, dossierId: string): Promise<Dossier> {
  const [dossier] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.id, dossierId), eq(dossiers.status, 'published'), isNull(dossiers.deletedAt)));
  if (!dossier) throw notFound('Dossier');
  return dossier;
}

/** One public reaction of the published dossier `slug`; NOT_FOUND when it is not public (deleted, no live source…). */
export async function getPublicReaction(
  db: Database,
  slug: string,
  id: string,
): Promise<PublicReaction & { dossier: { id: string; slug: string; title: string } }> {
  return getPublicReactionOf(db, await getPublishedDossier(db, slug), id);
}

/** getPublicReaction for a published dossier already read (a reader's page looks its dossier up once). */
export async function getPublicReactionOf(
  db: Database,
  dossier: Dossier,
  id: string,
): Promise<PublicReaction & { dossier: { id: string; slug: string; title: string } }> {
  const [reaction] = await loadPublicReactions(db, dossier.id, [id]);
  if (!reaction) throw notFound('Reaction');
  return { ...reaction, dossier: { id: dossier.id, slug: dossier.slug, title: dossier.title } };
}

interface EntitySummary {
  entity: ActorRef;
  group: ReactingGroup;
  /** Public reaction ids, earliest first. */
  reactionIds: string[];
  alignments: Map<string, Alignment[]>;
  primaryStance: ReactionStance;
  firstReactedAt: Date | null;
}

function groupOf(entity: ActorRef, roles: ReadonlyMap<string, string>): ReactingGroup {
  const role = roles.get(entity.id);
  if (role === 'mediator') return 'mediator';
  if (role === 'party') return 'party';
  if (entity.kind === 'international_organisation') return 'organisation';
  if (entity.kind === 'state') return 'state';
  return 'other';
}

const byName = (a: { entity: ActorRef }, b: { entity: ActorRef }) =>
  a.entity.name.localeCompare(b.entity.name, 'en', { sensitivity: 'base' }) || a.entity.id.localeCompare(b.entity.id);

/**
 * The public "International reactions" section of a published dossier: counts by primary stance and by alignment,
 * the reacting states and organisations grouped as reference works list them, each with its earliest reactions,
 * and (when the desk made the watch list public) who has not reacted yet. NOT_FOUND unless the dossier is published.
 */
export async function getPublicReactionsOverview(
  db: Database,
  slug: string,
  options: { by?: string | null } = {},
): Promise<PublicReactionsOverview> {
  return getPublicReactionsOverviewOf(db, await getPublishedDossier(db, slug), options);
}

/** getPublicReactionsOverview for a published dossier already read (a reader's page looks its dossier up once). */
export async function getPublicReactionsOverviewOf(
  db: Database,
  dossier: Dossier,
  options: { by?: string | null } = {},
): Promise<PublicReactionsOverview> {
  const live = publicConditions(dossier.id);
  // Light rows over the dossier's public reactions, side by side.
  const [light, signatoryRows, targetRows, savedRows, parties, roleRows, missing] = await Promise.all([
    db
      .select({ id: reactions.id, reactedAt: reactions.reactedAt, primaryStance: reactions.primaryStance, stances: reactions.stances })
      .from(reactions)
      .where(and(...live))
      .orderBy(...earliestFirst),
    db
      .select({ reactionId: reactionActors.reactionId, actorId: reactionActors.actorId, countsForId: reactionActors.countsForId })
      .from(reactionActors)
      .innerJoin(reactions, eq(reactions.id, reactionActors.reactionId))
      .where(and(...live))
      .orderBy(asc(reactionActors.position), asc(reactionActors.actorId)),
    db
      .select({ reactionId: reactionTargets.reactionId, actorId: reactionTargets.actorId })
      .from(reactionTargets)
      .innerJoin(reactions, eq(reactions.id, reactionTargets.reactionId))
      .where(and(...live)),
    db
      .select({ reactionId: reactionAlignments.reactionId, partyId: reactionAlignments.partyActorId, alignment: reactionAlignments.alignment })
      .from(reactionAlignments)
      .innerJoin(reactions, eq(reactions.id, reactionAlignments.reactionId))
      .where(and(...live)),
    listAlignmentParties(db, dossier.id),
    db
      .select({ actorId: dossierParties.actorId, role: dossierParties.role })
      .from(dossierParties)
      .where(and(eq(dossierParties.dossierId, dossier.id), isNull(dossierParties.deletedAt)))
      .orderBy(asc(dossierParties.position), asc(dossierParties.createdAt), asc(dossierParties.id)),
    publicNotYetReacted(db, dossier.id),
  ]);

  const chains = await loadActorChains(db, [
    ...signatoryRows.map((row) => row.actorId),
    ...signatoryRows.flatMap((row) => (row.countsForId ? [row.countsForId] : [])),
  ]);
  const roles = new Map(roleRows.map((row) => [row.actorId, row.role as string]));
  const partyOrder = new Map(roleRows.map((row, index) => [row.actorId, index]));
  const partyIds = parties.map((party) => party.id);

  const entitiesOf = new Map<string, string[]>();
  for (const row of signatoryRows) {
    const entityId = countsFor(row.actorId, chains, row.countsForId);
    const list = entitiesOf.get(row.reactionId) ?? entitiesOf.set(row.reactionId, []).get(row.reactionId)!;
    if (!list.includes(entityId)) list.push(entityId);
  }
  const targetsOf = new Map<string, string[]>();
  for (const row of targetRows) (targetsOf.get(row.reactionId) ?? targetsOf.set(row.reactionId, []).get(row.reactionId)!).push(row.actorId);
  const saved = new Map(savedRows.map((row) => [`${row.reactionId}:${row.partyId}`, row.alignment]));

  const countsByStance = new Map<ReactionStance, number>(reactionStances.map((stance) => [stance, 0]));
  const summaries = new Map<string, EntitySummary>();
  for (const reaction of light) {
    countsByStance.set(reaction.primaryStance, (countsByStance.get(reaction.primaryStance) ?? 0) + 1);
    let defaults: Record<string, Alignment> | null = null;
    const alignmentTowards = (partyId: string): Alignment => {
      const stored = saved.get(`${reaction.id}:${partyId}`);
      if (stored) return stored;
      defaults ??= defaultAlignments(reaction.stances, targetsOf.get(reaction.id) ?? [], partyIds);
      return defaults[partyId]!;
    };
    const reactionAlignmentsByParty = partyIds.map((partyId) => [partyId, alignmentTowards(partyId)] as const);
    for (const entityId of entitiesOf.get(reaction.id) ?? []) {
      const entity = chains.get(entityId);
      if (!entity) continue;
      let summary = summaries.get(entityId);
      if (!summary) {
        summary = {
          entity,
          group: groupOf(entity, roles),
          reactionIds: [],
          alignments: new Map(partyIds.map((partyId) => [partyId, []])),
          // Reactions come earliest first: the first one seen is the entity's earliest.
          primaryStance: reaction.primaryStance,
          firstReactedAt: reaction.reactedAt,
        };
        summaries.set(entityId, summary);
      }
      summary.reactionIds.push(reaction.id);
      for (const [partyId, alignment] of reactionAlignmentsByParty) summary.alignments.get(partyId)!.push(alignment);
    }
  }

  const combined = (summary: EntitySummary) =>
    partyIds.map((partyId) => ({ partyId, alignment: combineAlignments(summary.alignments.get(partyId) ?? []) }));
  const countsByAlignment = partyIds.map((partyId) => ({
    partyId,
    counts: Object.fromEntries(alignments.map((alignment) => [alignment, 0])) as Record<Alignment, number>,
  }));
  const combinedOf = new Map<string, Array<{ partyId: string; alignment: Alignment }>>();
  for (const summary of summaries.values()) {
    const values = combined(summary);
    combinedOf.set(summary.entity.id, values);
    if (summary.group === 'party') continue;
    values.forEach((value, index) => countsByAlignment[index]!.counts[value.alignment]++);
  }

  // The entities listed, and which of their reactions are loaded in full.
  const by = options.by ?? null;
  const listed = [...summaries.values()].filter((summary) => by === null || summary.entity.id === by);
  const shownIds = (summary: EntitySummary) => (by === null ? summary.reactionIds.slice(0, PUBLIC_REACTIONS_PER_ENTITY) : summary.reactionIds);
  const loaded = await loadPublicReactions(db, dossier.id, [...new Set(listed.flatMap(shownIds))]);
  const reactionById = new Map(loaded.map((reaction) => [reaction.id, reaction]));

  const inPartyOrder = (a: EntitySummary, b: EntitySummary) =>
    (partyOrder.get(a.entity.id) ?? 0) - (partyOrder.get(b.entity.id) ?? 0) || byName(a, b);
  const groups = reactingGroups.flatMap((group) => {
    const members = listed.filter((summary) => summary.group === group).sort(group === 'mediator' || group === 'party' ? inPartyOrder : byName);
    if (members.length === 0) return [];
    return [
      {
        group,
        entities: members.map(
          (summary): ReactingEntity => ({
            entity: actorRef(summary.entity),
            group,
            reactionCount: summary.reactionIds.length,
            alignments: combinedOf.get(summary.entity.id)!,
            primaryStance: summary.primaryStance,
            firstReactedAt: summary.firstReactedAt,
            reactions: shownIds(summary).flatMap((id) => {
              const reaction = reactionById.get(id);
              return reaction ? [reaction] : [];
            }),
          }),
        ),
      },
    ];
  });

  return {
    dossier: { id: dossier.id, slug: dossier.slug, title: dossier.title },
    parties: parties.map((party) => ({ id: party.id, name: party.name, countryCode: party.countryCode })),
    total: light.length,
    countsByStance: reactionStances.map((stance) => ({ stance, count: countsByStance.get(stance) ?? 0 })),
    countsByAlignment,
    groups,
    notYetReacted: missing ? missing.map((actor) => actorRef(actor)) : null,
  };
}

/**
 * Every public reaction of a published dossier (by id), earliest first, for the streamed public CSV: the ordered
 * ids are read once (a narrow query), then the reactions with their parts a batch at a time.
 */
export async function* iteratePublicReactions(db: Database, dossierId: string, batchSize = 2_000): AsyncGenerator<PublicReaction> {
  const dossier = await publishedDossierById(db, dossierId);
  const ordered = await db
    .select({ id: reactions.id })
    .from(reactions)
    .where(and(...publicConditions(dossier.id)))
    .orderBy(...earliestFirst);
  for (let start = 0; start < ordered.length; start += batchSize) {
    yield* await loadPublicReactions(
      db,
      dossier.id,
      ordered.slice(start, start + batchSize).map((row) => row.id),
    );
  }
}

/**
 * What a published dossier's public reactions CSV depends on, in one small query: every write to its reactions
 * (child rows included: an update bumps the reaction's version), its sources, its parties and the actors. Null
 * when the dossier is not published.
 */
export async function getPublicReactionsFingerprint(db: Database, slug: string): Promise<{ dossierId: string; slug: string; fingerprint: string } | null> {
  return publishedFingerprint(db, slug, [
    rowsState(reactions, { ofDossier: true }),
    rowsState(sources, { ofDossier: true }),
    rowsState(dossierParties, { ofDossier: true }),
    rowsState(actors, { ofDossier: false }),
  ]);
}
