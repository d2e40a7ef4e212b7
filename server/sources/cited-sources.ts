import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '@/server/db/client';
import { ServiceError } from '@/server/errors';
import { sources } from './schema';

/**
 * A record that cites sources (a claim, a reaction) may cite only live sources logged in its own dossier. Checks
 * the sources `next` cites that `current` did not (a source deleted since it was cited stays cited); throws
 * BAD_REQUEST on the `sources` field. `record` starts the message: "A claim".
 */
export async function checkNewCitations(
  tx: DatabaseOrTransaction,
  dossierId: string,
  record: string,
  next: ReadonlyArray<{ sourceId: string }>,
  current: ReadonlyArray<{ sourceId: string }>,
): Promise<void> {
  const currentSources = new Set(current.map((link) => link.sourceId));
  const newSources = next.map((link) => link.sourceId).filter((id) => !currentSources.has(id));
  if (!newSources.length) return;
  const rows = await tx
    .select({ id: sources.id, title: sources.title, dossierId: sources.dossierId, deletedAt: sources.deletedAt })
    .from(sources)
    .where(inArray(sources.id, newSources));
  if (rows.length < newSources.length || rows.some((row) => row.dossierId !== dossierId)) {
    throw new ServiceError('BAD_REQUEST', `sources: ${record} can only cite sources logged in its own dossier.`);
  }
  const deleted = rows.find((row) => row.deletedAt !== null);
  if (deleted) throw new ServiceError('BAD_REQUEST', `sources: “${deleted.title}” was deleted; restore it or cite another source.`);
}
