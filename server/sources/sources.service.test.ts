import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '@/server/audit/schema';
import { createDossier } from '@/server/dossiers/dossiers.service';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { createSource, deleteSource, listSources, restoreSource, updateSource } from './sources.service';
import { sourceFilters } from './sources.input';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let dossierId: string;

const baseSource = {
  url: null,
  outlet: '',
  author: '',
  kind: 'news_report' as const,
  language: 'en',
  publishedAt: null,
  retrievedAt: null,
  archiveUrl: null,
  reliability: 'B' as const,
  internalNotes: '',
};

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  const dossier = await createDossier(database.db, users.editor, { title: 'Story', slug: 'story', summary: '', eventsStartOn: null, eventsEndOn: null });
  dossierId = dossier.id;
});
afterAll(() => database.cleanup());

describe('sources', () => {
  it('refuses the same article pasted with tracking parameters and another letter case', async () => {
    await createSource(database.db, users.editor, { ...baseSource, dossierId, title: 'Original', url: 'https://www.example.com/news/story-1' });
    await expect(
      createSource(database.db, users.editor, { ...baseSource, dossierId, title: 'Again', url: 'HTTPS://Example.com/News/Story-1/?utm_source=x&fbclid=y' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Original') });
  });

  it('lets exactly one of twenty parallel updates naming the same version win', async () => {
    const source = await createSource(database.db, users.editor, { ...baseSource, dossierId, title: 'Contested' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        updateSource(database.db, users.editor, { ...baseSource, id: source.id, version: source.version, title: `Edit ${index}` }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(rejected.every((result) => (result as PromiseRejectedResult).reason.code === 'CONFLICT')).toBe(true);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, source.id));
    expect(audits.map((row) => row.action).sort()).toEqual(['create', 'update']);
  });

  it('hides deleted sources from the list and brings them back on restore', async () => {
    const source = await createSource(database.db, users.editor, { ...baseSource, dossierId, title: 'Ephemeral' });
    const deleted = await deleteSource(database.db, users.editor, { id: source.id, version: source.version });
    const live = await listSources(database.db, { ...sourceFilters.parse({}), dossierId, limit: 50 });
    expect(live.items.map((row) => row.title)).not.toContain('Ephemeral');
    await restoreSource(database.db, users.editor, { id: source.id, version: deleted.version });
    const after = await listSources(database.db, { ...sourceFilters.parse({}), dossierId, limit: 50 });
    expect(after.items.map((row) => row.title)).toContain('Ephemeral');
  });
});
