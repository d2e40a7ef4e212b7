import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { actors, dossierParties } from '@/server/actors/schema';
import { claims } from '@/server/claims/schema';
import type { DatabaseOrTransaction } from '@/server/db/client';
import { inChunks } from '@/server/db/in-chunks';
import { inSequence } from '@/server/db/in-sequence';
import { dossiers } from '@/server/dossiers/schema';
import { notFound } from '@/server/errors';
import { reactionActors, reactions } from '@/server/reactions/schema';
import { reactionStanceLabels } from '@/server/reactions/reactions.labels';
import { analyzeArticle, type DirectoryActor, type ExistingRecords, type IntakeContext } from './analyze';
import { markDuplicates } from './duplicates';
import type { IntakeAnalysis } from './suggestions';

/**
 * What article intake reads from the database (read-only): the live actor directory, the dossier's parties and the
 * dossier's live reactions and claims, which suggestions are compared with for possible duplicates.
 */
export interface LoadedIntakeContext {
  context: IntakeContext;
  existing: ExistingRecords;
}

const DAY_LABEL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function isoDay(moment: Date | null): string | null {
  return moment ? moment.toISOString().slice(0, 10) : null;
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

export async function loadIntakeContext(db: DatabaseOrTransaction, dossierId: string, publishedOn: string | null): Promise<LoadedIntakeContext> {
  const [dossier] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(and(eq(dossiers.id, dossierId), isNull(dossiers.deletedAt)))
    .limit(1);
  if (!dossier) throw notFound('Dossier');

  const [directoryRows, partyRows, reactionRows, claimRows] = await inSequence([
    db
      .select({
        id: actors.id,
        name: actors.name,
        aliases: actors.aliases,
        kind: actors.kind,
        countryCode: actors.countryCode,
        title: actors.title,
        affiliationId: actors.affiliationId,
      })
      .from(actors)
      .where(and(isNull(actors.deletedAt), isNull(actors.mergedIntoId)))
      .orderBy(asc(actors.name), asc(actors.id)),
    db
      .select({ actorId: dossierParties.actorId })
      .from(dossierParties)
      .where(and(eq(dossierParties.dossierId, dossierId), eq(dossierParties.role, 'party'), isNull(dossierParties.deletedAt)))
      .orderBy(asc(dossierParties.position)),
    db
      .select({ id: reactions.id, stances: reactions.stances, primaryStance: reactions.primaryStance, reactedAt: reactions.reactedAt })
      .from(reactions)
      .where(and(eq(reactions.dossierId, dossierId), isNull(reactions.deletedAt))),
    db
      .select({ id: claims.id, claimantId: claims.claimantId, statement: claims.statement, category: claims.category })
      .from(claims)
      .where(and(eq(claims.dossierId, dossierId), isNull(claims.deletedAt))),
  ]);

  const signatories = await inChunks(
    reactionRows.map((row) => row.id),
    (ids) =>
      db
        .select({ reactionId: reactionActors.reactionId, actorId: reactionActors.actorId, position: reactionActors.position })
        .from(reactionActors)
        .where(inArray(reactionActors.reactionId, ids)),
  );
  const actorsOf = new Map<string, Array<{ actorId: string; position: number }>>();
  for (const row of signatories) {
    const list = actorsOf.get(row.reactionId) ?? [];
    list.push(row);
    actorsOf.set(row.reactionId, list);
  }

  const directory: DirectoryActor[] = directoryRows.map((row) => ({ ...row, title: row.title || null }));
  const nameOf = new Map(directory.map((entry) => [entry.id, entry.name]));

  const existing: ExistingRecords = {
    reactions: reactionRows.map((row) => {
      const actorIds = (actorsOf.get(row.id) ?? []).sort((a, b) => a.position - b.position).map((entry) => entry.actorId);
      const names = actorIds.map((id) => nameOf.get(id) ?? 'Unknown actor').join(', ');
      const day = row.reactedAt ? `, ${DAY_LABEL.format(row.reactedAt)}` : '';
      return {
        id: row.id,
        actorIds,
        stances: row.stances,
        primaryStance: row.primaryStance,
        reactedOn: isoDay(row.reactedAt),
        label: `${names} — ${reactionStanceLabels[row.primaryStance]}${day}`,
      };
    }),
    claims: claimRows.map((row) => ({
      id: row.id,
      claimantId: row.claimantId,
      statement: row.statement,
      category: row.category,
      label: `${nameOf.get(row.claimantId) ?? 'Unknown actor'} — ${shorten(row.statement, 80)}`,
    })),
  };

  return { context: { directory, partyIds: partyRows.map((row) => row.actorId), publishedOn }, existing };
}

/** The whole intake analysis of one article for one dossier: suggestions only, nothing is written. */
export async function analyzeForDossier(
  db: DatabaseOrTransaction,
  input: { dossierId: string; text: string; publishedOn?: string | null },
): Promise<IntakeAnalysis> {
  const { context, existing } = await loadIntakeContext(db, input.dossierId, input.publishedOn ?? null);
  return markDuplicates(analyzeArticle(input.text, context), existing);
}
