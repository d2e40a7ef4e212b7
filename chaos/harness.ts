/**
 * The chaos suite's harness: production builds, real app servers as child processes (started, stopped, killed with
 * SIGKILL), a browser-like HTTP client (cookies, sign-in through next-auth's own endpoints, tRPC over HTTP with
 * superjson), a throwaway PostgreSQL cluster, and table digests to prove that nothing changed.
 *
 * Every address it talks to is loopback: servers bind 127.0.0.1 and all requests go to 127.0.0.1 (with the Host
 * header a browser at http://localhost:PORT would send). Every wait is bounded.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import superjson from 'superjson';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** The app folder servers run in. Development aid: CHAOS_APP_DIR points at another checkout (its own build). */
export const APP_DIR = process.env.CHAOS_APP_DIR ? path.resolve(process.env.CHAOS_APP_DIR) : ROOT;

/** Test-only secret (next-auth wants 32+ characters); used by nothing but the throwaway servers of this suite. */
export const AUTH_SECRET = 'claimdesk-chaos-only-secret-0123456789abcdef';
export const DEMO_PASSWORD = 'claimdesk-demo';
export const DEMO_SLUG = 'nagorno-karabakh-2020';
export type Role = 'admin' | 'editor' | 'viewer';
export const demoEmail = (role: Role) => `${role}@example.org`;
/** Production cookies are Secure and prefixed; on http://localhost the harness sends them back by hand. */
export const SESSION_COOKIE = '__Secure-next-auth.session-token';
/** How many tRPC calls the harness puts in one HTTP request (the app's batch cap must allow at least this). */
export const BATCH_SIZE = Number(process.env.CHAOS_BATCH_SIZE || 20);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const say = (line: string) => process.stderr.write(`[chaos] ${line}\n`);

// ---------------------------------------------------------------------------------------------------------------
// Clean-up of last resort: whatever this process started is killed when it exits, even after a failed hook.
// ---------------------------------------------------------------------------------------------------------------
const liveServers = new Set<AppServer>();
const liveClusters = new Set<PgCluster>();
const tempDirs = new Set<string>();
process.once('exit', () => {
  for (const server of liveServers) server.killAllSync();
  for (const cluster of liveClusters) cluster.stopSync();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system temp folder, removed by `removeTempDir` (or when this process exits). */
export function makeTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimdesk-chaos-${label}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string | undefined): void {
  if (!dir) return;
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------------------------
const nextBin = () => path.join(APP_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * The production build to run: CHAOS_DIST_DIR names an existing one to reuse (e.g. `.next-e2e` right after the e2e
 * suite); otherwise `next build` into `.next-chaos` (CHAOS_SKIP_BUILD=1 reuses an existing `.next-chaos`).
 * `next build` rewrites tsconfig.json and next-env.d.ts for its distDir; both are put back exactly as they were,
 * like scripts/e2e-server.mjs does.
 */
export async function ensureBuild(): Promise<string> {
  const reuse = process.env.CHAOS_DIST_DIR?.trim();
  if (reuse) {
    if (!fs.existsSync(path.join(APP_DIR, reuse, 'BUILD_ID'))) {
      throw new Error(`CHAOS_DIST_DIR=${reuse}, but ${path.join(APP_DIR, reuse)} holds no production build (no BUILD_ID).`);
    }
    say(`reusing the production build in ${reuse}/ (CHAOS_DIST_DIR)`);
    return reuse;
  }
  const distDir = '.next-chaos';
  if (process.env.CHAOS_SKIP_BUILD === '1' && fs.existsSync(path.join(APP_DIR, distDir, 'BUILD_ID'))) {
    say(`CHAOS_SKIP_BUILD=1: reusing ${distDir}/`);
    return distDir;
  }
  say(`building for production into ${distDir}/ (next build)…`);
  const started = Date.now();
  const saved = ['tsconfig.json', 'next-env.d.ts'].map((name) => {
    const file = path.join(APP_DIR, name);
    return { name, file, content: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null };
  });
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    CLAIMDESK_SKIP_BUILD_TYPECHECK: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete environment.DATABASE_URL;
  try {
    const { code, output } = await runCommand(process.execPath, [nextBin(), 'build'], { cwd: APP_DIR, env: environment, timeoutMs: 15 * 60_000 });
    if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output.slice(-4000)}`);
  } finally {
    for (const { name, file, content } of saved) {
      const now = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      if (now === content) continue;
      if (content === null) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, content);
      say(`next build changed ${name} for ${distDir}/; put it back as it was`);
    }
  }
  say(`built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return distDir;
}

/** Runs a command to completion (bounded), keeping its output. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'exit', not 'close': a daemon started by the command (pg_ctl → postgres) may keep the pipes open.
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      setTimeout(() => resolve({ code: code ?? (signal ? 128 : 1), output: Buffer.concat(chunks).toString('utf8') }), 20);
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// App servers
// ---------------------------------------------------------------------------------------------------------------
/**
 * THE command that runs a production server, and the only place that knows it: the project's own
 * `scripts/server.mjs` (it stamps the socket's address for the sign-in limits) when it exists, otherwise
 * `next start`. CHAOS_SERVER=next-start forces the latter.
 */
export function serverCommand(port: number): { command: string; args: string[] } {
  const custom = path.join(APP_DIR, 'scripts', 'server.mjs');
  if (process.env.CHAOS_SERVER !== 'next-start' && fs.existsSync(custom)) {
    return { command: process.execPath, args: [custom, '--port', String(port), '--hostname', '127.0.0.1'] };
  }
  return { command: process.execPath, args: [nextBin(), 'start', '-p', String(port), '-H', '127.0.0.1'] };
}

export interface ServerOptions {
  distDir: string;
  /** Embedded database folder (DATA_DIR); the default when no databaseUrl is given. */
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  /** Run as pid 1 of a new pid namespace (`unshare --fork --pid --mount-proc`), as in a container. */
  pidNamespace?: boolean;
  env?: Record<string, string>;
  label?: string;
}

/** Pids of every process below `pid` (read from /proc). */
export function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) comes after the command name in parentheses, which may itself hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(entry));
      parents.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const result: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of parents.get(queue.shift()!) ?? []) {
      result.push(child);
      queue.push(child);
    }
  }
  return result;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Resident memory of a process in KiB (VmRSS), or null once it is gone. */
export function rssKiB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** One production app server on a loopback port. Start it again after a stop or kill with `start()`. */
export class AppServer {
  readonly port: number;
  readonly origin: string;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private log: string[] = [];
  private logFile: string | null = null;
  starts = 0;

  private constructor(
    readonly options: ServerOptions & { port: number },
  ) {
    this.port = options.port;
    this.origin = `http://localhost:${options.port}`;
  }

  static async start(options: ServerOptions): Promise<AppServer> {
    const server = new AppServer({ ...options, port: options.port ?? (await freePort()) });
    await server.start();
    return server;
  }

  get label() {
    return this.options.label ?? `server:${this.port}`;
  }

  environment(): NodeJS.ProcessEnv {
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: this.options.distDir,
      PORT: String(this.port),
      HOSTNAME: '127.0.0.1',
      AUTH_SECRET,
      NEXTAUTH_URL: this.origin,
      SEED_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      ...this.options.env,
    };
    delete environment.ADMIN_EMAIL;
    delete environment.ADMIN_PASSWORD;
    delete environment.TRUSTED_PROXY_HOPS;
    delete environment.NODE_OPTIONS;
    if (this.options.databaseUrl) {
      environment.DATABASE_URL = this.options.databaseUrl;
      delete environment.DATA_DIR;
    } else {
      if (!this.options.dataDir) throw new Error('AppServer needs a dataDir or a databaseUrl');
      environment.DATA_DIR = this.options.dataDir;
      delete environment.DATABASE_URL;
    }
    return environment;
  }

  /** Starts the process and waits (bounded) until GET /api/health answers 200. */
  async start(timeoutMs = 120_000): Promise<void> {
    if (this.child) throw new Error(`${this.label} is already running`);
    const { command, args } = serverCommand(this.port);
    const [file, argv] = this.options.pidNamespace
      ? ['unshare', ['--fork', '--pid', '--mount-proc', command, ...args]]
      : [command, args];
    this.starts += 1;
    this.log.push(`---- start #${this.starts}: ${[file, ...argv].join(' ')}`);
    const child = spawn(file, argv, { cwd: APP_DIR, env: this.environment(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    liveServers.add(this);
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.log.push(line);
      if (this.log.length > 400) this.log.splice(0, this.log.length - 400);
      if (this.logFile) fs.appendFileSync(this.logFile, chunk);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.log.push(`---- exited: code ${code} signal ${signal}`);
        if (this.child === child) this.child = null;
        resolve();
      });
      child.on('error', (error) => {
        this.log.push(`---- could not start: ${error.message}`);
        if (this.child === child) this.child = null;
        resolve();
      });
    });
    await this.waitReady(timeoutMs);
  }

  /** Bounded wait for /api/health = 200; throws with the server's last output if it exits or never gets ready. */
  async waitReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`${this.label} exited before it was ready:\n${this.logTail()}`);
      try {
        const response = await httpRequest(this.port, '/api/health', { timeoutMs: 5_000 });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    throw new Error(`${this.label} was not ready within ${timeoutMs / 1000}s:\n${this.logTail()}`);
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** The pid of the Node process serving requests (inside the namespace wrapper, if any). */
  serverPid(): number {
    const child = this.child;
    if (!child?.pid) throw new Error(`${this.label} is not running`);
    if (!this.options.pidNamespace) return child.pid;
    const nodes = descendantsOf(child.pid);
    if (!nodes.length) throw new Error(`${this.label}: no process inside the pid namespace`);
    return nodes[0]!;
  }

  /** Resident memory of the server process (and any process it started) in KiB. */
  rssKiB(): number {
    const pid = this.serverPid();
    return [pid, ...descendantsOf(pid)].reduce((sum, each) => sum + (rssKiB(each) ?? 0), 0);
  }

  /** A crash: SIGKILL to the server and everything under it, no clean-up of any kind. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const victims = [this.serverPid(), ...descendantsOf(child.pid)];
    for (const pid of new Set(victims)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await this.waitExit(15_000, 'SIGKILL');
  }

  /** A normal stop (SIGTERM), escalating to SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 20_000): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    try {
      process.kill(this.serverPid(), 'SIGTERM');
    } catch {
      // already gone
    }
    await this.waitExit(timeoutMs, 'SIGTERM');
  }

  private async waitExit(timeoutMs: number, why: string): Promise<void> {
    const child = this.child;
    const timedOut = await Promise.race([this.exited.then(() => false), sleep(timeoutMs).then(() => true)]);
    if (timedOut && child?.pid) {
      this.log.push(`---- still running ${timeoutMs / 1000}s after ${why}; SIGKILL`);
      this.killAllSync();
      await Promise.race([this.exited, sleep(10_000)]);
    }
    // The namespace's processes die with its pid 1; make sure no stray process keeps the data folder.
    liveServers.delete(this);
  }

  /** Synchronous SIGKILL of the whole tree (for exit handlers). */
  killAllSync(): void {
    const pid = this.child?.pid;
    if (!pid) return;
    for (const each of [pid, ...descendantsOf(pid)]) {
      try {
        process.kill(each, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }

  logTail(lines = 60): string {
    return this.log.slice(-lines).join('\n');
  }

  /** Whether a pid is still alive (for checks after a kill). */
  static alive(pid: number): boolean {
    return isAlive(pid);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------------------------
export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  ms: number;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
}

/**
 * One HTTP request to the server on 127.0.0.1:port, with the Host header of http://localhost:port (what a browser
 * on that origin sends). No keep-alive (no reuse races), no redirects followed, bounded in time.
 */
export function httpRequest(port: number, pathAndQuery: string, options: RequestOptions = {}): Promise<HttpResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `localhost:${port}`, 'user-agent': 'claimdesk-chaos', ...options.headers };
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const request = http.request({ host: '127.0.0.1', port, path: pathAndQuery, method: options.method ?? 'GET', headers, agent: false });
    const timer = setTimeout(
      () => request.destroy(new Error(`no complete answer within ${options.timeoutMs ?? 30_000} ms: ${options.method ?? 'GET'} ${pathAndQuery.slice(0, 200)}`)),
      options.timeoutMs ?? 30_000,
    );
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text: body.toString('utf8'), ms: performance.now() - started });
      });
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

export interface StreamedUpload {
  status: number | null;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes handed to the socket before the answer came (or the connection ended). */
  bytesSent: number;
  ms: number;
  error: string | null;
}

/**
 * POSTs `totalBytes` produced chunk by chunk (never held in memory at once) over a raw socket, reading the answer
 * while still sending and stopping as soon as it starts: a server may answer (413) before the body is complete and
 * then reset the connection, which would make an HTTP client report the reset instead of the answer.
 * `prefix` is sent first (e.g. the start of a JSON document), then filler bytes; with `declareLength` the request
 * carries Content-Length, otherwise it is chunked.
 */
export function streamUpload(
  port: number,
  pathAndQuery: string,
  options: { headers: Record<string, string>; prefix: string; totalBytes: number; timeoutMs: number; declareLength: boolean },
): Promise<StreamedUpload> {
  const started = performance.now();
  return new Promise((resolve) => {
    let bytesSent = 0;
    let received = Buffer.alloc(0);
    let status: number | null = null;
    let headers: http.IncomingHttpHeaders = {};
    let bodyStart = -1;
    let socketError: string | null = null;
    let settled = false;
    const socket = net.connect({ host: '127.0.0.1', port });
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const body = bodyStart >= 0 ? received.subarray(bodyStart).toString('utf8') : '';
      resolve({ status, headers, body, bytesSent, ms: performance.now() - started, error: status === null ? (socketError ?? 'no answer') : null });
    };
    const timer = setTimeout(() => {
      socketError ??= `no answer within ${options.timeoutMs} ms`;
      finish();
    }, options.timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      if (received.length < 64 * 1024) received = Buffer.concat([received, chunk]);
      if (status !== null) return;
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const lines = received.subarray(0, end).toString('latin1').split('\r\n');
      status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      headers = Object.fromEntries(
        lines.slice(1).map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      bodyStart = end + 4;
      // Give the (small) body a moment to arrive, then stop.
      setTimeout(finish, 300);
    });
    socket.on('error', (error) => {
      socketError = error.message;
    });
    socket.on('close', () => setTimeout(finish, status === null ? 0 : 50));

    const head = [
      `POST ${pathAndQuery} HTTP/1.1`,
      `Host: localhost:${port}`,
      'User-Agent: claimdesk-chaos',
      ...Object.entries(options.headers).map(([name, value]) => `${name}: ${value}`),
      options.declareLength ? `Content-Length: ${options.totalBytes}` : 'Transfer-Encoding: chunked',
      'Connection: close',
      '',
      '',
    ].join('\r\n');
    const filler = Buffer.alloc(256 * 1024, 'a');
    const prefix = Buffer.from(options.prefix);
    let payloadSent = 0;
    const frame = (piece: Buffer) => (options.declareLength ? [piece] : [Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
    const pump = () => {
      while (status === null && !settled && !socket.destroyed && payloadSent < options.totalBytes) {
        const piece = payloadSent === 0 ? prefix : filler.subarray(0, Math.min(filler.length, options.totalBytes - payloadSent));
        payloadSent += piece.length;
        let flushed = true;
        for (const part of frame(piece)) {
          bytesSent += part.length;
          flushed = socket.write(part) && flushed;
        }
        if (!flushed) {
          socket.once('drain', pump);
          return;
        }
      }
      if (status === null && !settled && !socket.destroyed && !options.declareLength) socket.write('0\r\n\r\n');
    };
    socket.once('connect', () => {
      socket.write(head);
      pump();
    });
  });
}

/** Cookies as a browser on http://localhost would keep them (including `Secure` ones, sent back by hand). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  absorb(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator < 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.split('=').map((part) => part.trim());
        if (key.toLowerCase() === 'max-age') return Number(raw) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(raw) < Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }
}

/** The answer to one tRPC call (one entry of a batch). */
export interface TrpcCallResult<T = unknown> {
  ok: boolean;
  data?: T;
  error?: { message: string; code: string; httpStatus: number };
}

export interface TrpcBatchResult<T = unknown> {
  status: number;
  headers: http.IncomingHttpHeaders;
  items: TrpcCallResult<T>[];
  text: string;
  ms: number;
}

export interface TrpcCall {
  path: string;
  input: unknown;
}

interface TrpcEnvelope {
  result?: { data?: { json?: unknown; meta?: unknown } };
  error?: { json?: { message?: string; code?: number; data?: { code?: string; httpStatus?: number } } };
}

export function parseTrpcBody(status: number, text: string): TrpcCallResult[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const envelopes = (Array.isArray(parsed) ? parsed : [parsed]) as TrpcEnvelope[];
  return envelopes.map((envelope) => {
    if (envelope?.error) {
      const { message = '', data } = envelope.error.json ?? {};
      return { ok: false, error: { message, code: data?.code ?? '', httpStatus: data?.httpStatus ?? status } };
    }
    const data = envelope?.result?.data;
    let value: unknown = data?.json;
    if (data && 'meta' in data && data.meta) value = superjson.deserialize(data as never);
    return { ok: true, data: value };
  });
}

export class TrpcError extends Error {}

/** A browser-like visitor: a cookie jar, the same headers a browser sends, sign-in and tRPC through HTTP. */
export class Client {
  readonly jar: CookieJar;

  constructor(
    readonly server: { port: number; origin: string },
    jar?: CookieJar,
  ) {
    this.jar = jar ?? new CookieJar();
  }

  /** A second client sharing nothing but a copy of this one's cookies (the same session, another tab or thief). */
  copy(): Client {
    return new Client(this.server, this.jar.clone());
  }

  async request(pathAndQuery: string, options: RequestOptions & { cookies?: boolean } = {}): Promise<HttpResult> {
    const headers: Record<string, string> = { ...options.headers };
    const cookie = options.cookies === false ? '' : this.jar.header();
    if (cookie) headers.cookie = cookie;
    const response = await httpRequest(this.server.port, pathAndQuery, { ...options, headers });
    this.jar.absorb(response.headers['set-cookie']);
    return response;
  }

  get(pathAndQuery: string, headers: Record<string, string> = {}, timeoutMs?: number) {
    return this.request(pathAndQuery, { headers: { accept: 'text/html,application/json;q=0.9,*/*;q=0.8', ...headers }, timeoutMs });
  }

  /** Headers a same-origin browser fetch carries on a POST. */
  browserPostHeaders(contentType: string): Record<string, string> {
    return {
      'content-type': contentType,
      origin: this.server.origin,
      referer: `${this.server.origin}/login`,
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
      'sec-fetch-dest': 'empty',
    };
  }

  async csrfToken(): Promise<string> {
    const response = await this.get('/api/auth/csrf');
    if (response.status !== 200) throw new Error(`GET /api/auth/csrf → ${response.status}: ${response.text.slice(0, 300)}`);
    return (JSON.parse(response.text) as { csrfToken: string }).csrfToken;
  }

  /**
   * Signs in through next-auth's credentials endpoint, as the login form does (json=true: the answer is JSON with the
   * URL next-auth would redirect to; a failure carries `error=` in it).
   */
  async signIn(email: string, password: string, extraHeaders: Record<string, string> = {}, timeoutMs = 60_000) {
    const csrfToken = await this.csrfToken();
    const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${this.server.origin}/desk`, json: 'true' });
    const started = performance.now();
    const response = await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { ...this.browserPostHeaders('application/x-www-form-urlencoded'), ...extraHeaders },
      body: form.toString(),
      timeoutMs,
    });
    const ms = performance.now() - started;
    let url: string | null = null;
    try {
      url = (JSON.parse(response.text) as { url?: string }).url ?? null;
    } catch {
      url = typeof response.headers.location === 'string' ? response.headers.location : null;
    }
    let error: string | null = null;
    if (url) {
      try {
        error = new URL(url, this.server.origin).searchParams.get('error');
      } catch {
        error = 'unparsable-url';
      }
    }
    const ok = response.status === 200 && Boolean(url) && !error && Boolean(this.jar.get(SESSION_COOKIE));
    return { ok, status: response.status, url, error, ms, response };
  }

  async signInOrThrow(email: string, password: string = DEMO_PASSWORD): Promise<void> {
    const result = await this.signIn(email, password);
    if (!result.ok) throw new Error(`sign-in as ${email} failed: ${result.status} ${result.url ?? ''} ${result.response.text.slice(0, 300)}`);
  }

  async signOut(): Promise<HttpResult> {
    const csrfToken = await this.csrfToken();
    return this.request('/api/auth/signout', {
      method: 'POST',
      headers: this.browserPostHeaders('application/x-www-form-urlencoded'),
      body: new URLSearchParams({ csrfToken, callbackUrl: this.server.origin, json: 'true' }).toString(),
    });
  }

  /** The URL and body of a batched tRPC request, as @trpc/client's httpBatchLink builds them. */
  static trpcRequest(kind: 'query' | 'mutation', calls: TrpcCall[]) {
    const payload = Object.fromEntries(calls.map((call, index) => [String(index), superjson.serialize(call.input)]));
    const pathPart = calls.map((call) => call.path).join(',');
    return kind === 'query'
      ? { url: `/api/trpc/${pathPart}?batch=1&input=${encodeURIComponent(JSON.stringify(payload))}`, body: undefined }
      : { url: `/api/trpc/${pathPart}?batch=1`, body: JSON.stringify(payload) };
  }

  async trpcBatch<T = unknown>(kind: 'query' | 'mutation', calls: TrpcCall[], timeoutMs = 60_000): Promise<TrpcBatchResult<T>> {
    const { url, body } = Client.trpcRequest(kind, calls);
    return this.trpcRaw<T>(kind === 'query' ? 'GET' : 'POST', url, body, timeoutMs);
  }

  /** A tRPC request with a hand-made URL and body (bytes as given). */
  async trpcRaw<T = unknown>(method: 'GET' | 'POST', url: string, body?: string | Buffer, timeoutMs = 60_000): Promise<TrpcBatchResult<T>> {
    const headers: Record<string, string> =
      method === 'POST' ? this.browserPostHeaders('application/json') : { accept: '*/*', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' };
    headers.referer = `${this.server.origin}/desk`;
    const response = await this.request(url, { method, headers, body, timeoutMs });
    return { status: response.status, headers: response.headers, items: parseTrpcBody(response.status, response.text) as TrpcCallResult<T>[], text: response.text, ms: response.ms };
  }

  async call<T = unknown>(kind: 'query' | 'mutation', path: string, input?: unknown): Promise<TrpcCallResult<T> & { status: number; headers: http.IncomingHttpHeaders; text: string }> {
    const batch = await this.trpcBatch<T>(kind, [{ path, input }]);
    const item = batch.items[0] ?? { ok: false, error: { message: batch.text.slice(0, 300), code: 'NO_ANSWER', httpStatus: batch.status } };
    return { ...item, status: batch.status, headers: batch.headers, text: batch.text };
  }

  query<T = unknown>(path: string, input?: unknown) {
    return this.call<T>('query', path, input);
  }

  mutation<T = unknown>(path: string, input?: unknown) {
    return this.call<T>('mutation', path, input);
  }

  /** The data, or an error naming the procedure and the server's answer. */
  async ok<T = unknown>(kind: 'query' | 'mutation', path: string, input?: unknown): Promise<T> {
    const result = await this.call<T>(kind, path, input);
    if (!result.ok) throw new TrpcError(`${path} → ${result.status} ${result.error?.code}: ${result.error?.message}`);
    return result.data as T;
  }
}

/** Splits a list into batches of at most `size`. */
export function chunked<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let index = 0; index < items.length; index += size) batches.push(items.slice(index, index + size));
  return batches;
}

// ---------------------------------------------------------------------------------------------------------------
// Domain shortcuts (shapes as the desk API returns them)
// ---------------------------------------------------------------------------------------------------------------
export interface DossierRow {
  id: string;
  slug: string;
  title: string;
  version: number;
  status?: string;
}
export interface SourceRow {
  id: string;
  dossierId: string;
  title: string;
  url: string | null;
  version: number;
}
export interface UserRow {
  id: string;
  email: string;
  role: Role;
  active: boolean;
  version: number;
}
export interface AuditRow {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
}

export const sourceInput = (dossierId: string, title: string) => ({
  dossierId,
  url: null,
  title,
  outlet: 'Chaos desk',
  author: '',
  kind: 'news_report',
  language: 'en',
  publishedAt: null,
  retrievedAt: null,
  archiveUrl: null,
  reliability: 'C',
  internalNotes: '',
});

export async function createDossier(editor: Client, label: string): Promise<DossierRow> {
  const slug = `chaos-${label}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  return editor.ok<DossierRow>('mutation', 'dossiers.create', { title: `Chaos ${label}`, slug, summary: '', eventsStartOn: null, eventsEndOn: null });
}

/** Every audit entry of a dossier, newest first, through the desk's activity feed (paged, bounded). */
export async function dossierActivity(client: Client, dossierId: string, maxPages = 200): Promise<AuditRow[]> {
  const all: AuditRow[] = [];
  let before: number | undefined;
  for (let page = 0; page < maxPages; page++) {
    const rows = await client.ok<AuditRow[]>('query', 'audit.dossierActivity', { dossierId, before, limit: 100 });
    all.push(...rows);
    if (rows.length < 100) return all;
    before = rows[rows.length - 1]!.id;
  }
  throw new Error(`audit.dossierActivity: more than ${maxPages} pages`);
}

// ---------------------------------------------------------------------------------------------------------------
// A throwaway PostgreSQL cluster (its own data folder, port and socket; never the shared server on 5432)
// ---------------------------------------------------------------------------------------------------------------
function postgresBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((name) => fs.existsSync(path.join(base, name, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql (initdb not found).');
  return path.join(base, versions[0], 'bin');
}

function postgresAccount(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('No postgres system account: initdb refuses to run as root.');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Why a throwaway PostgreSQL cluster cannot be made here, or null when it can. CI (CI=true, root, Debian's
 * PostgreSQL) always can; on a developer machine without PostgreSQL's server binaries or root, the PostgreSQL
 * scenarios are skipped with this reason instead of failing.
 */
export function postgresClusterUnavailable(): string | null {
  if (process.env.CI) return null;
  try {
    postgresBinDir();
    postgresAccount();
  } catch (error) {
    return (error as Error).message;
  }
  if (process.getuid?.() !== 0) return 'not root: runuser cannot start initdb as the postgres account';
  return null;
}

export class PgCluster {
  running = false;
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  get dataDir() {
    return path.join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** initdb (as the postgres account: it refuses root) and start, on a free port bound to 127.0.0.1 only. */
  static async create(): Promise<PgCluster> {
    const dir = makeTempDir('pg');
    const account = postgresAccount();
    fs.chownSync(dir, account.uid, account.gid);
    const cluster = new PgCluster(dir, await freePort(), postgresBinDir());
    liveClusters.add(cluster);
    const init = await cluster.asPostgres('initdb', ['-D', cluster.dataDir, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], 120_000);
    if (init.code !== 0) throw new Error(`initdb failed:\n${init.output}`);
    await cluster.start();
    return cluster;
  }

  private asPostgres(tool: string, args: string[], timeoutMs: number) {
    return runCommand('runuser', ['-u', 'postgres', '--', path.join(this.bin, tool), ...args], { cwd: this.dir, timeoutMs });
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
    const result = await this.asPostgres('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'], 90_000);
    if (result.code !== 0) throw new Error(`pg_ctl start failed:\n${result.output}\n${this.logTail()}`);
    this.running = true;
  }

  /** A crash-like stop: no checkpoint, connections cut (`pg_ctl stop -m immediate`). */
  async stopImmediate(): Promise<void> {
    const result = await this.asPostgres('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', '-t', '60', 'stop'], 90_000);
    if (result.code !== 0) throw new Error(`pg_ctl stop failed:\n${result.output}`);
    this.running = false;
  }

  /** For exit handlers: stop whatever runs from this folder, synchronously. */
  stopSync(): void {
    if (!fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) return;
    spawnSync('runuser', ['-u', 'postgres', '--', path.join(this.bin, 'pg_ctl'), '-D', this.dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop'], {
      cwd: this.dir,
      stdio: 'ignore',
      timeout: 40_000,
    });
  }

  async destroy(): Promise<void> {
    if (fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) await this.stopImmediate().catch(() => this.stopSync());
    liveClusters.delete(this);
    removeTempDir(this.dir);
  }

  async createDatabase(name: string): Promise<string> {
    await this.withClient('postgres', (client) => client.query(`create database "${name}"`));
    return this.url(name);
  }

  async withClient<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.url(database), connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  logTail(): string {
    try {
      return fs.readFileSync(path.join(this.dir, 'server.log'), 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      return '';
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a database directly (the server stopped, for the embedded one)
// ---------------------------------------------------------------------------------------------------------------
export type SqlReader = (text: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** Opens a stopped server's embedded database with the project's own opener (which also takes its lock). */
export async function withPglite<T>(dataDir: string, work: (read: SqlReader) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('@/server/db/client');
  const handle = await openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  const client = (handle.db as unknown as { $client: { query: (text: string, params?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> } }).$client;
  try {
    return await work(async (text, params) => (await client.query(text, params)).rows);
  } finally {
    await handle.close();
  }
}

export async function withPostgres<T>(url: string, work: (read: SqlReader) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(async (text, params) => (await client.query(text, params)).rows as Array<Record<string, unknown>>);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TableDigest {
  rows: number;
  md5: string;
}

/** Row count and an md5 over every row (in a stable order) of every table in the public schema. */
export async function digestTables(read: SqlReader): Promise<Record<string, TableDigest>> {
  const tables = await read(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const digests: Record<string, TableDigest> = {};
  for (const { name } of tables) {
    const quoted = `"${String(name).replace(/"/g, '""')}"`;
    const [row] = await read(`select count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as md5 from ${quoted} t`);
    digests[String(name)] = { rows: Number(row?.rows ?? 0), md5: String(row?.md5 ?? '') };
  }
  return digests;
}

