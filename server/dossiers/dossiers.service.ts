import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '@/server/audit/audit.service';
import { auditEntity } from '@/server/audit/entity-types';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { editableEntity, type VersionedTarget } from '@/server/db/versioned-write';
import { isUniqueViolation, notFound, ServiceError } from '@/server/errors';
import type { CreateDossierInput, UpdateDossierInput } from './dossiers.input';
import { dossiers, type Dossier } from './schema';

/** Every write of a dossier row: locked, versioned, audited (its own id is its dossier for the activity feed). */
export const dossierEntity = editableEntity({
  table: dossiers,
  entityType: auditEntity.dossier,
  label: 'Dossier',
  dossierIdOf: (row) => row.id,
});

const slugTaken = (slug: string) =>
  new ServiceError('CONFLICT', `slug: “${slug}” is already used by another dossier; choose another.`);

export async function getLiveDossier(db: DatabaseOrTransaction, id: string): Promise<Dossier> {
  const [row] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.id, id), isNull(dossiers.deletedAt)));
  if (!row) throw notFound('Dossier');
  return row;
}

export async function getDossierBySlug(db: Database, slug: string): Promise<Dossier> {
  const [row] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.slug, slug.toLowerCase()), isNull(dossiers.deletedAt)));
  if (!row) throw notFound('Dossier');
  return row;
}

/** A dossier as readers may see it: published and not deleted, or NOT_FOUND (drafts do not reveal they exist). */
export async function getPublishedDossier(db: Database, slug: string): Promise<Dossier> {
  const dossier = await getDossierBySlug(db, slug);
  if (dossier.status !== 'published') throw notFound('Dossier');
  return dossier;
}

export function toPublicDossier(dossier: Dossier) {
  return {
    title: dossier.title,
    slug: dossier.slug,
    summary: dossier.summary,
    eventsStartOn: dossier.eventsStartOn,
    eventsEndOn: dossier.eventsEndOn,
    publishedAt: dossier.publishedAt,
    updatedAt: dossier.updatedAt,
  };
}

/** Runs a write, turning a slug collision (from any writer, however close in time) into a message naming it. */
async function withSlugCheck<T>(slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(slug);
    throw error;
  }
}

export function createDossier(db: Database, actor: Actor, input: CreateDossierInput): Promise<Dossier> {
  return withSlugCheck(input.slug, () => db.transaction((tx) => dossierEntity.create(tx, actor, input)));
}

export function updateDossier(db: Database, actor: Actor, input: UpdateDossierInput): Promise<Dossier> {
  const { id, version, ...fields } = input;
  return withSlugCheck(input.slug, () =>
    db.transaction(async (tx) => (await dossierEntity.update(tx, actor, { id, version }, fields)).after),
  );
}

export function setDossierPublished(
  db: Database,
  actor: Actor,
  input: VersionedTarget & { published: boolean },
): Promise<Dossier> {
  return db.transaction(async (tx) => {
    const { after } = await dossierEntity.update(
      tx,
      actor,
      input,
      (before) => ({
        status: input.published ? 'published' : 'draft',
        publishedAt: input.published ? (before.publishedAt ?? new Date()) : before.publishedAt,
      }),
      input.published ? 'publish' : 'unpublish',
    );
    return after;
  });
}

export const deleteDossier = (db: Database, actor: Actor, input: VersionedTarget): Promise<Dossier> =>
  db.transaction((tx) => dossierEntity.softDelete(tx, actor, input));

export const restoreDossier = (db: Database, actor: Actor, input: VersionedTarget): Promise<Dossier> =>
  db.transaction((tx) => dossierEntity.restore(tx, actor, input));
