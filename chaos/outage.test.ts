/**
 * (b) The database goes away under a running app, then comes back. A throwaway PostgreSQL cluster is stopped with
 * `pg_ctl stop -m immediate` (a crash: connections cut, no checkpoint) while the app keeps running. Meanwhile every
 * class of route must answer 503 with a Retry-After header and a plain message — never SQL, query parameters, the
 * user's email or id, or an address. Once PostgreSQL is started again, the same app process (not restarted) must
 * answer normally within a bounded wait, and a signed-in write must work.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  AppServer,
  Client,
  createDossier,
  DEMO_PASSWORD,
  DEMO_SLUG,
  demoEmail,
  PgCluster,
  postgresClusterUnavailable,
  sleep,
  sourceInput,
  type DossierRow,
  type HttpResult,
} from './harness';

/** One request per class of route; `expectOk` describes the normal answer. */
interface Probe {
  name: string;
  run: () => Promise<HttpResult & { signInUrl?: string | null; signInError?: string | null }>;
  /** Sign-in may also answer like any failed sign-in (JSON url / redirect), with error=ServiceUnavailable. */
  signIn?: boolean;
}

const RECOVERY_WAIT_MS = 60_000;

describe.skipIf(postgresClusterUnavailable())('(b) PostgreSQL stopped (immediate) and started again under the running app', () => {
  const distDir = inject('distDir');
  let cluster: PgCluster | undefined;
  let server: AppServer | undefined;
  let editor: Client;
  let editorId: string;
  let dossier: DossierRow;
  let probes: Probe[];
  let checked = 0;
  let recovered = 0;
  let recoveryMs = 0;

  beforeAll(async () => {
    cluster = await PgCluster.create();
    const databaseUrl = await cluster.createDatabase('claimdesk_chaos_outage');
    server = await AppServer.start({ distDir, databaseUrl, label: 'outage' });
    editor = new Client(server);
    await editor.signInOrThrow(demoEmail('editor'));
    editorId = (await editor.ok<{ id: string }>('query', 'users.me')).id;
    dossier = await editor.ok<DossierRow>('query', 'dossiers.bySlug', { slug: DEMO_SLUG });
    const anonymous = new Client(server);
    let counter = 0;

    probes = [
      { name: 'GET /api/health', run: () => anonymous.get('/api/health') },
      { name: 'public page /', run: () => anonymous.get('/') },
      { name: `public page /d/${DEMO_SLUG}`, run: () => anonymous.get(`/d/${DEMO_SLUG}`) },
      { name: 'public CSV', run: () => anonymous.get(`/d/${DEMO_SLUG}/sources.csv`) },
      { name: 'desk page /desk (signed in)', run: () => editor.get('/desk') },
      { name: 'desk CSV export (signed in)', run: () => editor.get(`/api/export/${DEMO_SLUG}/sources.csv`) },
      {
        name: 'public tRPC query dossiers.listPublished',
        run: async () => {
          const { url } = Client.trpcRequest('query', [{ path: 'dossiers.listPublished', input: undefined }]);
          return anonymous.get(url);
        },
      },
      {
        name: 'signed-in tRPC query sources.count',
        run: async () => {
          const { url } = Client.trpcRequest('query', [{ path: 'sources.count', input: { dossierId: dossier.id } }]);
          return editor.get(url);
        },
      },
      {
        name: 'signed-in tRPC mutation sources.create',
        run: async () => {
          const { url, body } = Client.trpcRequest('mutation', [{ path: 'sources.create', input: sourceInput(dossier.id, `outage write ${++counter}`) }]);
          return editor.request(url, { method: 'POST', headers: editor.browserPostHeaders('application/json'), body });
        },
      },
      {
        name: 'sign-in attempt',
        signIn: true,
        run: async () => {
          // A visitor with no session: the csrf step needs no database; the credentials step does.
          const visitor = new Client(server!);
          const result = await visitor.signIn(demoEmail('editor'), DEMO_PASSWORD, {}, 30_000);
          return { ...result.response, signInUrl: result.url, signInError: result.error };
        },
      },
    ];
  });

  afterAll(async () => {
    await server?.kill9().catch(() => undefined);
    await cluster?.destroy();
    console.log(
      `[chaos] (b) PostgreSQL outage: ${checked} requests checked while down (${probes?.length ?? 0} route classes × 2 passes), ` +
        `${recovered} recovered after restart in ${(recoveryMs / 1000).toFixed(1)}s without restarting the app`,
    );
  });

  /** What must never leak into an error answer. */
  const leaks = (text: string): string[] => {
    const decoded = (() => {
      try {
        return decodeURIComponent(text);
      } catch {
        return text;
      }
    })();
    const found: string[] = [];
    const rules: Array<[string, RegExp]> = [
      ['SQL (select)', /(?<!<)\bselect\s/i],
      ['SQL (insert)', /\binsert\s+into\b/i],
      ['SQL (update)', /\bupdate\s+"/i],
      ['SQL (delete)', /\bdelete\s+from\b/i],
      ['"Failed query"', /failed query/i],
      ['"params:"', /params:/i],
      ['the user\'s email', new RegExp(demoEmail('editor').replace(/[.]/g, '\\.'), 'i')],
      ['the user\'s id', new RegExp(editorId, 'i')],
      ['an address (127.0.0.1)', /127\.0\.0\.1|::ffff:127/],
      ['the database port', new RegExp(`[:\\s]${cluster!.port}\\b`)],
      ['a connection error', /ECONNREFUSED|ECONNRESET|connection terminated|the database system is/i],
    ];
    for (const [what, pattern] of rules) if (pattern.test(text) || pattern.test(decoded)) found.push(what);
    return found;
  };

  const outageProblems = (probe: Probe, response: Awaited<ReturnType<Probe['run']>>): string[] => {
    const problems: string[] = [];
    const everything = `${response.text}\n${response.signInUrl ?? ''}\n${String(response.headers.location ?? '')}`;
    for (const leak of leaks(everything)) problems.push(`leaks ${leak}`);
    const signInRefusedAsUnavailable =
      probe.signIn && response.signInError === 'ServiceUnavailable' && (response.status === 200 || (response.status >= 300 && response.status < 400));
    if (signInRefusedAsUnavailable) return problems;
    if (response.status !== 503) problems.push(`status ${response.status} (want 503${probe.signIn ? ' or error=ServiceUnavailable' : ''})`);
    const retryAfter = response.headers['retry-after'];
    if (!retryAfter || !(/^\d+$/.test(String(retryAfter)) || !Number.isNaN(Date.parse(String(retryAfter))))) {
      problems.push(`Retry-After header ${retryAfter === undefined ? 'missing' : `unusable: ${String(retryAfter)}`}`);
    }
    if (!response.text.trim()) problems.push('empty body (want a plain message)');
    if (probe.signIn && response.signInUrl && response.signInError !== 'ServiceUnavailable') {
      problems.push(`sign-in error code ${response.signInError ?? '(none)'} (want ServiceUnavailable)`);
    }
    return problems;
  };

  it('answers normally before the outage (baseline)', async () => {
    for (const probe of probes) {
      const response = await probe.run();
      expect(response.status, `${probe.name}: ${response.text.slice(0, 200)}`).toBe(200);
      if (probe.signIn) expect(response.signInError, probe.name).toBeNull();
    }
  });

  it('while PostgreSQL is down: every route class answers 503 + Retry-After with a plain message, leaking nothing', async () => {
    await cluster!.stopImmediate();
    const problems: string[] = [];
    for (const pass of [1, 2]) {
      for (const probe of probes) {
        let response: Awaited<ReturnType<Probe['run']>>;
        try {
          response = await probe.run();
        } catch (error) {
          problems.push(`pass ${pass}, ${probe.name}: no answer (${(error as Error).message})`);
          checked += 1;
          continue;
        }
        checked += 1;
        const found = outageProblems(probe, response);
        if (found.length) problems.push(`pass ${pass}, ${probe.name}: ${found.join('; ')} — body: ${response.text.slice(0, 160).replace(/\s+/g, ' ')}`);
      }
      // The second pass comes after the pool's broken connections are gone: fresh connection attempts fail too.
      if (pass === 1) await sleep(2_000);
    }
    expect(problems).toEqual([]);
  });

  it('after PostgreSQL starts again, the same app process answers every route normally and takes a signed-in write', async () => {
    if (!cluster!.running) await cluster!.start();
    const started = Date.now();
    const pending = new Map(probes.map((probe) => [probe.name, probe]));
    const last = new Map<string, string>();
    while (pending.size && Date.now() - started < RECOVERY_WAIT_MS) {
      for (const probe of [...pending.values()]) {
        try {
          const response = await probe.run();
          const fine = response.status === 200 && (!probe.signIn || response.signInError === null);
          if (fine) {
            pending.delete(probe.name);
            recovered += 1;
          } else last.set(probe.name, `${response.status} ${response.signInError ?? ''} ${response.text.slice(0, 120)}`);
        } catch (error) {
          last.set(probe.name, (error as Error).message);
        }
      }
      if (pending.size) await sleep(1_000);
    }
    recoveryMs = Date.now() - started;
    expect(
      [...pending.keys()].map((name) => `${name}: ${last.get(name)}`),
      `not recovered within ${RECOVERY_WAIT_MS / 1000}s`,
    ).toEqual([]);
    expect(server!.running, 'the app process was not restarted').toBe(true);
    const fresh = new Client(server!);
    await fresh.signInOrThrow(demoEmail('editor'));
    const written = await fresh.ok<{ id: string; title: string }>('mutation', 'sources.create', sourceInput(dossier.id, 'written after the outage'));
    expect(written.title).toBe('written after the outage');
    const another = await createDossier(fresh, 'after-outage');
    expect(another.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
