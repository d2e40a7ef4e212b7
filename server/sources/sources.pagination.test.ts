import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '@/server/dossiers/dossiers.service';
import { createTestDatabase, createTestUsers } from '@/server/testing/test-database';
import { sources } from './schema';
import { sourceFilters, sourceSortKeys } from './sources.input';
import { listSources } from './sources.service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dossierId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { editor } = await createTestUsers(database);
  dossierId = (await createDossier(database.db, editor, { title: 'Bulk', slug: 'bulk', summary: '', eventsStartOn: null, eventsEndOn: null })).id;
  // One statement: every row gets the same created_at, to the microsecond. Published times differ only in
  // microseconds, which a JavaScript Date cannot hold.
  await database.db.insert(sources).values(
    Array.from({ length: 120 }, (_, index) => ({
      dossierId,
      title: `Row ${String(index % 7)}`,
      outlet: index % 3 ? 'Same outlet' : '',
      reliability: (['A', 'C', 'F'] as const)[index % 3]!,
      publishedAt: index % 4 ? new Date(Date.UTC(2020, 8, 27, 6, 0, 0, 500)) : null,
    })),
  );
  await database.db.execute(sql`update sources set published_at = published_at + (random() * interval '900 microseconds') where published_at is not null`);
});
afterAll(() => database.cleanup());

describe('keyset pagination through rows that tie to the microsecond', () => {
  it.each(sourceSortKeys.flatMap((sort) => [[sort, 'asc'], [sort, 'desc']] as const))('returns every row exactly once sorted by %s %s', async (sort, direction) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      // A broken cursor can loop forever on the same page; 120 rows need 5 pages.
      if (++pages > 10) throw new Error('pagination did not finish within 10 pages');
      const page: Awaited<ReturnType<typeof listSources>> = await listSources(database.db, { ...sourceFilters.parse({ sort, order: direction }), dossierId, cursor, limit: 25 });
      seen.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });
});
