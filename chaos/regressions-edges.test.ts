/**
 * (d) continued: regressions over real HTTP for the hardening defects not covered by regressions.test.ts —
 * crafted cursors and paths (each a 400 or 404, never a 500, signed out too), a source of a deleted dossier that
 * could still be edited, the public CSV's caching (revalidated, never a blind max-age), and the Content-Security-Policy
 * (a per-request nonce, no 'unsafe-inline' scripts). The data-folder lock's restart after kill -9 in a new pid
 * namespace is in kill-writers.test.ts.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppServer, Client, createDossier, DEMO_SLUG, demoEmail, makeTempDir, removeTempDir, sourceInput, type DossierRow } from './harness';

let server: AppServer | undefined;
let dataDir: string;
let editor: Client;
let reader: Client;
const summary: string[] = [];

beforeAll(async () => {
  dataDir = makeTempDir('edges');
  server = await AppServer.start({ distDir: inject('distDir'), dataDir, label: 'edges' });
  editor = new Client(server);
  await editor.signInOrThrow(demoEmail('editor'));
  reader = new Client(server);
});

afterAll(async () => {
  await server?.kill9().catch(() => undefined);
  removeTempDir(dataDir);
  console.log(`[chaos] (d) edge regressions: ${summary.join('; ')}`);
});

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('6. crafted cursors and paths', () => {
  const impossibleCursor = base64url(['2020-13-45 99:99:99+00', '00000000-0000-4000-8000-000000000000']);

  it('an impossible timestamp in a cursor is a 400 on the desk list and the public list, and a 404 on the public page', async () => {
    const dossier = await editor.ok<DossierRow>('query', 'dossiers.bySlug', { slug: DEMO_SLUG });
    const desk = await editor.query('sources.list', { dossierId: dossier.id, cursor: impossibleCursor });
    expect(desk.status).toBe(400);
    expect(desk.error?.message).toMatch(/cursor/);
    const signedOut = await reader.query('sources.listPublic', { slug: DEMO_SLUG, cursor: impossibleCursor });
    expect(signedOut.status).toBe(400);
    const page = await reader.get(`/d/${DEMO_SLUG}?after=${impossibleCursor}`);
    expect(page.status).toBe(404);
  });

  it.each([
    ['/d/%00/sources.csv', [404]],
    ['/api/export/%00/sources.csv', [401, 404]],
    ['/d/%FF', [400]],
    ['/d/%C0%AF', [400]],
    ['/d/%ED%A0%80', [400]],
    ['/d/%FF/sources.csv', [400]],
    ['/api/export/%FF/sources.csv', [400]],
    ['/desk/dossiers/%FF', [400]],
  ])('%s answers %j, signed out', async (path, expected) => {
    const response = await reader.get(path);
    expect(expected, `${path} → ${response.status} ${response.text.slice(0, 120)}`).toContain(response.status);
  });

  it('the desk export with a NUL slug is a 404 signed in', async () => {
    expect((await editor.get('/api/export/%00/sources.csv')).status).toBe(404);
    summary.push('crafted cursors and paths: 400/404');
  });
});

describe('9. smaller holes', () => {
  it('a source of a deleted dossier cannot be edited, deleted or restored, and stays as it was', async () => {
    const dossier = await createDossier(editor, 'frozen');
    const source = await editor.ok<{ id: string; version: number; title: string }>('mutation', 'sources.create', sourceInput(dossier.id, 'Before'));
    await editor.ok('mutation', 'dossiers.delete', { id: dossier.id, version: dossier.version });
    const update = await editor.mutation('sources.update', { ...sourceInput(dossier.id, 'After'), dossierId: undefined, id: source.id, version: source.version });
    expect(update.status).toBe(404);
    expect(update.error?.message).toMatch(/dossier was deleted/);
    expect((await editor.mutation('sources.delete', { id: source.id, version: source.version })).status).toBe(404);
    const after = await editor.ok<{ title: string; version: number; deletedAt: unknown }>('query', 'sources.byId', { id: source.id });
    expect(after).toMatchObject({ title: 'Before', version: source.version, deletedAt: null });
  });

  it('the public CSV is revalidated on every use (ETag + no-cache, 304 when unchanged) and gone at once when unpublished', async () => {
    const first = await reader.get(`/d/${DEMO_SLUG}/sources.csv`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toMatch(/no-cache/);
    expect(first.headers['cache-control']).not.toMatch(/max-age=[1-9]/);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"/);
    expect((await reader.get(`/d/${DEMO_SLUG}/sources.csv`, { 'if-none-match': etag })).status).toBe(304);

    const dossier = await editor.ok<DossierRow & { status: string }>('query', 'dossiers.bySlug', { slug: DEMO_SLUG });
    const unpublished = await editor.ok<DossierRow>('mutation', 'dossiers.setPublished', { id: dossier.id, version: dossier.version, published: false });
    try {
      const gone = await reader.get(`/d/${DEMO_SLUG}/sources.csv`, { 'if-none-match': etag });
      expect(gone.status).toBe(404);
    } finally {
      await editor.ok('mutation', 'dossiers.setPublished', { id: dossier.id, version: unpublished.version, published: true });
    }
    summary.push('public CSV revalidated (304, 404 once unpublished)');
  });
});

describe('10. Content-Security-Policy', () => {
  const scriptSrcOf = (policy: string) => /script-src ([^;]*)/.exec(policy)?.[1] ?? '';

  it('/login: scripts need this response’s nonce; no unsafe-inline', async () => {
    const first = await reader.get('/login');
    const second = await reader.get('/login');
    expect(first.status).toBe(200);
    const scriptSrc = scriptSrcOf(String(first.headers['content-security-policy']));
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(String(second.headers['content-security-policy'])).not.toContain(nonce!);
    const scripts = [...first.text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  it.each(['/', `/d/${DEMO_SLUG}`])('%s (cached): each inline script allowed by its hash, nothing else inline', async (path) => {
    const response = await reader.get(path);
    expect(response.status).toBe(200);
    const scriptSrc = scriptSrcOf(String(response.headers['content-security-policy']));
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'nonce-"]) expect(scriptSrc).not.toContain(loose);
    const inline = [...response.text.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(inline.length).toBeGreaterThan(1);
    for (const body of inline) expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  });
});
