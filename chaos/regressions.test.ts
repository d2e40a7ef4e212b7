/**
 * (d) Regression tests over real HTTP, one production server on a throwaway embedded database, for the defects
 * being fixed: open redirects through /login's callbackUrl, sessions that outlive sign-out / password and role
 * changes / disabling (or get extended by reading them), guessing the current password, oversized batches and
 * bodies, desk data without `Cache-Control: private, no-store`, and a per-address sign-in limit that trusted
 * X-Forwarded-For.
 *
 * The per-address limit runs last: it locks this socket's address (127.0.0.1) out of signing in for 15 minutes.
 */
import { decode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  AppServer,
  AUTH_SECRET,
  Client,
  DEMO_PASSWORD,
  DEMO_SLUG,
  demoEmail,
  makeTempDir,
  removeTempDir,
  say,
  sleep,
  sourceInput,
  streamUpload,
  SESSION_COOKIE,
  type DossierRow,
  type Role,
  type UserRow,
} from './harness';

const SESSION_HOURS = 10;
const MiB = 1024 * 1024;

let server: AppServer | undefined;
let dataDir: string;
let admin: Client;
let editor: Client;
let dossier: DossierRow;
const summary: string[] = [];
let accountCounter = 0;
const run = Date.now().toString(36);

/** A new account made by the admin, signed in with its temporary password. */
async function newAccount(role: Role = 'viewer') {
  const email = `chaos-${role}-${run}-${++accountCounter}@example.org`;
  const created = await admin.ok<{ user: UserRow; temporaryPassword: string }>('mutation', 'users.create', { email, name: `Chaos ${accountCounter}`, role });
  const client = new Client(server!);
  await client.signInOrThrow(email, created.temporaryPassword);
  return { client, email, id: created.user.id, password: created.temporaryPassword };
}

async function currentVersion(id: string): Promise<number> {
  const users = await admin.ok<UserRow[]>('query', 'users.list');
  const user = users.find((each) => each.id === id);
  if (!user) throw new Error(`user ${id} not in users.list`);
  return user.version;
}

/** The old cookie no longer opens the desk, and /api/auth/session says nobody is signed in (and who they were). */
async function expectSignedOut(old: Client, account: { email: string; id: string }, what: string) {
  const me = await old.query('users.me');
  expect(me.status, `${what}: users.me with the old cookie → ${me.status} ${me.text.slice(0, 120)}`).toBe(401);
  const session = await old.get('/api/auth/session');
  expect(session.status, `${what}: /api/auth/session`).toBeLessThan(500);
  const body = session.text;
  expect(body, `${what}: /api/auth/session still names the user`).not.toContain(account.email);
  expect(body, `${what}: /api/auth/session still carries the user's id`).not.toContain(account.id);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: checked above that it names nobody
  }
  const user = (parsed as { user?: unknown } | null)?.user;
  expect(user ?? null, `${what}: /api/auth/session answers a user`).toBeNull();
}

beforeAll(async () => {
  dataDir = makeTempDir('regressions');
  server = await AppServer.start({ distDir: inject('distDir'), dataDir, label: 'regressions' });
  admin = new Client(server);
  await admin.signInOrThrow(demoEmail('admin'));
  editor = new Client(server);
  await editor.signInOrThrow(demoEmail('editor'));
  dossier = await editor.ok<DossierRow>('query', 'dossiers.bySlug', { slug: DEMO_SLUG });
});

afterAll(async () => {
  await server?.kill9().catch(() => undefined);
  removeTempDir(dataDir);
  console.log(`[chaos] (d) regressions: ${summary.join('; ')}`);
});

// -----------------------------------------------------------------------------------------------------------------
describe('1. open redirect through /login?callbackUrl=', () => {
  /** Query-string values as an attacker would put them in a link (already percent-encoded). */
  const evil = [
    '%2F%09%2Fevil.example',
    '%2F%2Fevil.example',
    '%2F%5Cevil.example',
    '%5C%5Cevil.example',
    '%2F%5C%2Fevil.example',
    '%2F%2F%2Fevil.example',
    'https%3A%2F%2Fevil.example',
    'HTTPS%3A%2F%2Fevil.example%2Fdesk',
    '%2F%0A%2Fevil.example',
    '%2F%0D%0A%2Fevil.example',
    '%2F%00%2Fevil.example',
    '%2F%E3%80%80%2Fevil.example',
    '%09%2F%2Fevil.example',
    '%0A%2F%2Fevil.example',
    '%0D%0A%2F%2Fevil.example',
    '%00%2F%2Fevil.example',
    '%E3%80%80%2F%2Fevil.example',
    '%2F%2F%09evil.example',
    'javascript%3Aalert(1)',
    '%2Fdesk%0D%0ALocation%3A%20https%3A%2F%2Fevil.example',
  ];

  const decodeEntities = (text: string) =>
    text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|#39|apos);/gi, (entity, code: string) => {
      const lower = code.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" } as Record<string, string>)[lower] ?? entity;
    });

  /** Every place the login page puts the callback: form fields and actions, and the client component's props. */
  function renderedCallbacks(html: string): string[] {
    const found: string[] = [];
    for (const match of html.matchAll(/<input\b[^>]*\bname="callbackUrl"[^>]*>/gi)) {
      const value = /\bvalue="([^"]*)"/i.exec(match[0]);
      if (value) found.push(decodeEntities(value[1]!));
    }
    for (const match of html.matchAll(/<form\b[^>]*\baction="([^"]*)"/gi)) {
      const action = decodeEntities(match[1]!);
      found.push(action);
      try {
        const inner = new URL(action, server!.origin).searchParams.get('callbackUrl');
        if (inner !== null) found.push(inner);
      } catch {
        found.push(action);
      }
    }
    let flight = '';
    for (const match of html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
      try {
        const chunk = JSON.parse(match[1]!) as unknown[];
        if (typeof chunk[1] === 'string') flight += chunk[1];
      } catch {
        // not a data chunk
      }
    }
    for (const match of flight.matchAll(/"callbackUrl":("(?:[^"\\]|\\.)*")/g)) found.push(JSON.parse(match[1]!) as string);
    return found;
  }

  const resolvesHome = (target: string) => {
    try {
      return new URL(target, server!.origin).origin === server!.origin;
    } catch {
      return false;
    }
  };

  it('signed out: the login page never 500s, and sends the browser back only to a path on this site', async () => {
    const visitor = new Client(server!);
    const problems: string[] = [];
    for (const value of evil) {
      const response = await visitor.get(`/login?callbackUrl=${value}`);
      if (response.status >= 500) {
        problems.push(`${value}: ${response.status}`);
        continue;
      }
      if (response.status !== 200) {
        problems.push(`${value}: status ${response.status} (want the login page) ${String(response.headers.location ?? '')}`);
        continue;
      }
      const callbacks = renderedCallbacks(response.text);
      if (!callbacks.length) problems.push(`${value}: no callback found in the login page`);
      for (const callback of callbacks) if (!resolvesHome(callback)) problems.push(`${value}: the form sends the browser to ${JSON.stringify(callback)}`);
    }
    summary.push(`${evil.length} open-redirect variants × signed out/in`);
    expect(problems).toEqual([]);
  });

  it('signed in: a redirect whose Location stays on this site, never a 500', async () => {
    const problems: string[] = [];
    for (const value of evil) {
      const response = await admin.get(`/login?callbackUrl=${value}`);
      const location = typeof response.headers.location === 'string' ? response.headers.location : null;
      if (response.status >= 500) problems.push(`${value}: ${response.status}`);
      else if (response.status < 300 || response.status >= 400 || !location) problems.push(`${value}: status ${response.status}, no redirect`);
      else if (!resolvesHome(location)) problems.push(`${value}: redirects to ${JSON.stringify(location)}`);
    }
    expect(problems).toEqual([]);
  });
});

// -----------------------------------------------------------------------------------------------------------------
describe('6. desk data over tRPC is never cached by browsers or proxies', () => {
  it('answers carrying desk data have Cache-Control: private, no-store', async () => {
    const calls: Array<[string, 'query' | 'mutation', string, unknown]> = [
      ['editor', 'query', 'users.me', undefined],
      ['editor', 'query', 'dossiers.bySlug', { slug: DEMO_SLUG }],
      ['editor', 'query', 'sources.list', { dossierId: dossier.id, limit: 5 }],
      ['editor', 'query', 'audit.dossierActivity', { dossierId: dossier.id, limit: 5 }],
      ['editor', 'mutation', 'sources.create', sourceInput(dossier.id, 'cache-control probe')],
      ['admin', 'query', 'users.list', undefined],
    ];
    const problems: string[] = [];
    for (const [who, kind, path, input] of calls) {
      const result = await (who === 'admin' ? admin : editor).call(kind, path, input);
      expect(result.status, `${path}: ${result.text.slice(0, 120)}`).toBe(200);
      const directives = String(result.headers['cache-control'] ?? '')
        .split(',')
        .map((part) => part.trim().toLowerCase());
      if (!directives.includes('private') || !directives.includes('no-store')) problems.push(`${path}: Cache-Control ${JSON.stringify(result.headers['cache-control'] ?? null)}`);
    }
    expect(problems).toEqual([]);
  });
});

// -----------------------------------------------------------------------------------------------------------------
describe('3. sessions end when they should, and reading them does not extend them', () => {
  it('after sign-out, the old cookie is refused', async () => {
    const account = await newAccount('viewer');
    const old = account.client.copy();
    expect((await old.query('users.me')).status).toBe(200);
    const signOut = await account.client.signOut();
    expect(signOut.status).toBeLessThan(400);
    await expectSignedOut(old, account, 'after sign-out');
  });

  it('after the user changes their own password, every old cookie is refused (this device and another)', async () => {
    const account = await newAccount('viewer');
    const otherDevice = new Client(server!);
    await otherDevice.signInOrThrow(account.email, account.password);
    const thisDeviceBefore = account.client.copy();
    const changed = await account.client.mutation('users.changeOwnPassword', { currentPassword: account.password, newPassword: 'a brand new passphrase 1' });
    expect(changed.status, changed.text.slice(0, 200)).toBe(200);
    await expectSignedOut(otherDevice, account, 'another device, after a password change');
    await expectSignedOut(thisDeviceBefore, account, 'the cookie used before the password change');
  });

  it("after an admin resets the user's password, the old cookie is refused", async () => {
    const account = await newAccount('editor');
    const old = account.client.copy();
    await admin.ok('mutation', 'users.resetPassword', { id: account.id, version: await currentVersion(account.id) });
    await expectSignedOut(old, account, 'after an admin password reset');
  });

  it('after a role change, the old cookie is refused', async () => {
    const account = await newAccount('viewer');
    const old = account.client.copy();
    await admin.ok('mutation', 'users.setRole', { id: account.id, version: await currentVersion(account.id), role: 'editor' });
    await expectSignedOut(old, account, 'after a role change');
  });

  it("after disabling, the old cookie is refused and /api/auth/session never shows the disabled user's details", async () => {
    const account = await newAccount('editor');
    const old = account.client.copy();
    await admin.ok('mutation', 'users.setActive', { id: account.id, version: await currentVersion(account.id), active: false });
    await expectSignedOut(old, account, 'after disabling');
    const session = await old.get('/api/auth/session');
    expect(session.text).not.toContain(`Chaos ${accountCounter}`);
  });

  it(`calling /api/auth/session does not move the session's absolute end (sign-in + ${SESSION_HOURS} h)`, async () => {
    const email = `chaos-expiry-${run}@example.org`;
    const created = await admin.ok<{ temporaryPassword: string }>('mutation', 'users.create', { email, name: 'Expiry', role: 'viewer' });
    const client = new Client(server!);
    const signIn = await client.signIn(email, created.temporaryPassword);
    expect(signIn.ok).toBe(true);
    const signedInAt = Date.now();
    const latestEnd = signedInAt + SESSION_HOURS * 3_600_000 + 1_000;
    const ends: string[] = [];
    const checkSetCookies = async (lines: string[] | undefined, when: string) => {
      for (const line of lines ?? []) {
        if (!line.startsWith(`${SESSION_COOKIE}=`)) continue;
        const value = line.slice(SESSION_COOKIE.length + 1).split(';')[0]!;
        if (!value) continue;
        const expires = /;\s*expires=([^;]+)/i.exec(line)?.[1];
        const maxAge = /;\s*max-age=(\d+)/i.exec(line)?.[1];
        const cookieEnd = expires ? Date.parse(expires) : maxAge ? Date.now() + Number(maxAge) * 1000 : null;
        ends.push(`${when}: cookie ends ${cookieEnd ? new Date(cookieEnd).toISOString() : 'at browser close'}`);
        if (cookieEnd) expect(cookieEnd, `${when}: the cookie's end moved past sign-in + ${SESSION_HOURS} h`).toBeLessThanOrEqual(latestEnd);
        const payload = await decode({ token: value, secret: AUTH_SECRET }).catch(() => null);
        if (payload?.exp) {
          ends.push(`${when}: token exp ${new Date(Number(payload.exp) * 1000).toISOString()}`);
          expect(Number(payload.exp) * 1000, `${when}: the token's exp moved past sign-in + ${SESSION_HOURS} h`).toBeLessThanOrEqual(latestEnd);
        }
      }
    };
    await checkSetCookies(signIn.response.headers['set-cookie'], 'sign-in');
    for (const round of [1, 2]) {
      await sleep(2_500);
      const session = await client.get('/api/auth/session');
      expect(session.text, 'the session is still valid').toContain(email);
      await checkSetCookies(session.headers['set-cookie'], `/api/auth/session call ${round}`);
    }
    say(`session ends: ${ends.join('; ')}`);
  });
});

// -----------------------------------------------------------------------------------------------------------------
describe('4. guessing the current password, and oversized batches', () => {
  it('six wrong current passwords: the sixth, and then the right one, are refused with 429 TOO_MANY_REQUESTS', async () => {
    const account = await newAccount('viewer');
    const answers: string[] = [];
    let sixth: Awaited<ReturnType<Client['mutation']>> | undefined;
    for (let attempt = 1; attempt <= 6; attempt++) {
      const result = await account.client.mutation('users.changeOwnPassword', { currentPassword: `wrong guess ${attempt}`, newPassword: 'a brand new passphrase 2' });
      answers.push(`${result.status} ${result.error?.code ?? 'OK'}`);
      expect(result.status, `guess ${attempt} must not succeed`).not.toBe(200);
      if (attempt === 6) sixth = result;
    }
    say(`changeOwnPassword wrong guesses: ${answers.join(', ')}`);
    expect(sixth!.status).toBe(429);
    expect(sixth!.error?.code).toBe('TOO_MANY_REQUESTS');
    const right = await account.client.mutation('users.changeOwnPassword', { currentPassword: account.password, newPassword: 'a brand new passphrase 2' });
    expect(right.status, right.text.slice(0, 200)).toBe(429);
    expect(right.error?.code).toBe('TOO_MANY_REQUESTS');
    // The password did not change: the temporary one still signs in.
    const again = new Client(server!);
    expect((await again.signIn(account.email, account.password)).ok).toBe(true);
  });

  it('one HTTP request with 50 calls (more than the batch cap) is refused with a 4xx, and none of them runs', async () => {
    const marker = `batch-cap-${run}`;
    const calls = Array.from({ length: 50 }, (_, index) => ({ path: 'sources.create', input: sourceInput(dossier.id, `${marker} ${index}`) }));
    const mutation = await editor.trpcBatch('mutation', calls);
    const query = await editor.trpcBatch('query', Array.from({ length: 50 }, () => ({ path: 'users.me', input: undefined })));
    summary.push(`50-call batch → ${mutation.status} (mutations), ${query.status} (queries)`);
    expect(mutation.status, mutation.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
    expect(mutation.status).toBeLessThan(500);
    expect(query.status, query.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
    expect(query.status).toBeLessThan(500);
    expect(await editor.ok<number>('query', 'sources.count', { dossierId: dossier.id, search: marker })).toBe(0);
  });
});

// -----------------------------------------------------------------------------------------------------------------
describe('5. a 200 MB body is refused quickly, without the server holding it in memory', () => {
  const TOTAL = 200 * MiB;
  const uploads: Array<{ name: string; path: string; headers: () => Record<string, string>; prefix: string; declareLength: boolean }> = [
    {
      name: 'tRPC mutation (Content-Length declared)',
      path: '/api/trpc/sources.create?batch=1',
      headers: () => ({ ...editor.browserPostHeaders('application/json'), cookie: editor.jar.header() }),
      prefix: '{"0":{"json":{"title":"',
      declareLength: true,
    },
    {
      name: 'tRPC mutation (chunked, no length)',
      path: '/api/trpc/sources.create?batch=1',
      headers: () => ({ ...editor.browserPostHeaders('application/json'), cookie: editor.jar.header() }),
      prefix: '{"0":{"json":{"title":"',
      declareLength: false,
    },
    {
      name: 'sign-in (Content-Length declared)',
      path: '/api/auth/callback/credentials',
      headers: () => new Client(server!).browserPostHeaders('application/x-www-form-urlencoded'),
      prefix: 'csrfToken=x&email=a%40example.org&json=true&password=',
      declareLength: true,
    },
    {
      name: 'sign-in (chunked, no length)',
      path: '/api/auth/callback/credentials',
      headers: () => new Client(server!).browserPostHeaders('application/x-www-form-urlencoded'),
      prefix: 'csrfToken=x&email=a%40example.org&json=true&password=',
      declareLength: false,
    },
  ];

  it.each(uploads)('$name → 413 within 15 s, server memory grows < 100 MiB', async (upload) => {
    const baseline = server!.rssKiB();
    let peak = baseline;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, server!.rssKiB());
      } catch {
        // the server died: reported below
      }
    }, 50);
    const result = await streamUpload(server!.port, upload.path, {
      headers: upload.headers(),
      prefix: upload.prefix,
      totalBytes: TOTAL,
      timeoutMs: 60_000,
      declareLength: upload.declareLength,
    }).finally(() => clearInterval(sampler));
    await sleep(300);
    if (server!.running) peak = Math.max(peak, server!.rssKiB());
    const growthMiB = (peak - baseline) / 1024;
    summary.push(`${upload.name}: ${result.status ?? result.error} in ${(result.ms / 1000).toFixed(1)}s after ${(result.bytesSent / MiB).toFixed(0)} MiB sent, RSS +${growthMiB.toFixed(0)} MiB`);
    say(summary[summary.length - 1]!);
    expect(server!.running, 'the server survived').toBe(true);
    expect(result.status, `${upload.name}: ${result.error ?? result.body.slice(0, 200)}`).toBe(413);
    expect(result.ms).toBeLessThan(15_000);
    expect(growthMiB).toBeLessThan(100);
    expect((await editor.query('users.me')).status, 'the server still answers').toBe(200);
  });
});

// -----------------------------------------------------------------------------------------------------------------
describe('2. the per-address sign-in limit counts the socket, not X-Forwarded-For (last: it locks 127.0.0.1)', () => {
  it('failures from one socket with a new fake X-Forwarded-For each are slowed, then refused — even the right password', async () => {
    const attempt = async (index: number) => {
      const visitor = new Client(server!);
      const result = await visitor.signIn(`nobody-${run}-${index}@example.net`, 'not the password', { 'x-forwarded-for': `203.0.113.${index % 250}, 198.51.100.${index % 250}` }, 60_000);
      return { index, ms: result.ms, ok: result.ok, error: result.error, status: result.status };
    };
    const results: Array<Awaited<ReturnType<typeof attempt>>> = [];
    // The first ones one after another, to see the delay grow; then the rest a few at a time (bounded: 32 in all).
    for (let index = 1; index <= 8; index++) results.push(await attempt(index));
    for (let start = 9; start <= 32; start += 8) {
      results.push(...(await Promise.all(Array.from({ length: 8 }, (_, offset) => attempt(start + offset)))));
    }
    expect(results.filter((result) => result.ok), 'an unknown email signed in').toEqual([]);

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const early = median(results.slice(0, 3).map((result) => result.ms));
    const late = median(results.slice(5, 8).map((result) => result.ms));
    const lockedAt = results.find((result) => result.error === 'TooManyAttempts')?.index ?? null;

    const right = new Client(server!);
    const final = await right.signIn(demoEmail('editor'), DEMO_PASSWORD, { 'x-forwarded-for': '192.0.2.99' });
    summary.push(
      `sign-in limit: ${results.length} failures with fake X-Forwarded-For, median ${early.toFixed(0)} ms (1–3) → ${late.toFixed(0)} ms (6–8), ` +
        `first refused as locked at #${lockedAt ?? 'never'}, right password afterwards → ${final.ok ? 'SIGNED IN' : final.error}`,
    );
    say(summary[summary.length - 1]!);
    expect(late, `later failures are slowed (median of 1–3: ${early.toFixed(0)} ms, of 6–8: ${late.toFixed(0)} ms)`).toBeGreaterThan(early + 250);
    expect(final.ok, 'the right password signed in from a locked address').toBe(false);
    expect(final.error).toBe('TooManyAttempts');
  });
});
