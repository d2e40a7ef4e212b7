/**
 * The production server of `npm run bench` and what the bench asks it over HTTP: the build (made when missing,
 * serialised with other builds on this machine), `node scripts/server.mjs` on a loopback port with the bench
 * database, sign-in through next-auth's credentials endpoint, timed downloads, tRPC calls as the browser's links
 * send them, autocannon runs and the server's resident memory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import superjson from 'superjson';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The production build the bench runs: BENCH_NEXT_DIST_DIR (default .next-bench), built when it holds none or when
 * BENCH_REBUILD=1. `next build` waits for /tmp/build.lock (other builds on this machine), and tsconfig.json is put
 * back if the build rewrote it for its dist dir.
 */
export function ensureBuild(): string {
  const distDir = process.env.BENCH_NEXT_DIST_DIR?.trim() || '.next-bench';
  const built = fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'));
  if (built && process.env.BENCH_REBUILD !== '1') {
    console.error(`[bench] using the production build in ${distDir}/ (BENCH_REBUILD=1 to build it again)`);
    return distDir;
  }
  console.error(`[bench] building for production into ${distDir}/ …`);
  const started = performance.now();
  const script = [
    'saved=$(mktemp)',
    'cp tsconfig.json "$saved"',
    'npx next build',
    'status=$?',
    'cmp -s tsconfig.json "$saved" || cp "$saved" tsconfig.json',
    'rm -f "$saved"',
    'exit $status',
  ].join('\n');
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    CLAIMDESK_SKIP_BUILD_TYPECHECK: '1',
  };
  delete environment.DATABASE_URL;
  delete environment.DATA_DIR;
  const result = spawnSync('flock', ['/tmp/build.lock', 'sh', '-c', script], { cwd: ROOT, env: environment, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  console.error(`[bench] built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return distDir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process now and its peak so far (VmRSS, VmHWM), in MiB. */
export function residentMemory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? NaN) / 1024;
  return { rssMiB: field('VmRSS'), peakMiB: field('VmHWM') };
}

export interface BenchServer {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * `node scripts/server.mjs` on 127.0.0.1 and a free port, on the bench database (`DATA_DIR` for PGlite,
 * `DATABASE_URL` for PostgreSQL), with a throwaway AUTH_SECRET and no demo seed. Waits for /api/health.
 */
export async function startServer(distDir: string, database: { DATA_DIR: string } | { DATABASE_URL: string }): Promise<BenchServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    PORT: String(port),
    AUTH_SECRET: randomBytes(32).toString('base64'),
    NEXTAUTH_URL: origin,
    SEED_DEMO: '0',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'NODE_OPTIONS', 'TRUSTED_PROXY_HOPS']) delete environment[name];
  Object.assign(environment, database);
  const output: string[] = [];
  const child = spawn(process.execPath, ['scripts/server.mjs', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: ROOT,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready:\n${output.join('')}`);
    const ready = await fetch(`${origin}/api/health`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready within 3 minutes:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { origin, pid: child.pid!, stop };
}

/** Signs in through next-auth's credentials endpoint as the login form does; returns the Cookie header to send. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const absorb = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator > 0) jar.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  absorb(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin,
      referer: `${origin}/login`,
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
      'sec-fetch-dest': 'empty',
      cookie: cookie(),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/desk`, json: 'true' }).toString(),
  });
  absorb(response);
  if (![...jar.keys()].some((name) => name.endsWith('next-auth.session-token'))) {
    throw new Error(`sign-in as ${email} failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  return cookie();
}

export interface Download {
  status: number;
  ms: number;
  /** Bytes of the body as sent (compressed when the server compressed it). */
  bytes: number;
  encoding: string;
  body: Buffer;
}

/**
 * One GET, timed until its last byte; the body is kept as it came over the wire (no decompression), so `bytes`
 * is what was sent. `keepBody: false` counts bytes without holding them (large exports).
 */
export function download(url: string, headers: Record<string, string> = {}, keepBody = true): Promise<Download> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.byteLength;
        if (keepBody) chunks.push(chunk);
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          ms: performance.now() - started,
          bytes,
          encoding: String(response.headers['content-encoding'] ?? 'identity'),
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    request.setTimeout(600_000, () => request.destroy(new Error(`no answer within 10 minutes: ${url}`)));
    request.on('error', reject);
  });
}

/** The URL of a tRPC query as the browser's links send it: batched (httpBatchLink) or alone (httpLink). */
export function trpcQueryUrl(origin: string, procedure: string, input: unknown, batched: boolean): string {
  const serialized = superjson.serialize(input);
  return batched
    ? `${origin}/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: serialized }))}`
    : `${origin}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(serialized))}`;
}

/** GETs a tRPC query URL and fails loudly on anything but a 200 (a wrong input would otherwise time an error). */
export async function trpcQuery(url: string, cookie: string): Promise<Download> {
  const result = await download(url, { cookie, accept: '*/*' });
  if (result.status !== 200) throw new Error(`${url.split('?')[0]} answered ${result.status}: ${result.body.toString('utf8').slice(0, 300)}`);
  return result;
}

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  requests: number;
  statuses: string;
  errors: number;
}

/**
 * autocannon against one URL: `connections` clients for `seconds`, with the headers a browser sends for a page
 * (HTML, gzip accepted). Statuses are reported so a page that answers 500 cannot pass for a fast one.
 */
export async function load(url: string, seconds: number, connections = 50, headers: Record<string, string> = {}): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip', ...headers },
  });
  const statuses = (['2xx', '3xx', '4xx', '5xx'] as const).filter((key) => result[key] > 0).map((key) => `${result[key]} ${key}`);
  return {
    // Answers completed per second of the run (requests still in flight when it ends are not counted).
    requestsPerSecond: result.requests.total / result.duration,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    statuses: statuses.join(', '),
    errors: result.errors,
  };
}

/**
 * Waits until the server answers /api/health within 100 ms twice in a row: after a load run, requests autocannon
 * left in flight are still being rendered, and the next measurement must not queue behind them. Returns how long
 * it waited (bounded by `timeoutMs`).
 */
export async function waitIdle(origin: string, timeoutMs = 300_000): Promise<number> {
  const started = performance.now();
  let quick = 0;
  while (quick < 2 && performance.now() - started < timeoutMs) {
    const answer = await download(`${origin}/api/health`).catch(() => null);
    quick = answer && answer.status === 200 && answer.ms < 100 ? quick + 1 : 0;
    if (quick < 2) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return performance.now() - started;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Mean time of `count` sequential calls of `task` after one untimed call. */
export async function meanMs(task: () => Promise<unknown>, count: number): Promise<number> {
  await task();
  const started = performance.now();
  for (let index = 0; index < count; index++) await task();
  return (performance.now() - started) / count;
}
