import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream } from '@/server/csv/csv';
import { createDossier } from '@/server/dossiers/dossiers.service';
import { dossierInput, readCsv, sourceInput } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { sources } from './schema';
import { deskSourceColumns, publicRows, publicSourceColumns } from './sources.csv';
import { sourceFilters } from './sources.input';
import { createSource, iterateSources } from './sources.service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let dossierId: string;

const NOTES = 'Internal: the fixer’s cousin works at the ministry';

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  dossierId = (await createDossier(database.db, users.editor, dossierInput())).id;
  await createSource(
    database.db,
    users.editor,
    sourceInput(dossierId, {
      title: '=HYPERLINK("http://evil.example","Click")',
      outlet: 'Anadolu, Ankara',
      author: 'Ayşe "AY" Yılmaz',
      kind: 'news_report',
      language: 'tr',
      url: 'https://www.aa.com.tr/en/erdogan?x=1',
      archiveUrl: 'https://archive.ph/abc',
      publishedAt: new Date('2020-09-28T09:30:00Z'),
      retrievedAt: new Date('2020-09-29T00:00:00Z'),
      reliability: 'B',
      internalNotes: NOTES,
    }),
  );
  await createSource(
    database.db,
    users.editor,
    sourceInput(dossierId, {
      title: 'Հայտարարություն\nերկրորդ տող',
      outlet: '-Armenpress',
      kind: 'press_release',
      publishedAt: null,
      reliability: 'F',
      internalNotes: '=cmd|\' /C calc\'!A0',
    }),
  );
});
afterAll(() => database.cleanup());

const filters = () => sourceFilters.parse({ sort: 'title', order: 'asc' });

function records(text: string): Array<Record<string, string>> {
  return parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
}

describe('public sources CSV', () => {
  it('has the public columns only, never internal notes, even when notes have text', async () => {
    const headers = publicSourceColumns.map((column) => column.header);
    expect(headers).toEqual(['title', 'outlet', 'author', 'kind', 'language', 'published_at', 'reliability', 'url', 'archive_url']);
    const text = await readCsv(csvStream(publicRows(iterateSources(database.db, dossierId, filters())), publicSourceColumns));
    expect(text).not.toContain('cousin');
    expect(text).not.toContain('calc');
    expect(text.toLowerCase()).not.toContain('internal');
    expect(text.startsWith(`\uFEFF${headers.join(',')}\r\n`)).toBe(true);
  });

  it('round-trips every field exactly, neutralising formula-like text cells', async () => {
    const text = await readCsv(csvStream(publicRows(iterateSources(database.db, dossierId, filters())), publicSourceColumns));
    expect(records(text)).toEqual([
      {
        title: '\'=HYPERLINK("http://evil.example","Click")',
        outlet: 'Anadolu, Ankara',
        author: 'Ayşe "AY" Yılmaz',
        kind: 'news_report',
        language: 'tr',
        published_at: '2020-09-28T09:30:00.000Z',
        reliability: 'B',
        url: 'https://www.aa.com.tr/en/erdogan?x=1',
        archive_url: 'https://archive.ph/abc',
      },
      {
        title: 'Հայտարարություն\nերկրորդ տող',
        outlet: "'-Armenpress",
        author: '',
        kind: 'press_release',
        language: 'en',
        published_at: '',
        reliability: 'F',
        url: '',
        archive_url: '',
      },
    ]);
  });
});

describe('desk sources CSV', () => {
  it('has every field, internal notes included (neutralised), with version and dates as plain typed cells', async () => {
    const text = await readCsv(csvStream(iterateSources(database.db, dossierId, filters()), deskSourceColumns));
    const [first, second] = records(text);
    expect(Object.keys(first!)).toEqual([
      'id', 'title', 'outlet', 'author', 'kind', 'language', 'published_at', 'reliability', 'url', 'archive_url',
      'retrieved_at', 'internal_notes', 'created_at', 'updated_at', 'version', 'deleted_at',
    ]);
    expect(first).toMatchObject({ internal_notes: NOTES, version: '1', retrieved_at: '2020-09-29T00:00:00.000Z', deleted_at: '' });
    expect(first!.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(second!.internal_notes).toBe("'=cmd|' /C calc'!A0");
  });

  it('streams all rows of a 1,200-source dossier', async () => {
    const big = (await createDossier(database.db, users.editor, dossierInput())).id;
    await database.db.insert(sources).values(
      Array.from({ length: 1200 }, (_, index) => ({ dossierId: big, title: `row ${String(index).padStart(4, '0')}`, internalNotes: 'secret' })),
    );
    const text = await readCsv(csvStream(publicRows(iterateSources(database.db, big, filters(), 500)), publicSourceColumns));
    const rows = records(text);
    expect(rows).toHaveLength(1200);
    expect(rows.map((row) => row.title)).toEqual(Array.from({ length: 1200 }, (_, index) => `row ${String(index).padStart(4, '0')}`));
    expect(text).not.toContain('secret');
  });
});
