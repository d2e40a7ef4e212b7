/**
 * (c) A fuzz sweep generated from every procedure's zod input, over HTTP to one production server (embedded PGlite),
 * as an admin (the strongest role, so nothing is refused before its input is read). Every mutation gets at least
 * MUTATION_CASES malformed inputs that cannot succeed (chaos/fuzz.ts checks each one against the procedure's own
 * schema before sending it), every query at least QUERY_CASES inputs of any kind. What a user would notice if it
 * went wrong: a 500 ("Something went wrong"), or data that changed although every write was refused.
 *
 * "Nothing changed" is checked on the database itself: the server is stopped and its data folder opened with the
 * project's own opener before and after; every table's row count and an md5 over its rows must be equal — except
 * login_throttle, whose counters legitimately move on failed password checks (none are expected here either, as
 * no valid-shaped password change is sent).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { plausibleInput, type Seeded } from '@/server/testing/procedure-inputs';
import { appRouter } from '@/server/trpc/root';
import { batchBody, CaseGenerator, mulberry32, objectKeys, percentEncode, seedFor, type FuzzCase, type KnownRow, type ProcedureSpec } from './fuzz';
import {
  AppServer,
  BATCH_SIZE,
  Client,
  DEMO_SLUG,
  demoEmail,
  digestTables,
  makeTempDir,
  removeTempDir,
  say,
  withPglite,
  type DossierRow,
  type SourceRow,
  type TableDigest,
  type UserRow,
} from './harness';

const SEED = Number(process.env.CHAOS_SEED || 20_200_927);
const MUTATION_CASES = Number(process.env.CHAOS_FUZZ_MUTATION_CASES || 1_000);
const QUERY_CASES = Number(process.env.CHAOS_FUZZ_QUERY_CASES || 200);
/** Tables whose rows may change on refused calls: failed password checks are counted there. */
const MAY_CHANGE = new Set(['login_throttle']);
/** Requests in flight at once (two cores: the server and this process). */
const CONCURRENCY = 2;
/** Mutation bodies: batches up to this size; anything bigger travels alone. */
const MAX_BATCH_BYTES = 256 * 1024;
/** Query URLs (GET, the input in the query string) are kept under Node's 16 KiB header limit. */
const MAX_URL_CHARS = 6_000;
const SLOW_MS = 3_000;
/** Development aid: fuzz only the procedures whose path matches (e.g. CHAOS_FUZZ_ONLY='^sources\.'). */
const ONLY = new RegExp(process.env.CHAOS_FUZZ_ONLY || '.');
/** Bound for one request; a server that does not answer in this time counts as a call without an answer. */
const REQUEST_TIMEOUT_MS = 30_000;

interface Finding {
  path: string;
  note: string;
  status: number;
  message: string;
}

type ProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] } };

describe('(c) fuzz sweep from every procedure’s zod input, as admin, over HTTP', () => {
  const distDir = inject('distDir');
  let dataDir: string;
  let server: AppServer | undefined;
  let admin: Client;
  let specs: ProcedureSpec[];
  let known: Map<string, KnownRow>;
  let before: Record<string, TableDigest>;
  const calls = new Map<string, number>();
  const serverErrors: Finding[] = [];
  const noAnswer: Finding[] = [];
  let requests = 0;
  /** Requests that took longer than SLOW_MS (reported, not failed: timing is not asserted). */
  const slow: string[] = [];
  let generatingMs = 0;
  const startedAt = Date.now();

  beforeAll(async () => {
    dataDir = makeTempDir('fuzz');
    server = await AppServer.start({ distDir, dataDir, label: 'fuzz' });
    admin = new Client(server);
    await admin.signInOrThrow(demoEmail('admin'));

    // Real rows, to build valid samples and to aim valid-shaped calls at real ids with a stale version.
    const dossier = await admin.ok<DossierRow>('query', 'dossiers.bySlug', { slug: DEMO_SLUG });
    const page = await admin.ok<{ items: SourceRow[] }>('query', 'sources.list', { dossierId: dossier.id, limit: 50 });
    const users = await admin.ok<UserRow[]>('query', 'users.list');
    expect(page.items.length, 'the demo dossier has sources').toBeGreaterThan(0);
    const source = page.items[0]!;
    const seeded = { dossier, source } as unknown as Seeded;
    known = new Map<string, KnownRow>([
      [dossier.id.toLowerCase(), { kind: 'dossier', version: dossier.version }],
      ...page.items.map((item) => [item.id.toLowerCase(), { kind: 'source', version: item.version }] as const),
      ...users.map((user) => [user.id.toLowerCase(), { kind: 'user', version: user.version }] as const),
    ]);

    const realRowsFor = (path: string) => {
      if (path.startsWith('dossiers.')) return [{ id: dossier.id, version: dossier.version }];
      if (path.startsWith('sources.')) return page.items.slice(0, 3).map((item) => ({ id: item.id, version: item.version }));
      if (path.startsWith('users.')) return users.map((user) => ({ id: user.id, version: user.version }));
      return [];
    };
    const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
    specs = Object.keys(procedures)
      .sort()
      .map((path) => {
        const def = procedures[path]!._def;
        const schema = def.inputs[0] as ProcedureSpec['schema'];
        const sample = plausibleInput[path];
        if (!sample) throw new Error(`no valid sample for ${path} in server/testing/procedure-inputs.ts`);
        const realRows = realRowsFor(path);
        const bases: ProcedureSpec['bases'] = [() => sample(seeded)];
        // Updates aimed at real rows with their current version: valid as they stand, so only ever sent broken.
        if (def.type === 'mutation' && realRows.length && objectKeys(schema).includes('version')) {
          bases.push(() => ({ ...(sample(seeded) as object), ...realRows[0]! }));
        }
        const creates = !objectKeys(schema).includes('id');
        return {
          path,
          type: def.type === 'mutation' ? 'mutation' : 'query',
          schema,
          keys: objectKeys(schema),
          bases,
          validShapeWhenUnknownOrStale: def.type === 'mutation' && (!creates || path === 'sources.create'),
          realRows,
        } satisfies ProcedureSpec;
      });

    // The baseline, read from the data folder itself with the server stopped; the admin's cookie stays valid.
    await server.stop();
    before = await withPglite(dataDir, digestTables);
    await server.start();
    expect((await admin.query('users.me')).status, 'the admin session survives a restart').toBe(200);
  });

  afterAll(async () => {
    await server?.kill9().catch(() => undefined);
    removeTempDir(dataDir);
    if (slow.length) say(`fuzz: ${slow.length} slow requests (> ${SLOW_MS} ms):\n  ${slow.slice(0, 30).join('\n  ')}`);
    const total = [...calls.values()].reduce((sum, count) => sum + count, 0);
    const mutations = specs?.filter((spec) => spec.type === 'mutation') ?? [];
    const perMutation = mutations.map((spec) => calls.get(spec.path) ?? 0);
    console.log(
      `[chaos] (c) fuzz: ${total} calls in ${requests} HTTP requests (≤${BATCH_SIZE} per batch) over ${specs?.length ?? 0} procedures; ` +
        `${mutations.length} mutations × ${Math.min(...perMutation)}–${Math.max(...perMutation)} malformed calls, ` +
        `queries × ≥${QUERY_CASES}; ${serverErrors.length} answers ≥500, ${noAnswer.length} without an answer; ` +
        `${((Date.now() - startedAt) / 1000).toFixed(0)}s, of which ${(generatingMs / 1000).toFixed(0)}s generating (seed ${SEED})`,
    );
  });

  /** Groups cases into requests: alone ones by themselves, the rest in batches bounded by count and size. */
  const plan = (kind: 'query' | 'mutation', cases: FuzzCase[]): FuzzCase[][] => {
    const groups: FuzzCase[][] = [];
    let current: FuzzCase[] = [];
    const size = (group: FuzzCase[]) =>
      kind === 'mutation' ? batchBody(group).length : percentEncode(batchBody(group)).length + group.map((c) => c.path.length + 1).reduce((a, b) => a + b, 0);
    const limit = kind === 'mutation' ? MAX_BATCH_BYTES : MAX_URL_CHARS;
    for (const fuzzCase of cases) {
      if (fuzzCase.alone || size([fuzzCase]) > limit) {
        groups.push([fuzzCase]);
        continue;
      }
      if (current.length >= BATCH_SIZE || size([...current, fuzzCase]) > limit) {
        groups.push(current);
        current = [];
      }
      current.push(fuzzCase);
    }
    if (current.length) groups.push(current);
    return groups;
  };

  const send = async (kind: 'query' | 'mutation', group: FuzzCase[]) => {
    const paths = group.map((fuzzCase) => fuzzCase.path).join(',');
    const body = batchBody(group);
    requests += 1;
    for (const fuzzCase of group) calls.set(fuzzCase.path, (calls.get(fuzzCase.path) ?? 0) + 1);
    let answer;
    const started = Date.now();
    try {
      answer =
        kind === 'mutation'
          ? await admin.trpcRaw('POST', `/api/trpc/${paths}?batch=1`, body, REQUEST_TIMEOUT_MS)
          : await admin.trpcRaw('GET', `/api/trpc/${paths}?batch=1&input=${percentEncode(body)}`, undefined, REQUEST_TIMEOUT_MS);
    } catch (error) {
      for (const fuzzCase of group) noAnswer.push({ path: fuzzCase.path, note: fuzzCase.note, status: 0, message: `${(error as Error).message} after ${Date.now() - started} ms` });
      return;
    } finally {
      const ms = Date.now() - started;
      if (ms > SLOW_MS) slow.push(`${ms} ms for ${group.length} × ${group[0]!.path} (${body.length} bytes): ${group.map((fuzzCase) => fuzzCase.note).join(' | ')}`.slice(0, 400));
    }
    if (answer.status >= 500) {
      for (const fuzzCase of group) serverErrors.push({ path: fuzzCase.path, note: fuzzCase.note, status: answer.status, message: answer.text.slice(0, 200) });
      return;
    }
    answer.items.forEach((item, index) => {
      const fuzzCase = group[index];
      if (!fuzzCase || item.ok) return;
      if ((item.error?.httpStatus ?? 0) >= 500 || item.error?.code === 'INTERNAL_SERVER_ERROR') {
        serverErrors.push({ path: fuzzCase.path, note: fuzzCase.note, status: item.error?.httpStatus ?? 0, message: item.error?.message.slice(0, 200) ?? '' });
      }
    });
  };

  /**
   * Generates each procedure's cases in slices and sends them while the next slice is generated (generation is
   * CPU work in this process, answering is the server's: on two cores they overlap).
   */
  const sweep = async (kind: 'query' | 'mutation', count: number) => {
    const chosen = specs.filter((spec) => spec.type === kind && ONLY.test(spec.path));
    const queue: FuzzCase[][] = [];
    let producing = true;
    const producer = (async () => {
      try {
        for (const spec of chosen) {
          const generator = new CaseGenerator(mulberry32(seedFor(spec.path, SEED)), spec, known, {
            // Queries travel in the URL; mutation bodies may be large (one per request above 64 KiB).
            maxEntryBytes: kind === 'mutation' ? 1_100_000 : 1_800,
            hugeSizes: kind === 'mutation' ? [1_000, 10_000, 100_000, 1_000_000] : [300, 1_000, 1_500],
            depths: kind === 'mutation' ? [100, 1_000, 3_000, 10_000] : [100, 300],
          });
          for (let made = 0; made < count; made += 50) {
            const started = Date.now();
            const slice = Array.from({ length: Math.min(50, count - made) }, () => generator.next());
            queue.push(...plan(kind, slice));
            generatingMs += Date.now() - started;
            // Stay a few requests ahead of the senders, not the whole sweep (which would hold hundreds of MB).
            while (queue.length > 4 * CONCURRENCY) await new Promise((resolve) => setTimeout(resolve, 2));
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
      } finally {
        producing = false;
      }
    })();
    await Promise.all([
      producer,
      ...Array.from({ length: CONCURRENCY }, async () => {
        while (producing || queue.length) {
          const group = queue.shift();
          if (group) await send(kind, group);
          else await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }),
    ]);
    return chosen;
  };

  const describeFindings = (findings: Finding[]) =>
    findings.slice(0, 25).map((finding) => `${finding.path} [${finding.note}] → ${finding.status}: ${finding.message}`);

  it(`every mutation: ≥${MUTATION_CASES} malformed inputs each, not one answer ≥500`, async () => {
    const mutations = await sweep('mutation', MUTATION_CASES);
    say(`fuzz mutations: ${mutations.map((spec) => `${spec.path} ${calls.get(spec.path)}`).join(', ')}`);
    for (const spec of mutations) expect(calls.get(spec.path), spec.path).toBeGreaterThanOrEqual(MUTATION_CASES);
    expect(describeFindings(noAnswer), `${noAnswer.length} calls got no answer`).toEqual([]);
    expect(describeFindings(serverErrors), `${serverErrors.length} calls answered ≥500`).toEqual([]);
    // 37,000 calls, some of a megabyte: about 2 minutes here, twice that on a busy CI machine. A bound, not a target.
  }, 15 * 60_000);

  it(`every query: ≥${QUERY_CASES} inputs each, not one answer ≥500`, async () => {
    const before5xx = serverErrors.length;
    const queries = await sweep('query', QUERY_CASES);
    for (const spec of queries) expect(calls.get(spec.path), spec.path).toBeGreaterThanOrEqual(QUERY_CASES);
    const found = serverErrors.slice(before5xx);
    expect(describeFindings(found), `${found.length} query calls answered ≥500`).toEqual([]);
    expect((await admin.get('/api/health')).status, 'the server is still healthy').toBe(200);
  });

  it('not one row changed in any table (row counts and checksums, read from the data folder)', async () => {
    await server!.stop();
    const after = await withPglite(dataDir, digestTables);
    const changed = Object.keys({ ...before, ...after })
      .filter((table) => !MAY_CHANGE.has(table))
      .filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]))
      .map((table) => `${table}: ${JSON.stringify(before[table])} → ${JSON.stringify(after[table])}`);
    say(`fuzz: tables compared: ${Object.keys(after).filter((table) => !MAY_CHANGE.has(table)).join(', ')} (not compared: ${[...MAY_CHANGE].join(', ')})`);
    expect(changed).toEqual([]);
  });
});
