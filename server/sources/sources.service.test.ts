import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/server/audit/schema';
import { createDossier, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { encodeCursor } from '@/server/db/pagination';
import {
  callerFor,
  dossierInput,
  expectTrpcError,
  snapshotDatabase,
  sourceInput,
  unique,
} from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, openSideConnection, testDriver, type TestUsers } from '@/server/testing/test-database';
import { reliabilityGrades, sourceKinds, sources, type Source } from './schema';
import { sourceFilters, sourceSortKeys, type SourceSortKey } from './sources.input';
import { countSources, createSource, iterateSources, listSources, updateSource } from './sources.service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

const editor = () => callerFor(database.db, users.editor);
const viewer = () => callerFor(database.db, users.viewer);
const reader = () => callerFor(database.db, null);

async function newDossier(published = false) {
  const dossier = await createDossier(database.db, users.editor, dossierInput());
  return published ? setDossierPublished(database.db, users.editor, { id: dossier.id, version: dossier.version, published: true }) : dossier;
}

async function liveTitles(dossierId: string): Promise<string[]> {
  const page = await listSources(database.db, { ...sourceFilters.parse({ sort: 'title', order: 'asc' }), dossierId, cursor: null, limit: 200 });
  return page.items.map((row) => row.title);
}

describe('sources: create, read, update, delete, restore', () => {
  it('stores every field, reads it back, updates it and audits each step', async () => {
    const dossier = await newDossier();
    const created = await editor().sources.create(
      sourceInput(dossier.id, {
        url: ' https://www.example.com/news/story?id=1 ',
        title: '  Dozens dead  ',
        outlet: 'Wire',
        author: 'A. Reporter',
        kind: 'official_statement',
        language: 'pt-BR',
        publishedAt: '2020-09-28T10:00:00Z' as unknown as Date,
        retrievedAt: new Date('2020-09-29T08:00:00Z'),
        archiveUrl: 'https://web.archive.org/web/2020/https://www.example.com/news/story?id=1',
        reliability: 'C',
        internalNotes: 'Check the casualty figures.',
      }),
    );
    expect(created).toMatchObject({
      url: 'https://www.example.com/news/story?id=1',
      urlNormalised: 'example.com/news/story?id=1',
      title: 'Dozens dead',
      outlet: 'Wire',
      kind: 'official_statement',
      language: 'pt-BR',
      publishedAt: new Date('2020-09-28T10:00:00Z'),
      retrievedAt: new Date('2020-09-29T08:00:00Z'),
      reliability: 'C',
      internalNotes: 'Check the casualty figures.',
      version: 1,
      createdBy: users.editor.id,
      updatedBy: users.editor.id,
    });
    expect(await viewer().sources.byId({ id: created.id })).toEqual(created);

    const updated = await callerFor(database.db, users.admin).sources.update({
      ...sourceInput(dossier.id, { ...created, title: 'Dozens dead, hundreds hurt', url: '', reliability: 'B' }),
      id: created.id,
      version: created.version,
    });
    expect(updated).toMatchObject({ title: 'Dozens dead, hundreds hurt', url: null, urlNormalised: null, reliability: 'B', version: 2, updatedBy: users.admin.id });

    const deleted = await editor().sources.delete({ id: created.id, version: updated.version });
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    expect(await liveTitles(dossier.id)).toEqual([]);
    const restored = await editor().sources.restore({ id: created.id, version: deleted.version });
    expect(restored).toMatchObject({ deletedAt: null, version: 4 });
    expect(await liveTitles(dossier.id)).toEqual(['Dozens dead, hundreds hurt']);

    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id)).orderBy(auditLog.id);
    expect(audits.map((row) => [row.action, row.actorId, row.dossierId])).toEqual([
      ['create', users.editor.id, dossier.id],
      ['update', users.admin.id, dossier.id],
      ['delete', users.editor.id, dossier.id],
      ['restore', users.editor.id, dossier.id],
    ]);
    expect(audits[0]!.changes.title).toEqual({ before: null, after: 'Dozens dead' });
    expect(audits[1]!.changes).toEqual({
      title: { before: 'Dozens dead', after: 'Dozens dead, hundreds hurt' },
      url: { before: 'https://www.example.com/news/story?id=1', after: null },
      urlNormalised: { before: 'example.com/news/story?id=1', after: null },
      reliability: { before: 'C', after: 'B' },
    });
    expect(audits[2]!.changes).toEqual({ deletedAt: { before: null, after: deleted.deletedAt!.toISOString() } });
    expect(audits[3]!.changes).toEqual({ deletedAt: { before: deleted.deletedAt!.toISOString(), after: null } });

    const activity = await viewer().audit.dossierActivity({ dossierId: dossier.id });
    expect(activity.map((row) => row.action)).toEqual(['restore', 'delete', 'update', 'create', 'create']);
  });

  it('accepts a source without a URL (a phone call, a briefing)', async () => {
    const dossier = await newDossier();
    const call = await editor().sources.create(sourceInput(dossier.id, { title: 'Phone call with the ministry', url: null, kind: 'interview' }));
    const briefing = await editor().sources.create(sourceInput(dossier.id, { title: 'Briefing', url: '' }));
    expect([call.url, briefing.url]).toEqual([null, null]);
  });

  it('refuses to delete or restore with a stale version, and restores only deleted sources', async () => {
    const dossier = await newDossier();
    const source = await editor().sources.create(sourceInput(dossier.id));
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(editor().sources.delete({ id: source.id, version: 2 }), 'CONFLICT');
    await expectTrpcError(editor().sources.restore({ id: source.id, version: 1 }), 'NOT_FOUND');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  // Made deterministic: a side connection holds the source's row lock while the 20 updates start, and lets go only
  // once all 20 are queued behind it, so they really contend; without `for update` on the versioned write they all
  // read version 1 and all win. PGlite runs one query at a time, so the race cannot happen there.
  it.skipIf(testDriver === 'pglite')(
    'lets exactly one of twenty parallel updates naming the same version win, with one audit row (PostgreSQL only: PGlite runs one query at a time, so the race cannot happen)',
    async () => {
      const dossier = await newDossier();
      const source = await createSource(database.db, users.editor, sourceInput(dossier.id, { title: 'Contested' }));
      const holder = await openSideConnection(database);
      let updates: Promise<PromiseSettledResult<Source>[]> | undefined;
      try {
        await holder.query('begin');
        await holder.query('select id from sources where id = $1 for update', [source.id]);
        updates = Promise.allSettled(
          Array.from({ length: 20 }, (_, index) =>
            editor().sources.update({ ...sourceInput(dossier.id, { title: `Edit ${index}` }), id: source.id, version: source.version }),
          ),
        );
        // Bounded wait (a count of polls, not a time limit) until every update's connection is blocked on a lock.
        let waiting = 0;
        for (let poll = 0; poll < 2000 && waiting < 20; poll++) {
          // Inside a transaction PostgreSQL keeps showing its first snapshot of pg_stat_activity: drop it each time.
          await holder.query('select pg_stat_clear_snapshot()');
          const result = await holder.query<{ waiting: number }>(
            `select count(*)::int as waiting from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
          );
          waiting = result.rows[0]!.waiting;
          if (waiting < 20) await new Promise((resolve) => setTimeout(resolve, 5));
        }
        expect(waiting, 'all twenty updates are waiting on the held row lock').toBe(20);
        await holder.query('commit');
      } finally {
        await holder.query('rollback').catch(() => undefined);
        await holder.end();
      }
      const results = await updates!;
      const won = results.filter((result): result is PromiseFulfilledResult<Source> => result.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(lost.map((result) => (result.reason as { code: string }).code)).toEqual(Array(19).fill('CONFLICT'));

      const [row] = await database.db.select().from(sources).where(eq(sources.id, source.id));
      expect(row).toMatchObject({ title: won[0]!.value.title, version: 2 });
      const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, source.id));
      expect(audits.map((audit) => audit.action).sort()).toEqual(['create', 'update']);
      expect(audits.find((audit) => audit.action === 'update')!.changes.title).toEqual({ before: 'Contested', after: won[0]!.value.title });
    },
  );
});

describe('sources: duplicate URLs', () => {
  const original = 'https://www.example.com/news/story-1?id=7';

  it.each([
    ['tracking parameters (utm_*)', 'https://www.example.com/news/story-1?utm_source=newsletter&id=7&utm_medium=email'],
    ['a Facebook click id', 'https://www.example.com/news/story-1?id=7&fbclid=IwAR0abc'],
    ['another letter case', 'HTTPS://WWW.Example.COM/News/Story-1?ID=7'],
    ['no www.', 'https://example.com/news/story-1?id=7'],
    ['a trailing slash', 'https://www.example.com/news/story-1/?id=7'],
    ['a fragment', 'https://www.example.com/news/story-1?id=7#comments'],
    ['http instead of https', 'http://www.example.com/news/story-1?id=7'],
    ['surrounding spaces', `  ${original}  `],
  ])('flags the same article pasted with %s, and does not save it', async (_label, duplicate) => {
    const dossier = await newDossier();
    const first = await editor().sources.create(sourceInput(dossier.id, { title: 'Original report', url: original }));
    const flagged = await viewer().sources.findDuplicate({ dossierId: dossier.id, url: duplicate });
    expect(flagged).toMatchObject({ id: first.id, title: 'Original report' });

    const before = await snapshotDatabase(database.db);
    const error = await expectTrpcError(editor().sources.create(sourceInput(dossier.id, { title: 'Again', url: duplicate })), 'CONFLICT', 'url:');
    expect(error.message).toContain('Original report');
    expect(error.cause).toMatchObject({ details: { duplicateOfId: first.id } });
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('does not flag a different article, or a different significant parameter', async () => {
    const dossier = await newDossier();
    await editor().sources.create(sourceInput(dossier.id, { title: 'One', url: original }));
    for (const other of [
      'https://www.example.com/news/story-2?id=7',
      'https://www.example.com/news/story-1?id=8',
      'https://www.example.com/news/story-1',
      'https://news.example.com/news/story-1?id=7',
      'https://www.example.com:8443/news/story-1?id=7',
    ]) {
      expect(await viewer().sources.findDuplicate({ dossierId: dossier.id, url: other }), other).toBeNull();
      await editor().sources.create(sourceInput(dossier.id, { title: other, url: other }));
    }
    expect(await liveTitles(dossier.id)).toHaveLength(6);
  });

  it('allows the same URL in a different dossier', async () => {
    const first = await newDossier();
    const second = await newDossier();
    await editor().sources.create(sourceInput(first.id, { url: original }));
    await expect(editor().sources.create(sourceInput(second.id, { url: original }))).resolves.toMatchObject({ dossierId: second.id });
  });

  it('refuses an update that turns a source into a duplicate, but lets a source keep its own URL', async () => {
    const dossier = await newDossier();
    await editor().sources.create(sourceInput(dossier.id, { title: 'Taken', url: original }));
    const other = await editor().sources.create(sourceInput(dossier.id, { title: 'Other', url: 'https://example.com/other' }));
    await expectTrpcError(
      editor().sources.update({ ...sourceInput(dossier.id, { title: 'Other', url: `${original}&utm_campaign=x` }), id: other.id, version: other.version }),
      'CONFLICT',
      'url:',
    );
    const kept = await editor().sources.update({
      ...sourceInput(dossier.id, { title: 'Other, renamed', url: 'https://EXAMPLE.com/other/' }),
      id: other.id,
      version: other.version,
    });
    expect(kept.title).toBe('Other, renamed');
    expect(await viewer().sources.findDuplicate({ dossierId: dossier.id, url: 'https://example.com/other', exceptId: other.id })).toBeNull();
  });

  it('does not let a deleted source block its URL, and refuses to restore it once the URL is logged again', async () => {
    const dossier = await newDossier();
    const first = await editor().sources.create(sourceInput(dossier.id, { title: 'First', url: original }));
    const deleted = await editor().sources.delete({ id: first.id, version: first.version });
    expect(await viewer().sources.findDuplicate({ dossierId: dossier.id, url: original })).toBeNull();
    const second = await editor().sources.create(sourceInput(dossier.id, { title: 'Second', url: `${original}&utm_source=x` }));

    const before = await snapshotDatabase(database.db);
    const error = await expectTrpcError(editor().sources.restore({ id: first.id, version: deleted.version }), 'CONFLICT');
    expect(error.message).toContain('Second');
    expect(await snapshotDatabase(database.db)).toBe(before);

    await editor().sources.delete({ id: second.id, version: second.version });
    await expect(editor().sources.restore({ id: first.id, version: deleted.version })).resolves.toMatchObject({ deletedAt: null });
  });

  it('saves only one of several parallel creates of the same article', async () => {
    const dossier = await newDossier();
    const variants = [original, `${original}&utm_source=a`, `${original}#x`, original.toUpperCase().replace('?ID=7', '?id=7'), `${original}&fbclid=1`];
    const results = await Promise.allSettled(variants.map((url, index) => editor().sources.create(sourceInput(dossier.id, { title: `Copy ${index}`, url }))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^url:/) });
    }
    expect(await liveTitles(dossier.id)).toHaveLength(1);
  });
});

describe('sources: search and filters', () => {
  let dossierId: string;

  beforeAll(async () => {
    dossierId = (await newDossier()).id;
    const rows: Array<Partial<Parameters<typeof sourceInput>[1]>> = [
      { title: '50% of voters turned out', outlet: 'Daily Wire', kind: 'news_report', reliability: 'A' },
      { title: '500 voters', outlet: 'Daily Wire', kind: 'news_report', reliability: 'B' },
      { title: 'Ministry statement', outlet: 'MFA_Press', kind: 'official_statement', reliability: 'B' },
      { title: 'Ministry video', outlet: 'MFA Press', kind: 'video', reliability: 'E', url: 'https://video.example.org/watch?v=Karabakh_2020' },
      { title: 'Erdoğan speaks', outlet: 'Anadolu', kind: 'video', reliability: 'C', url: 'https://www.aa.com.tr/en/erdogan' },
      { title: 'Հայաստանի հայտարարություն', outlet: 'Armenpress', kind: 'press_release', reliability: 'F' },
    ];
    for (const row of rows) await createSource(database.db, users.editor, sourceInput(dossierId, row));
  });

  async function search(filters: Record<string, unknown>) {
    const page = await viewer().sources.list({ dossierId, sort: 'title', order: 'asc', ...filters });
    const count = await viewer().sources.count({ dossierId, ...filters });
    expect(count, 'count agrees with the list').toBe(page.items.length);
    return page.items.map((row) => row.title);
  }

  it('matches title, outlet and URL, ignoring letter case', async () => {
    expect(await search({ search: 'MINISTRY' })).toEqual(['Ministry statement', 'Ministry video']);
    expect(await search({ search: 'daily wire' })).toEqual(['50% of voters turned out', '500 voters']);
    expect(await search({ search: 'karabakh_2020' })).toEqual(['Ministry video']);
    expect(await search({ search: 'aa.com.tr' })).toEqual(['Erdoğan speaks']);
    expect(await search({ search: 'erdoğan' })).toEqual(['Erdoğan speaks']);
    expect(await search({ search: 'հայտարարություն' })).toEqual(['Հայաստանի հայտարարություն']);
    expect(await search({ search: '  ' })).toHaveLength(6);
    expect(await search({ search: 'nothing like this' })).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await search({ search: '%' })).toEqual(['50% of voters turned out']);
    expect(await search({ search: '50%' })).toEqual(['50% of voters turned out']);
    // "_" would match any single character as a LIKE wildcard ("MFA Press" included); here only the real underscore.
    expect(await search({ search: 'MFA_' })).toEqual(['Ministry statement']);
    expect(await search({ search: '\\' })).toEqual([]);
  });

  it('filters by kind and by reliability, alone and together', async () => {
    expect(await search({ kind: ['video'] })).toEqual(['Erdoğan speaks', 'Ministry video']);
    expect(await search({ kind: ['video', 'press_release'] })).toEqual(['Erdoğan speaks', 'Ministry video', 'Հայաստանի հայտարարություն']);
    expect(await search({ reliability: ['B'] })).toEqual(['500 voters', 'Ministry statement']);
    expect(await search({ reliability: ['A', 'F'] })).toEqual(['50% of voters turned out', 'Հայաստանի հայտարարություն']);
    expect(await search({ kind: ['video'], reliability: ['E'] })).toEqual(['Ministry video']);
    expect(await search({ kind: ['interview'] })).toEqual([]);
    expect(await search({ kind: ['video'], search: 'erdo' })).toEqual(['Erdoğan speaks']);
  });

  it('lists deleted sources separately, for restoring', async () => {
    const doomed = await editor().sources.create(sourceInput(dossierId, { title: 'Doomed' }));
    await editor().sources.delete({ id: doomed.id, version: doomed.version });
    expect(await search({ deleted: true })).toEqual(['Doomed']);
    expect(await search({})).not.toContain('Doomed');
  });
});

describe('sources: public listing', () => {
  it('shows live sources of a published dossier with public fields only', async () => {
    const dossier = await newDossier(true);
    await editor().sources.create(sourceInput(dossier.id, { title: 'Shown', internalNotes: 'Source is the minister’s cousin' }));
    const hidden = await editor().sources.create(sourceInput(dossier.id, { title: 'Deleted', internalNotes: 'gone' }));
    await editor().sources.delete({ id: hidden.id, version: hidden.version });

    const page = await reader().sources.listPublic({ slug: dossier.slug });
    expect(page.items.map((row) => row.title)).toEqual(['Shown']);
    for (const row of page.items) {
      expect(Object.keys(row).sort()).toEqual(
        ['archiveUrl', 'author', 'id', 'kind', 'language', 'outlet', 'publishedAt', 'reliability', 'title', 'url'],
      );
      expect(row).not.toHaveProperty('internalNotes');
    }
    expect(JSON.stringify(page)).not.toContain('cousin');
  });
});

describe('sources: sorting and keyset pagination', () => {
  const ROWS = 130;
  let dossierId: string;
  const outlets = ['', 'alpha', 'bravo', 'charlie', 'delta'];

  beforeAll(async () => {
    dossierId = (await newDossier(true)).id;
    // Created one by one (as editors do), so created_at comes from the database clock, with its full precision.
    for (let index = 0; index < ROWS; index++) {
      const shuffled = (index * 47) % ROWS; // a permutation of 0..129, so title order differs from creation order
      await createSource(
        database.db,
        users.editor,
        sourceInput(dossierId, {
          title: `report ${String(shuffled).padStart(3, '0')}`,
          outlet: outlets[index % outlets.length],
          reliability: reliabilityGrades[index % reliabilityGrades.length],
          kind: sourceKinds[index % 3],
          // Every fourth source has no date; others share dates in pairs (ties broken by id).
          publishedAt: index % 4 === 0 ? null : new Date(Date.UTC(2020, 8, 1 + (index % 20))),
        }),
      );
    }
    // A batch written in one statement shares one created_at, the hardest case for a cursor.
    await database.db.insert(sources).values(
      Array.from({ length: 20 }, (_, index) => ({
        dossierId,
        title: `bulk ${String(index).padStart(3, '0')}`,
        reliability: 'C' as const,
      })),
    );
  });

  /** Pages through the whole list with the given sort, through the router, as the desk table does. */
  async function pageThrough(sort: SourceSortKey, direction: 'asc' | 'desc', limit: number, extra: Record<string, unknown> = {}) {
    const seen: Source[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Source[]; nextCursor: string | null } = await viewer().sources.list({ dossierId, sort, order: direction, limit, cursor, ...extra });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
      expect(pages, 'pagination must end').toBeLessThan(50);
    } while (cursor);
    return seen;
  }

  /** The order the whole list must come in: one ORDER BY over every row, nulls last, ties by id. */
  async function expectedOrder(sort: SourceSortKey, direction: 'asc' | 'desc', where = sql`true`): Promise<string[]> {
    const column = { created: 'created_at', published: 'published_at', title: 'title', outlet: 'outlet', reliability: 'reliability' }[sort];
    const rows = await database.db
      .select({ id: sources.id })
      .from(sources)
      .where(and(eq(sources.dossierId, dossierId), sql`${sources.deletedAt} is null`, where))
      .orderBy(sql.raw(`${column} ${direction} nulls last, id ${direction}`));
    return rows.map((row) => row.id);
  }

  // Page size 50 as in the desk; 7 so that page boundaries also fall inside runs of equal values.
  it.each(sourceSortKeys.flatMap((sort) => (['asc', 'desc'] as const).flatMap((direction) => [50, 7].map((limit) => [sort, direction, limit] as const))))(
    'returns every row exactly once, in order, sorted by %s %s, %i a page',
    async (sort, direction, limit) => {
      const seen = await pageThrough(sort, direction, limit);
      const ids = seen.map((row) => row.id);
      expect(new Set(ids).size, 'no row repeated').toBe(ids.length);
      expect(ids).toHaveLength(ROWS + 20);
      expect(ids).toEqual(await expectedOrder(sort, direction));

      // And the order is what a reader expects: by the value, nulls last.
      const values = seen.map((row) => ({ created: row.createdAt, published: row.publishedAt, title: row.title, outlet: row.outlet, reliability: row.reliability })[sort]);
      const present = values.filter((value) => value !== null);
      expect(values.slice(present.length).every((value) => value === null), 'nulls last').toBe(true);
      const keys = present.map((value) => (value instanceof Date ? value.getTime() : (value as string)));
      const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(keys).toEqual(direction === 'asc' ? sorted : sorted.reverse());
    },
  );

  it('pages through a filtered list the same way', async () => {
    const filter = { reliability: ['A', 'C'], search: 'report' };
    const seen = await pageThrough('published', 'desc', 7, filter);
    const expected = await expectedOrder('published', 'desc', sql`${sources.reliability} in ('A', 'C') and ${sources.title} ilike '%report%'`);
    expect(seen.map((row) => row.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
  });

  it('pages through the public listing with nulls last', async () => {
    const dossier = (await database.db.execute(sql`select slug from dossiers where id = ${dossierId}`)) as unknown as { rows: Array<{ slug: string }> };
    const slug = dossier.rows[0]!.slug;
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await reader().sources.listPublic({ slug, cursor, limit: 50 });
      ids.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
      expect(ids.length, 'pagination must end').toBeLessThanOrEqual(ROWS + 20);
    } while (cursor);
    expect(ids).toEqual(await expectedOrder('published', 'desc'));
  });

  it('refuses an invalid cursor with BAD_REQUEST', async () => {
    for (const cursor of ['garbage', 'W10', encodeCursor('not a date', crypto.randomUUID()), encodeCursor(5, 'x')]) {
      await expectTrpcError(viewer().sources.list({ dossierId, cursor, sort: 'created' }), 'BAD_REQUEST', 'cursor:');
    }
  });

  it.each([
    ['the reported forgery', '2020-13-45 99:99:99+00'],
    ['31 September', '2020-09-31 10:00:00+00'],
    ['hour 24', '2020-09-27 24:00:00+00'],
    ['an offset of 99 hours', '2020-09-27 06:00:00+99'],
  ])('refuses a cursor with an impossible timestamp (%s) with BAD_REQUEST, on the desk list and signed out on the public one', async (_label, value) => {
    const cursor = encodeCursor(value, crypto.randomUUID());
    for (const sort of ['created', 'published'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        await expectTrpcError(viewer().sources.list({ dossierId, cursor, sort, order }), 'BAD_REQUEST', 'cursor: this page link is invalid');
      }
    }
    const dossier = (await database.db.execute(sql`select slug from dossiers where id = ${dossierId}`)) as unknown as { rows: Array<{ slug: string }> };
    await expectTrpcError(reader().sources.listPublic({ slug: dossier.rows[0]!.slug, cursor }), 'BAD_REQUEST', 'cursor: this page link is invalid');
  });

  it('streams every row of a large dossier in batches: one snapshot on PostgreSQL, page by page on PGlite', async () => {
    const big = await newDossier();
    const total = 1200;
    for (let start = 0; start < total; start += 400) {
      await database.db.insert(sources).values(
        Array.from({ length: 400 }, (_, index) => ({ dossierId: big.id, title: `row ${String(start + index).padStart(4, '0')}` })),
      );
    }
    const filters = sourceFilters.parse({ sort: 'title', order: 'asc' });
    expect(await countSources(database.db, big.id, filters)).toBe(total);

    const titles: string[] = [];
    for await (const row of iterateSources(database.db, big.id, filters, 500)) {
      titles.push(row.title);
      // Added while the first batch is being consumed (the write does not wait for the export).
      if (titles.length === 1) await createSource(database.db, users.editor, sourceInput(big.id, { title: 'zzz added late' }));
    }
    const expected = Array.from({ length: total }, (_, index) => `row ${String(index).padStart(4, '0')}`);
    // PostgreSQL reads one cursor in one REPEATABLE READ transaction: the file is the dossier as the export began.
    // PGlite reads keyset pages between other requests: a later page picks the new row up, which it could not if
    // every row had been loaded up front.
    expect(titles).toEqual(testDriver === 'postgres' ? expected : [...expected, 'zzz added late']);
  });
});

describe('sources: a deleted dossier’s sources are frozen', () => {
  const DELETED_DOSSIER = 'This source’s dossier was deleted; restore the dossier first.';

  async function sourceInDeletedDossier() {
    const dossier = await newDossier(true);
    const live = await editor().sources.create(sourceInput(dossier.id, { title: 'Live source', internalNotes: 'before' }));
    const gone = await editor().sources.create(sourceInput(dossier.id, { title: 'Deleted source' }));
    const goneDeleted = await editor().sources.delete({ id: gone.id, version: gone.version });
    const deletedDossier = await editor().dossiers.delete({ id: dossier.id, version: dossier.version });
    return { dossier: deletedDossier, live, gone: goneDeleted };
  }

  it('refuses to update a source of a deleted dossier, saying why, and changes nothing', async () => {
    const { dossier, live } = await sourceInDeletedDossier();
    const before = await snapshotDatabase(database.db);
    const error = await expectTrpcError(
      editor().sources.update({ ...sourceInput(dossier.id, { title: 'Edited anyway', internalNotes: 'after' }), id: live.id, version: live.version }),
      'NOT_FOUND',
    );
    expect(error.message).toBe(DELETED_DOSSIER);
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('refuses to delete a source of a deleted dossier, and changes nothing', async () => {
    const { live } = await sourceInDeletedDossier();
    const before = await snapshotDatabase(database.db);
    const error = await expectTrpcError(editor().sources.delete({ id: live.id, version: live.version }), 'NOT_FOUND');
    expect(error.message).toBe(DELETED_DOSSIER);
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('refuses to restore a source of a deleted dossier, and changes nothing', async () => {
    const { gone } = await sourceInDeletedDossier();
    const before = await snapshotDatabase(database.db);
    const error = await expectTrpcError(editor().sources.restore({ id: gone.id, version: gone.version }), 'NOT_FOUND');
    expect(error.message).toBe(DELETED_DOSSIER);
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('refuses the same through the service, for any caller (the rule is not in the router)', async () => {
    const { dossier, live } = await sourceInDeletedDossier();
    await expect(updateSource(database.db, users.admin, { ...sourceInput(dossier.id), id: live.id, version: live.version })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: DELETED_DOSSIER,
    });
  });

  it('allows edits again once the dossier is restored', async () => {
    const { dossier, live, gone } = await sourceInDeletedDossier();
    await editor().dossiers.restore({ id: dossier.id, version: dossier.version });
    const updated = await editor().sources.update({ ...sourceInput(dossier.id, { title: 'Edited after restore' }), id: live.id, version: live.version });
    expect(updated).toMatchObject({ title: 'Edited after restore', version: 2 });
    await expect(editor().sources.restore({ id: gone.id, version: gone.version })).resolves.toMatchObject({ deletedAt: null });
    await expect(editor().sources.delete({ id: updated.id, version: updated.version })).resolves.toMatchObject({ deletedAt: expect.any(Date) });
  });
});

describe('sources: service rules outside tRPC', () => {
  it('refuses an update to a deleted source', async () => {
    const dossier = await newDossier();
    const source = await createSource(database.db, users.editor, sourceInput(dossier.id, { title: unique('x') }));
    await editor().sources.delete({ id: source.id, version: 1 });
    await expect(updateSource(database.db, users.editor, { ...sourceInput(dossier.id), id: source.id, version: 2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
