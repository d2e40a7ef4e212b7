import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppDatabaseForTesting } from '@/server/db';
import { createDossier, setDossierPublished } from '@/server/dossiers/dossiers.service';
import { signedInCookie } from '@/server/testing/fixtures';
import { createSource } from '@/server/sources/sources.service';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { setUserActive } from '@/server/users/users.service';
import { GET as health } from './health/route';
import { GET as deskExport } from './export/[slug]/sources.csv/route';
import { GET as publicExport } from '../(public)/d/[slug]/sources.csv/route';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const cookieFor = (userId: string) => signedInCookie(database.db, userId);
function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true });
}

const source = {
  url: null,
  author: '',
  language: 'en',
  publishedAt: null,
  retrievedAt: null,
  archiveUrl: null,
};

beforeAll(async () => {
  database = await createTestDatabase();
  setAppDatabaseForTesting(database);
  users = await createTestUsers(database);
  const published = await createDossier(database.db, users.editor, { title: 'Published', slug: 'published-story', summary: '', eventsStartOn: null, eventsEndOn: null });
  await setDossierPublished(database.db, users.editor, { id: published.id, version: published.version, published: true });
  await createDossier(database.db, users.editor, { title: 'Draft', slug: 'draft-story', summary: '', eventsStartOn: null, eventsEndOn: null });
  await createSource(database.db, users.editor, { ...source, dossierId: published.id, title: 'Ministry statement', outlet: 'MoD', kind: 'official_statement', reliability: 'C', internalNotes: 'call back Tuesday' });
  await createSource(database.db, users.editor, { ...source, dossierId: published.id, title: '=HYPERLINK("http://evil.example")', outlet: 'Telegram', kind: 'social_media_post', reliability: 'E', internalNotes: '' });
  await createSource(database.db, users.editor, { ...source, dossierId: published.id, title: 'Erdoğan tweet', outlet: 'X', kind: 'social_media_post', reliability: 'B', internalNotes: '' });
});
afterAll(async () => {
  setAppDatabaseForTesting(undefined);
  await database.cleanup();
});

describe('GET /api/health', () => {
  it('reports the driver when the database answers', async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: database.driver });
  });

  it('answers 503 with a plain reason (no addresses or driver messages) when the database is unreachable', async () => {
    setAppDatabaseForTesting({ ...database, ping: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) });
    try {
      const response = await health();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      const body = (await response.json()) as { ok: boolean; reason: string };
      expect(body).toMatchObject({ ok: false, reason: expect.stringContaining('cannot be reached') });
      expect(body.reason).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      setAppDatabaseForTesting(database);
    }
  });
});

describe('public sources.csv', () => {
  it('serves public fields of a published dossier, neutralising formulas', async () => {
    const response = await publicExport(new Request('http://localhost/d/published-story/sources.csv'), params('published-story'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The UTF-8 byte-order mark (Response.text() would silently drop it, so look at the bytes).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toContain('call back Tuesday');
    expect(text).not.toContain('internal_notes');
    const rows = parseCsv(text);
    expect(rows.map((row) => row.title).sort()).toEqual(["'=HYPERLINK(\"http://evil.example\")", 'Erdoğan tweet', 'Ministry statement']);
  });

  it('answers 404 for a draft or unknown dossier', async () => {
    expect((await publicExport(new Request('http://localhost/x'), params('draft-story'))).status).toBe(404);
    expect((await publicExport(new Request('http://localhost/x'), params('no-such-story'))).status).toBe(404);
  });
});

describe('desk sources.csv', () => {
  it('needs a signed-in, active user', async () => {
    const anonymous = await deskExport(new Request('http://localhost/api/export/published-story/sources.csv'), params('published-story'));
    expect(anonymous.status).toBe(401);
  });

  it('exports every field with the same filters as the table', async () => {
    const request = new Request('http://localhost/api/export/published-story/sources.csv?kind=social_media_post&sort=title&dir=asc', {
      headers: { cookie: await cookieFor(users.viewer.id) },
    });
    const response = await deskExport(request, params('published-story'));
    expect(response.status).toBe(200);
    const rows = parseCsv(await response.text());
    expect(rows.map((row) => row.title)).toEqual(["'=HYPERLINK(\"http://evil.example\")", 'Erdoğan tweet']);
    expect(Object.keys(rows[0]!)).toContain('internal_notes');

    const all = parseCsv(await (await deskExport(new Request('http://localhost/api/export/published-story/sources.csv?q=ministry', { headers: { cookie: await cookieFor(users.viewer.id) } }), params('published-story'))).text());
    expect(all).toHaveLength(1);
    expect(all[0]!.internal_notes).toBe('call back Tuesday');
  });

  it('answers 400 naming the filter for a bad query string, and 404 for an unknown dossier', async () => {
    const cookie = await cookieFor(users.viewer.id);
    const bad = await deskExport(new Request('http://localhost/api/export/published-story/sources.csv?reliability=Z', { headers: { cookie } }), params('published-story'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^reliability/);
    const missing = await deskExport(new Request('http://localhost/api/export/nope/sources.csv', { headers: { cookie } }), params('nope'));
    expect(missing.status).toBe(404);
  });

  it('refuses a disabled user’s old session cookie on the next request', async () => {
    const cookie = await cookieFor(users.editor.id);
    const before = await deskExport(new Request('http://localhost/api/export/published-story/sources.csv', { headers: { cookie } }), params('published-story'));
    expect(before.status).toBe(200);
    await setUserActive(database.db, users.admin, { id: users.editor.id, active: false });
    const after = await deskExport(new Request('http://localhost/api/export/published-story/sources.csv', { headers: { cookie } }), params('published-story'));
    expect(after.status).toBe(401);
  });
});
