import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';

/**
 * Shared fixtures. The default `page` is signed out; `pageAs(role)` opens a page in a fresh context signed in as a
 * demo account (its session saved once by auth.setup.ts); `editorApi` talks to tRPC as the editor, to set up data
 * without clicking through forms that other specs already cover.
 */
export type Role = 'admin' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'editor', 'viewer'];
export const DEMO_PASSWORD = 'claimdesk-demo';
export const DEMO_DOSSIER_SLUG = 'nagorno-karabakh-2020';
export const demoEmail = (role: Role) => `${role}@example.org`;
export const authFile = (role: Role) => path.join(import.meta.dirname, '.auth', `${role}.json`);
/** Production (the e2e server) sets next-auth's cookies Secure with this prefix. */
export const SESSION_COOKIE = '__Secure-next-auth.session-token';

/** Matches a URL whose path is exactly `pathname`, with or without a query string (desk tables keep state there). */
export const atPath = (pathname: string) => new RegExp(`^[a-z]+://[^/]+${pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?[^#]*)?(#.*)?$`);

/** The answer of a tRPC call over HTTP (superjson: the payload sits under `json`). */
export interface TrpcResult<T = unknown> {
  status: number;
  data?: T;
  error?: { message: string; code: string; httpStatus: number };
}

interface TrpcEnvelope {
  result?: { data?: { json?: unknown } };
  error?: { json?: { message?: string; data?: { code?: string; httpStatus?: number } } };
}

function unwrap<T>(status: number, body: TrpcEnvelope): TrpcResult<T> {
  if (body.error) {
    const { message = '', data } = body.error.json ?? {};
    return { status, error: { message, code: data?.code ?? '', httpStatus: data?.httpStatus ?? status } };
  }
  return { status, data: body.result?.data?.json as T };
}

const queryUrl = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** tRPC over an API request context (cookies from a saved session). */
export class TrpcClient {
  constructor(private readonly request: APIRequestContext) {}

  private static async read<T>(response: APIResponse): Promise<TrpcResult<T>> {
    return unwrap<T>(response.status(), (await response.json()) as TrpcEnvelope);
  }

  async query<T>(procedure: string, input: unknown): Promise<TrpcResult<T>> {
    return TrpcClient.read<T>(await this.request.get(queryUrl(procedure, input)));
  }

  async mutation<T>(procedure: string, input: unknown): Promise<TrpcResult<T>> {
    return TrpcClient.read<T>(await this.request.post(`/api/trpc/${procedure}`, { data: { json: input } }));
  }

  /** The data, or a thrown error naming the procedure and the server's message. */
  async ok<T>(kind: 'query' | 'mutation', procedure: string, input: unknown): Promise<T> {
    const result = kind === 'query' ? await this.query<T>(procedure, input) : await this.mutation<T>(procedure, input);
    if (result.error) throw new Error(`${procedure} → ${result.status} ${result.error.code}: ${result.error.message}`);
    return result.data as T;
  }
}

/**
 * tRPC from inside a signed-in page, with the browser's own cookies — what a user could do from the devtools
 * console, so the right way to show that the server (not the UI) refuses a mutation.
 */
export async function trpcFromPage<T>(page: Page, kind: 'query' | 'mutation', procedure: string, input: unknown): Promise<TrpcResult<T>> {
  const { status, body } = await page.evaluate(
    async ({ url, init }) => {
      const response = await fetch(url, init);
      return { status: response.status, body: (await response.json()) as unknown };
    },
    kind === 'query'
      ? { url: queryUrl(procedure, input), init: { method: 'GET' } }
      : {
          url: `/api/trpc/${procedure}`,
          init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ json: input }) },
        },
  );
  return unwrap<T>(status, body as TrpcEnvelope);
}

export interface DossierRecord {
  id: string;
  slug: string;
  title: string;
  version: number;
  status: 'draft' | 'published';
}
export interface SourceRecord {
  id: string;
  title: string;
  version: number;
}

export interface ActorRecord {
  id: string;
  name: string;
}

/** The editor's shortcuts for arranging data. */
export class DeskApi {
  constructor(readonly trpc: TrpcClient) {}

  dossier(slug: string) {
    return this.trpc.ok<DossierRecord>('query', 'dossiers.bySlug', { slug });
  }

  createDossier(input: { title: string; slug: string; summary?: string }) {
    return this.trpc.ok<DossierRecord>('mutation', 'dossiers.create', { summary: '', eventsStartOn: null, eventsEndOn: null, ...input });
  }

  publish(dossier: Pick<DossierRecord, 'id' | 'version'>) {
    return this.trpc.ok<DossierRecord>('mutation', 'dossiers.setPublished', { id: dossier.id, version: dossier.version, published: true });
  }

  createSource(dossierId: string, input: { title: string; outlet?: string; internalNotes?: string; url?: string }) {
    const blank = { url: null, outlet: '', author: '', language: '', publishedAt: null, retrievedAt: null, archiveUrl: null, internalNotes: '' };
    return this.trpc.ok<SourceRecord>('mutation', 'sources.create', { ...blank, kind: 'news_report', reliability: 'C', ...input, dossierId });
  }

  countSources(dossierId: string, search = '') {
    return this.trpc.ok<number>('query', 'sources.count', { dossierId, search });
  }

  /** A directory actor by its exact name (the e2e server seeds the demo dossier's actors). */
  async directoryActor(name: string): Promise<ActorRecord> {
    const hits = await this.trpc.ok<ActorRecord[]>('query', 'actors.search', { query: name, limit: 10 });
    const hit = hits.find((actor) => actor.name === name);
    if (!hit) throw new Error(`the demo directory has no actor named ${name}`);
    return hit;
  }
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  version: number;
}

/**
 * The admin's shortcuts for arranging accounts. Specs that sign out, change a password, or lose a role or an
 * account use a fresh user from here, never a demo account: every spec shares the demo accounts' saved sessions.
 */
export class AdminApi {
  constructor(readonly trpc: TrpcClient) {}

  /** A new account and its temporary password (the app marks it "must change password", which only adds a banner). */
  createUser(input: { email: string; role: Role; name?: string }) {
    return this.trpc.ok<{ user: UserRecord; temporaryPassword: string }>('mutation', 'users.create', { name: '', ...input });
  }

  async user(email: string): Promise<UserRecord> {
    const users = await this.trpc.ok<UserRecord[]>('query', 'users.list', undefined);
    const found = users.find((user) => user.email === email.toLowerCase());
    if (!found) throw new Error(`users.list has no ${email}`);
    return found;
  }
}

/** Signs in through the real /login form and waits for the desk (the path every user takes). */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(atPath('/desk'));
  await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
  await expect(page.getByRole('link', { name: email })).toBeVisible();
}

/**
 * Axe's serious and critical findings on the page as it is now, one line per offending element (rule, impact,
 * element, what to fix), so `expect(findings).toEqual([])` prints them all when it fails. Moderate and minor
 * findings are left to review.
 */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`),
    );
}

interface Fixtures {
  /** A page in a new browser context signed in as `role`; closed after the test. */
  pageAs: (role: Role) => Promise<Page>;
  /** tRPC as the demo editor. */
  editorApi: DeskApi;
  /** A slug nobody else uses, even across reruns against a reused server. */
  uniqueSlug: (label: string) => string;
  /** tRPC as the demo admin. */
  adminApi: AdminApi;
  /** A signed-out page in a new browser context of its own (its own cookies); closed after the test. */
  newSignedOutPage: () => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // The fixture callbacks' last argument is named `provide` (Playwright's docs say `use`): ESLint's React hooks
  // rule mistakes a function called `use` for React's hook.
  pageAs: async ({ browser, baseURL }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ baseURL, storageState: authFile(role) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  editorApi: async ({ playwright, baseURL }, provide) => {
    const request = await playwright.request.newContext({ baseURL, storageState: authFile('editor') });
    await provide(new DeskApi(new TrpcClient(request)));
    await request.dispose();
  },

  uniqueSlug: async ({}, provide, testInfo) => {
    let counter = 0;
    const run = Date.now().toString(36);
    await provide((label) => `e2e-${label}-${run}-${testInfo.workerIndex}-${++counter}`);
  },

  adminApi: async ({ playwright, baseURL }, provide) => {
    const request = await playwright.request.newContext({ baseURL, storageState: authFile('admin') });
    await provide(new AdminApi(new TrpcClient(request)));
    await request.dispose();
  },

  newSignedOutPage: async ({ browser, baseURL }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async () => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
