import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { createActor } from '@/server/actors/actors.service';
import type { Actor } from '@/server/audit/audit.service';
import { createClaim } from '@/server/claims/claims.service';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { dossiers } from '@/server/dossiers/schema';
import { notFound, ServiceError } from '@/server/errors';
import { createReaction } from '@/server/reactions/reactions.service';
import { sources } from '@/server/sources/schema';
import { createSource } from '@/server/sources/sources.service';
import type { AcceptIntakeInput, IntakeNewActorInput, SaveIntakeDraftInput } from './intake.input';
import { intakeDrafts, sourceTexts } from './schema';

// ---------------------------------------------------------------------------------------------------------------
// Drafts: the review screen's state, kept per dossier and user until they accept or discard it.
// ---------------------------------------------------------------------------------------------------------------

export interface IntakeDraftState {
  state: unknown;
  updatedAt: Date;
}

/** The user's draft for a live dossier, or null (none, or the dossier was deleted). */
export async function getIntakeDraft(db: Database, user: Actor, dossierId: string): Promise<IntakeDraftState | null> {
  const [row] = await db
    .select({ state: intakeDrafts.state, updatedAt: intakeDrafts.updatedAt })
    .from(intakeDrafts)
    .innerJoin(dossiers, eq(dossiers.id, intakeDrafts.dossierId))
    .where(and(eq(intakeDrafts.dossierId, dossierId), eq(intakeDrafts.userId, user.id), isNull(dossiers.deletedAt)));
  return row ?? null;
}

/** Keeps the review as the user left it (replacing their previous draft for the dossier). NOT_FOUND for a deleted dossier. */
export async function saveIntakeDraft(db: Database, user: Actor, input: SaveIntakeDraftInput): Promise<{ updatedAt: Date }> {
  return db.transaction(async (tx) => {
    await lockLiveDossier(tx, input.dossierId);
    const [row] = await tx
      .insert(intakeDrafts)
      .values({ dossierId: input.dossierId, userId: user.id, state: input.state })
      .onConflictDoUpdate({ target: [intakeDrafts.dossierId, intakeDrafts.userId], set: { state: input.state, updatedAt: sql`now()` } })
      .returning({ updatedAt: intakeDrafts.updatedAt });
    return { updatedAt: row!.updatedAt };
  });
}

export async function discardIntakeDraft(db: DatabaseOrTransaction, user: Actor, dossierId: string): Promise<{ discarded: boolean }> {
  const rows = await db
    .delete(intakeDrafts)
    .where(and(eq(intakeDrafts.dossierId, dossierId), eq(intakeDrafts.userId, user.id)))
    .returning({ dossierId: intakeDrafts.dossierId });
  return { discarded: rows.length > 0 };
}

// ---------------------------------------------------------------------------------------------------------------
// Article texts kept with their sources.
// ---------------------------------------------------------------------------------------------------------------

const liveSourceOfLiveDossier = (sourceId: string) =>
  and(eq(sources.id, sourceId), isNull(sources.deletedAt), isNull(dossiers.deletedAt));

/** The article text kept with a live source of a live dossier, or null. */
export async function getSourceText(db: Database, sourceId: string): Promise<{ text: string } | null> {
  const [row] = await db
    .select({ text: sourceTexts.text })
    .from(sourceTexts)
    .innerJoin(sources, eq(sources.id, sourceTexts.sourceId))
    .innerJoin(dossiers, eq(dossiers.id, sources.dossierId))
    .where(liveSourceOfLiveDossier(sourceId));
  return row ?? null;
}

/** At most this many, newest article first: the review screen's "pick an existing source" list. */
export const MAX_SOURCES_WITH_TEXT = 200;

/** The dossier's live sources that hold an article text, for the review screen to start from one. */
export async function listSourcesWithText(db: Database, dossierId: string) {
  return db
    .select({
      id: sources.id,
      title: sources.title,
      outlet: sources.outlet,
      url: sources.url,
      publishedAt: sources.publishedAt,
      characters: sql<number>`char_length(${sourceTexts.text})::int`,
    })
    .from(sources)
    .innerJoin(sourceTexts, eq(sourceTexts.sourceId, sources.id))
    .innerJoin(dossiers, eq(dossiers.id, sources.dossierId))
    .where(and(eq(sources.dossierId, dossierId), isNull(sources.deletedAt), isNull(dossiers.deletedAt)))
    .orderBy(sql`${sources.publishedAt} desc nulls last`, desc(sourceTexts.createdAt), desc(sources.id))
    .limit(MAX_SOURCES_WITH_TEXT);
}

// ---------------------------------------------------------------------------------------------------------------
// Accept: every ticked suggestion created in one transaction, or nothing.
// ---------------------------------------------------------------------------------------------------------------

export interface AcceptIntakeResult {
  sourceId: string;
  /** The new actors' ids by their `new:` ref. */
  actorIds: Record<string, string>;
  /** In the input's order. */
  reactionIds: string[];
  claimIds: string[];
}

async function lockLiveDossier(tx: DatabaseOrTransaction, dossierId: string): Promise<void> {
  // `for share`: deleting the dossier waits for this transaction (or this one sees the deletion).
  const [dossier] = await tx.select({ deletedAt: dossiers.deletedAt }).from(dossiers).where(eq(dossiers.id, dossierId)).for('share');
  if (!dossier || dossier.deletedAt !== null) throw notFound('Dossier');
}

/** "reactedTo: …" — the input field a service's message starts with, as services and forms write it. */
const FIELD_PREFIX = /^([A-Za-z][\w.]*): ([\s\S]*)$/;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Runs one item's service call; a refusal is answered again naming the item ("Reaction 3: …") and the field in the
 * accept input's terms (`reactions.2.speakerRef`), so the review screen can point at it. `fields` renames the service
 * input's fields to the intake item's (speakerId → speakerRef); a field without a rename keeps its name.
 */
async function asItem<T>(label: string, path: string, fields: Array<[RegExp, string]>, run: () => Promise<T>): Promise<T> {
  const inItem = (field: string | null) =>
    field ? `${path}.${fields.reduce((name, [pattern, replacement]) => name.replace(pattern, replacement), field)}` : path;
  try {
    return await run();
  } catch (error) {
    if (error instanceof ServiceError) {
      const match = FIELD_PREFIX.exec(error.message);
      throw itemError(error.code, label, inItem(match ? match[1]! : null), match ? match[2]! : error.message, error.details);
    }
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      throw itemError('BAD_REQUEST', label, inItem(issue?.path.length ? issue.path.join('.') : null), issue?.message ?? 'Invalid input', undefined);
    }
    throw error;
  }
}

function itemError(code: ServiceError['code'], label: string, path: string, message: string, details: Record<string, unknown> | undefined) {
  return new ServiceError(code, `${path}: ${label}: ${capitalise(message)}`, { ...details, field: path, item: label });
}

const reactionFields: Array<[RegExp, string]> = [
  [/^actors\.(\d+)\.actorId$/, 'actors.$1.actorRef'],
  [/^actors\.(\d+)\.countsForId$/, 'actors.$1.countsForRef'],
  [/^speakerId$/, 'speakerRef'],
  [/^sources(\..*)?$/, 'excerpt'],
];
const claimFields: Array<[RegExp, string]> = [
  [/^claimantId$/, 'claimantRef'],
  [/^about$/, 'aboutRefs'],
  [/^sources(\..*)?$/, 'excerpt'],
];
const actorFields: Array<[RegExp, string]> = [[/^affiliationId$/, 'affiliationRef']];
const sourceFields: Array<[RegExp, string]> = [[/^/, 'fields.']];

/** New actors in an order where each one's affiliation (when it is another new actor) comes first. */
function inDependencyOrder(newActors: IntakeNewActorInput[]): Array<{ actor: IntakeNewActorInput; index: number }> {
  const byRef = new Map(newActors.map((actor, index) => [actor.ref, { actor, index }]));
  const ordered: Array<{ actor: IntakeNewActorInput; index: number }> = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (ref: string) => {
    const item = byRef.get(ref)!;
    if (state.get(ref) === 'done') return;
    if (state.get(ref) === 'visiting') {
      throw itemError('BAD_REQUEST', newActorLabel(item.actor, item.index), `newActors.${item.index}.affiliationRef`, 'Affiliations cannot go round in a circle.', undefined);
    }
    state.set(ref, 'visiting');
    const affiliation = item.actor.affiliationRef;
    if (affiliation && byRef.has(affiliation)) visit(affiliation);
    state.set(ref, 'done');
    ordered.push(item);
  };
  for (const actor of newActors) visit(actor.ref);
  return ordered;
}

const newActorLabel = (actor: IntakeNewActorInput, index: number) => `New actor ${index + 1} (“${actor.name}”)`;

/**
 * Creates everything the editor ticked in one transaction: the source (new, with the duplicate-URL check, or an
 * existing live one of this dossier) and the article text beside it, the new actors (affiliations to other new actors
 * first), then the reactions and claims, each citing the source with its sentence as the excerpt. Each record goes
 * through its own domain's service (same rules, same audit entries), on savepoints of this transaction. Any refusal
 * undoes all of it and names the item. On success the user's draft for the dossier is gone.
 */
export async function acceptIntake(db: Database, writer: Actor, input: AcceptIntakeInput): Promise<AcceptIntakeResult> {
  return db.transaction(async (tx) => {
    await lockLiveDossier(tx, input.dossierId);

    let sourceId: string;
    if (input.source.kind === 'new') {
      const fields = input.source.fields;
      const source = await asItem('Source', 'source', sourceFields, () => createSource(tx, writer, { ...fields, dossierId: input.dossierId }));
      sourceId = source.id;
    } else {
      const [source] = await tx
        .select({ id: sources.id })
        .from(sources)
        .where(and(eq(sources.id, input.source.sourceId), eq(sources.dossierId, input.dossierId), isNull(sources.deletedAt)));
      if (!source) {
        throw itemError('NOT_FOUND', 'Source', 'source.sourceId', 'This source is not among the dossier’s sources (it may have been deleted).', undefined);
      }
      sourceId = source.id;
    }
    await tx.insert(sourceTexts).values({ sourceId, text: input.text, createdBy: writer.id }).onConflictDoNothing();

    const actorIds: Record<string, string> = {};
    const resolve = (ref: string): string => {
      if (!ref.startsWith('new:')) return ref;
      const id = actorIds[ref];
      // The input schema refuses undeclared refs and new actors are created in dependency order: a guard only.
      if (!id) throw new ServiceError('BAD_REQUEST', `${ref} is not among the new actors.`);
      return id;
    };
    for (const { actor, index } of inDependencyOrder(input.newActors)) {
      const { ref, affiliationRef, ...fields } = actor;
      const created = await asItem(newActorLabel(actor, index), `newActors.${index}`, actorFields, () =>
        createActor(tx, writer, {
          ...fields,
          affiliationId: affiliationRef ? resolve(affiliationRef) : null,
          internalNotes: '',
          allowDuplicate: false,
        }),
      );
      actorIds[ref] = created.id;
    }
    const resolveNullable = (ref: string | null) => (ref ? resolve(ref) : null);
    const citation = (excerpt: string) => [{ sourceId, excerpt }];

    const reactionIds: string[] = [];
    for (const [index, reaction] of input.reactions.entries()) {
      const { actors, speakerRef, excerpt, ...fields } = reaction;
      const created = await asItem(`Reaction ${index + 1}`, `reactions.${index}`, reactionFields, () =>
        createReaction(tx, writer, {
          ...fields,
          dossierId: input.dossierId,
          actors: actors.map((row) => ({ actorId: resolve(row.actorRef), countsForId: resolveNullable(row.countsForRef) })),
          speakerId: resolveNullable(speakerRef),
          sources: citation(excerpt),
        }),
      );
      reactionIds.push(created.id);
    }

    const claimIds: string[] = [];
    for (const [index, claim] of input.claims.entries()) {
      const { claimantRef, aboutRefs, excerpt, ...fields } = claim;
      const created = await asItem(`Claim ${index + 1}`, `claims.${index}`, claimFields, () =>
        createClaim(tx, writer, {
          ...fields,
          dossierId: input.dossierId,
          claimantId: resolve(claimantRef),
          about: aboutRefs.map(resolve),
          sources: citation(excerpt),
          relations: [],
        }),
      );
      claimIds.push(created.id);
    }

    await discardIntakeDraft(tx, writer, input.dossierId);
    return { sourceId, actorIds, reactionIds, claimIds };
  });
}
