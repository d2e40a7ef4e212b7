import { and, eq, getTableColumns, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@/server/audit/audit.service';
import { auditEntity } from '@/server/audit/entity-types';
import { EXPORT_BATCH_ROWS, exportRows } from '@/server/csv/export-rows';
import { publishedFingerprint } from '@/server/csv/fingerprint';
import type { Database, DatabaseOrTransaction } from '@/server/db/client';
import { cursorValueOf, keysetOrder, seekPage, toPage, type KeysetSort } from '@/server/db/pagination';
import { editableEntity, type VersionedTarget } from '@/server/db/versioned-write';
import { getLiveDossier } from '@/server/dossiers/dossiers.service';
import { dossiers } from '@/server/dossiers/schema';
import { isUniqueViolation, notFound, ServiceError } from '@/server/errors';
import { normaliseSourceUrl } from './normalise-url';
import { reliabilityGrades, sources, type Source } from './schema';
import type {
  CreateSourceInput,
  ListSourcesInput,
  SourceFilters,
  SourceSortKey,
  UpdateSourceInput,
} from './sources.input';

/** Escapes LIKE wildcards so a search for "50%" finds that text, not everything. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function sortFor(key: SourceSortKey, direction: 'asc' | 'desc'): KeysetSort {
  const columns = {
    created: { column: sources.createdAt, nullable: false, valueType: 'timestamp' },
    published: { column: sources.publishedAt, nullable: true, valueType: 'timestamp' },
    title: { column: sources.title, nullable: false, valueType: 'text' },
    outlet: { column: sources.outlet, nullable: false, valueType: 'text' },
    reliability: { column: sources.reliability, nullable: false, valueType: { enum: reliabilityGrades } },
  } as const;
  return { ...columns[key], id: sources.id, direction };
}

function filterConditions(dossierId: string, filters: SourceFilters): SQL[] {
  const conditions: SQL[] = [
    eq(sources.dossierId, dossierId),
    filters.deleted ? isNotNull(sources.deletedAt) : isNull(sources.deletedAt),
  ];
  if (filters.search) {
    const pattern = containsPattern(filters.search);
    conditions.push(
      or(ilike(sources.title, pattern), ilike(sources.outlet, pattern), ilike(sources.url, pattern)) as SQL,
    );
  }
  if (filters.kind.length) conditions.push(inArray(sources.kind, filters.kind));
  if (filters.reliability.length) conditions.push(inArray(sources.reliability, filters.reliability));
  return conditions;
}

/** One page of a dossier's sources, filtered and sorted as the desk table and CSV export ask. */
export async function listSources(db: Database, input: ListSourcesInput) {
  const sort = sortFor(input.sort, input.order);
  const conditions = filterConditions(input.dossierId, input);
  const rows = await seekPage(sort, input.cursor, input.limit, (after, limit) =>
    db
      .select({ ...getTableColumns(sources), cursorValue: cursorValueOf(sort) })
      .from(sources)
      .where(and(...conditions, after))
      .orderBy(...keysetOrder(sort))
      .limit(limit),
  );
  return toPage(rows, input.limit);
}

export async function countSources(db: Database, dossierId: string, filters: SourceFilters): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(sources)
    .where(and(...filterConditions(dossierId, filters)));
  return row?.count ?? 0;
}

/**
 * Every matching source in the desk table's order, for streaming exports: read from a server-side cursor a batch
 * at a time (keyset pages on PGlite; see exportRows), so memory stays flat whatever the row count.
 */
export function iterateSources(
  db: Database,
  dossierId: string,
  filters: SourceFilters,
  batchSize = EXPORT_BATCH_ROWS,
): AsyncGenerator<Source> {
  const sort = sortFor(filters.sort, filters.order);
  const selection = getTableColumns(sources);
  return exportRows<Source>(db, {
    selection,
    query: (db) =>
      db
        .select(selection)
        .from(sources)
        .where(and(...filterConditions(dossierId, filters)))
        .orderBy(...keysetOrder(sort)),
    page: (db, cursor, limit) => listSources(db, { ...filters, dossierId, cursor, limit }),
    decorate: async (_db, rows) => rows,
    batchSize,
  });
}

export async function getSource(db: Database, id: string): Promise<Source> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  if (!row) throw notFound('Source');
  return row;
}

/**
 * What a published dossier's public CSV depends on, read in one small query before any row is streamed: the
 * dossier's id, slug and version, and its sources' count, summed versions and latest change. Every write to the
 * dossier or to one of its sources (edit, delete, restore, create) bumps a version or adds a row, so the fingerprint
 * changes with the export's content. Null when there is nothing public: unknown, draft or deleted.
 */
export async function getPublicSourcesFingerprint(
  db: Database,
  slug: string,
): Promise<{ dossierId: string; slug: string; fingerprint: string } | null> {
  // Qualified by hand, as in the dossier list: drizzle writes a single-table select's columns without their table.
  const sourcesState = sql<string>`(select concat_ws('/', count(*) filter (where ${sources}.deleted_at is null), count(*), coalesce(sum(${sources}.version), 0), max(${sources}.updated_at)::text) from ${sources} where ${sources}.dossier_id = ${dossiers}.id)`;
  return publishedFingerprint(db, slug, [sql<string>`${dossiers.updatedAt}::text`, sourcesState]);
}

/** A live source in the dossier whose URL is the same document as `url`, if any. */
export async function findDuplicateSource(
  db: DatabaseOrTransaction,
  input: { dossierId: string; url: string | null; exceptId?: string },
): Promise<Pick<Source, 'id' | 'title' | 'url'> | null> {
  if (!input.url) return null;
  let key: string;
  try {
    key = normaliseSourceUrl(input.url);
  } catch {
    return null;
  }
  const [row] = await db
    .select({ id: sources.id, title: sources.title, url: sources.url })
    .from(sources)
    .where(
      and(
        eq(sources.dossierId, input.dossierId),
        eq(sources.urlNormalised, key),
        isNull(sources.deletedAt),
        input.exceptId ? ne(sources.id, input.exceptId) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

function duplicateError(existing: Pick<Source, 'id' | 'title'>): ServiceError {
  return new ServiceError(
    'CONFLICT',
    `url: this document is already logged in this dossier as “${existing.title}”.`,
    { duplicateOfId: existing.id },
  );
}

async function rethrowDuplicate(db: DatabaseOrTransaction, error: unknown, dossierId: string, url: string | null, exceptId?: string): Promise<never> {
  if (isUniqueViolation(error, 'sources_dossier_url_unique')) {
    const existing = await findDuplicateSource(db, { dossierId, url, exceptId });
    throw duplicateError(existing ?? { id: '', title: 'another source' });
  }
  throw error;
}

function editableValues(input: Omit<CreateSourceInput, 'dossierId'>) {
  return {
    url: input.url,
    urlNormalised: input.url ? normaliseSourceUrl(input.url) : null,
    title: input.title,
    outlet: input.outlet,
    author: input.author,
    kind: input.kind,
    language: input.language,
    publishedAt: input.publishedAt,
    retrievedAt: input.retrievedAt,
    archiveUrl: input.archiveUrl,
    reliability: input.reliability,
    internalNotes: input.internalNotes,
  };
}

const dossierDeleted = () =>
  new ServiceError('NOT_FOUND', 'This source’s dossier was deleted; restore the dossier first.');

/**
 * Every write of a source row: locked, versioned, audited. A deleted dossier's sources are frozen until it is
 * restored: after the source is locked, its dossier row is locked `for share`, so deleting the dossier waits for this
 * write (or this write sees the deletion), never both at once.
 */
export const sourceEntity = editableEntity({
  table: sources,
  entityType: auditEntity.source,
  label: 'Source',
  dossierIdOf: (row) => row.dossierId,
  async afterLock(tx, row) {
    const [dossier] = await tx
      .select({ deletedAt: dossiers.deletedAt })
      .from(dossiers)
      .where(eq(dossiers.id, row.dossierId))
      .for('share');
    if (!dossier || dossier.deletedAt !== null) throw dossierDeleted();
  },
});

export async function createSource(db: Database, actor: Actor, input: CreateSourceInput): Promise<Source> {
  await getLiveDossier(db, input.dossierId);
  const duplicate = await findDuplicateSource(db, { dossierId: input.dossierId, url: input.url });
  if (duplicate) throw duplicateError(duplicate);
  try {
    return await db.transaction((tx) =>
      sourceEntity.create(tx, actor, { dossierId: input.dossierId, ...editableValues(input) }),
    );
  } catch (error) {
    return rethrowDuplicate(db, error, input.dossierId, input.url);
  }
}

export async function updateSource(db: Database, actor: Actor, input: UpdateSourceInput): Promise<Source> {
  let dossierId = '';
  try {
    return await db.transaction(async (tx) => {
      const { after } = await sourceEntity.update(tx, actor, input, async (before) => {
        dossierId = before.dossierId;
        const duplicate = await findDuplicateSource(tx, { dossierId, url: input.url, exceptId: input.id });
        if (duplicate) throw duplicateError(duplicate);
        return editableValues(input);
      });
      return after;
    });
  } catch (error) {
    return rethrowDuplicate(db, error, dossierId, input.url, input.id);
  }
}

export const deleteSource = (db: Database, actor: Actor, input: VersionedTarget): Promise<Source> =>
  db.transaction((tx) => sourceEntity.softDelete(tx, actor, input));

/** Brings a source back, unless its URL was logged again as another live source meanwhile. */
export const restoreSource = (db: Database, actor: Actor, input: VersionedTarget): Promise<Source> =>
  db.transaction((tx) =>
    sourceEntity.restore(tx, actor, input, async (before) => {
      const duplicate = await findDuplicateSource(tx, { dossierId: before.dossierId, url: before.url, exceptId: before.id });
      if (duplicate) {
        throw new ServiceError(
          'CONFLICT',
          `This source cannot be restored: its URL is now logged as “${duplicate.title}”.`,
          { duplicateOfId: duplicate.id },
        );
      }
    }),
  );

/** The fields a reader may see: everything else (internal notes, who edited) stays on the desk. */
export function toPublicSource(source: Source) {
  return {
    id: source.id,
    title: source.title,
    outlet: source.outlet,
    author: source.author,
    kind: source.kind,
    language: source.language,
    url: source.url,
    archiveUrl: source.archiveUrl,
    publishedAt: source.publishedAt,
    reliability: source.reliability,
  };
}
export type PublicSource = ReturnType<typeof toPublicSource>;
