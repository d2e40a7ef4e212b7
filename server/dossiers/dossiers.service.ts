import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { diffFields, recordAudit, type Actor } from '@/server/audit/audit.service';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { assertVersion, isUniqueViolation, notFound, ServiceError } from '@/server/errors';
import { sources } from '@/server/sources/schema';
import type { CreateDossierInput, UpdateDossierInput } from './dossiers.input';
import { dossiers, type Dossier } from './schema';

const ENTITY = 'dossier';

const slugTaken = (slug: string) =>
  new ServiceError('CONFLICT', `slug: “${slug}” is already used by another dossier; choose another.`);

// Qualified by hand: in a single-table select drizzle writes columns without their table, so `${dossiers.id}` would
// bind to the inner "sources"."id" and every count would be 0.
const liveSourceCount = sql<number>`(select count(*)::int from ${sources} where ${sources}.dossier_id = ${dossiers}.id and ${sources}.deleted_at is null)`;

/** The desk's list: live dossiers (or deleted ones, to restore), newest activity first, with source counts. */
export async function listDossiers(db: Database, options: { deleted: boolean }) {
  return db
    .select({
      id: dossiers.id,
      title: dossiers.title,
      slug: dossiers.slug,
      status: dossiers.status,
      summary: dossiers.summary,
      eventsStartOn: dossiers.eventsStartOn,
      eventsEndOn: dossiers.eventsEndOn,
      updatedAt: dossiers.updatedAt,
      version: dossiers.version,
      deletedAt: dossiers.deletedAt,
      sourceCount: liveSourceCount,
    })
    .from(dossiers)
    .where(options.deleted ? isNotNull(dossiers.deletedAt) : isNull(dossiers.deletedAt))
    .orderBy(desc(dossiers.updatedAt), desc(dossiers.id))
    .limit(500);
}

/** Published, live dossiers for the public home page. */
export async function listPublishedDossiers(db: Database) {
  return db
    .select({
      title: dossiers.title,
      slug: dossiers.slug,
      summary: dossiers.summary,
      eventsStartOn: dossiers.eventsStartOn,
      eventsEndOn: dossiers.eventsEndOn,
      publishedAt: dossiers.publishedAt,
      updatedAt: dossiers.updatedAt,
      sourceCount: liveSourceCount,
    })
    .from(dossiers)
    .where(and(eq(dossiers.status, 'published'), isNull(dossiers.deletedAt)))
    .orderBy(desc(dossiers.publishedAt), desc(dossiers.id));
}

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

export async function createDossier(db: Database, actor: Actor, input: CreateDossierInput): Promise<Dossier> {
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(dossiers)
        .values({ ...input, createdBy: actor.id, updatedBy: actor.id })
        .returning();
      await recordAudit(tx, {
        actor,
        action: 'create',
        entityType: ENTITY,
        entityId: created!.id,
        dossierId: created!.id,
        changes: diffFields(null, created!),
      });
      return created!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
}

async function lockDossier(tx: DatabaseOrTransaction, id: string, options: { deleted: boolean }): Promise<Dossier> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  if (!row || (row.deletedAt !== null) !== options.deleted) throw notFound(options.deleted ? 'Deleted dossier' : 'Dossier');
  return row;
}

type DossierChange = Partial<Pick<Dossier, 'title' | 'slug' | 'summary' | 'eventsStartOn' | 'eventsEndOn' | 'status' | 'publishedAt' | 'deletedAt'>>;

/** Applies one versioned change to a dossier and audits it, all in one transaction. */
async function changeDossier(
  db: Database,
  actor: Actor,
  target: { id: string; version: number; deleted?: boolean },
  action: 'update' | 'publish' | 'unpublish' | 'delete' | 'restore',
  change: (before: Dossier) => DossierChange,
): Promise<Dossier> {
  return db.transaction(async (tx) => {
    const before = await lockDossier(tx, target.id, { deleted: target.deleted ?? false });
    assertVersion(before, target.version, ENTITY);
    const [after] = await tx
      .update(dossiers)
      .set({ ...change(before), updatedBy: actor.id, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(dossiers.id, target.id))
      .returning();
    await recordAudit(tx, {
      actor,
      action,
      entityType: ENTITY,
      entityId: target.id,
      dossierId: target.id,
      changes: diffFields(before, after!),
    });
    return after!;
  });
}

export async function updateDossier(db: Database, actor: Actor, input: UpdateDossierInput): Promise<Dossier> {
  const { id, version, ...fields } = input;
  try {
    return await changeDossier(db, actor, { id, version }, 'update', () => fields);
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
}

export function setDossierPublished(
  db: Database,
  actor: Actor,
  input: { id: string; version: number; published: boolean },
): Promise<Dossier> {
  return changeDossier(db, actor, input, input.published ? 'publish' : 'unpublish', (before) => ({
    status: input.published ? 'published' : 'draft',
    publishedAt: input.published ? (before.publishedAt ?? new Date()) : before.publishedAt,
  }));
}

export const deleteDossier = (db: Database, actor: Actor, input: { id: string; version: number }) =>
  changeDossier(db, actor, input, 'delete', () => ({ deletedAt: new Date() }));

export const restoreDossier = (db: Database, actor: Actor, input: { id: string; version: number }) =>
  changeDossier(db, actor, { ...input, deleted: true }, 'restore', () => ({ deletedAt: null }));
