/**
 * Two app servers behind one load balancer, on one PostgreSQL: readers' pages and CSVs are served from each
 * server's own cache (server/public-cache/cache-handler.mjs), and an editor's save through one server must expire
 * them on the other too (NOTIFY/LISTEN), so that a signed-out reader sent to either sees the change at once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppServer, Client, DEMO_SLUG, demoEmail, PgCluster, postgresClusterUnavailable, sleep, sourceInput, type DossierRow, type HttpResult } from './harness';

/** How long a change may take to reach the other server: one NOTIFY round trip, far less than this. */
const PROPAGATION_LIMIT_MS = 1_000;

describe.skipIf(postgresClusterUnavailable())('two app servers on one PostgreSQL', () => {
  const distDir = inject('distDir');
  let cluster: PgCluster | undefined;
  let serverA: AppServer | undefined;
  let serverB: AppServer | undefined;
  let editorOnA: Client;
  let readerOnB: Client;
  let dossier: DossierRow;
  const lags: number[] = [];

  beforeAll(async () => {
    cluster = await PgCluster.create();
    const databaseUrl = await cluster.createDatabase('claimdesk_chaos_two_servers');
    serverA = await AppServer.start({ distDir, databaseUrl, label: 'A' });
    serverB = await AppServer.start({ distDir, databaseUrl, label: 'B' });
    editorOnA = new Client(serverA);
    await editorOnA.signInOrThrow(demoEmail('editor'));
    readerOnB = new Client(serverB);
    dossier = await editorOnA.ok<DossierRow>('query', 'dossiers.bySlug', { slug: DEMO_SLUG });
  });

  afterAll(async () => {
    await serverA?.kill9().catch(() => undefined);
    await serverB?.kill9().catch(() => undefined);
    await cluster?.destroy();
    if (lags.length > 0) console.log(`[two servers] change seen on the other server after ${lags.map((ms) => `${ms} ms`).join(', ')}`);
  });

  /** Reads `path` on B until B serves it from its cache (so that a stale copy is what B would hand out). */
  async function cachedOnB(path: string): Promise<HttpResult> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await readerOnB.get(path);
      if (response.headers['x-nextjs-cache'] === 'HIT') return response;
      await sleep(250);
    }
    throw new Error(`${path} never came from server B's cache`);
  }

  /** Reads `path` on B right after the save, and again (bounded) until it shows `text`; returns the lag. */
  async function seenOnB(path: string, text: string): Promise<number> {
    const saved = Date.now();
    for (;;) {
      const response = await readerOnB.get(path);
      expect(response.status, path).toBe(200);
      if (response.text.includes(text)) return Date.now() - saved;
      if (Date.now() - saved > PROPAGATION_LIMIT_MS) throw new Error(`${path} on server B still lacks “${text}” ${PROPAGATION_LIMIT_MS} ms after the save on A`);
      await sleep(20);
    }
  }

  it('a source added through A is on B’s cached dossier page and public CSV at once', async () => {
    const page = `/d/${DEMO_SLUG}`;
    const csv = `/d/${DEMO_SLUG}/sources.csv`;
    await cachedOnB(page);
    await cachedOnB(csv);
    await cachedOnB('/');

    const title = `Two servers ${Date.now().toString(36)}`;
    await editorOnA.ok('mutation', 'sources.create', sourceInput(dossier.id, title));
    lags.push(await seenOnB(page, title));
    lags.push(await seenOnB(csv, title));
    for (const lag of lags) expect(lag).toBeLessThan(PROPAGATION_LIMIT_MS);
  });

  it('a dossier unpublished through A is gone from B’s home page and dossier page', async () => {
    await cachedOnB('/');
    await cachedOnB(`/d/${DEMO_SLUG}`);
    const current = await editorOnA.ok<DossierRow>('query', 'dossiers.bySlug', { slug: DEMO_SLUG });
    const unpublished = await editorOnA.ok<DossierRow>('mutation', 'dossiers.setPublished', { id: current.id, version: current.version, published: false });
    try {
      const saved = Date.now();
      for (;;) {
        const home = await readerOnB.get('/');
        const page = await readerOnB.get(`/d/${DEMO_SLUG}`);
        if (!home.text.includes(`/d/${DEMO_SLUG}"`) && page.status === 404) break;
        if (Date.now() - saved > PROPAGATION_LIMIT_MS) throw new Error(`server B still shows the unpublished dossier ${PROPAGATION_LIMIT_MS} ms after the save`);
        await sleep(20);
      }
      lags.push(Date.now() - saved);
    } finally {
      await editorOnA.ok('mutation', 'dossiers.setPublished', { id: current.id, version: unpublished.version, published: true });
    }
  });

  it('a server that lost its listening connection starts over rather than serve what it may have missed', async () => {
    await cachedOnB(`/d/${DEMO_SLUG}`);
    // Cut every connection but this one: B's LISTEN connection among them (it reconnects by itself).
    await cluster!.withClient('postgres', (client) =>
      client.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = 'claimdesk_chaos_two_servers'`),
    );
    await sleep(2_500);
    const response = await readerOnB.get(`/d/${DEMO_SLUG}`);
    expect(response.status).toBe(200);
    expect(response.headers['x-nextjs-cache']).not.toBe('HIT');
  });
});
