import { randomUUID } from 'node:crypto';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { encodeSessionToken, sessionCookieName } from '@/server/auth/session';
import { openSession } from '@/server/auth/sessions';
import { openDatabase, type Database, type DatabaseHandle } from '@/server/db/client';
import { authSecret } from '@/server/env';
import * as schema from '@/server/db/schema';
import type { CreateActorInput } from '@/server/actors/actors.input';
import type { CreateClaimInput } from '@/server/claims/claims.input';
import { noClaimFigures } from '@/server/claims/claims.labels';
import type { CreateDossierInput } from '@/server/dossiers/dossiers.input';
import type { CreateSourceInput } from '@/server/sources/sources.input';
import { createCaller } from '@/server/trpc/root';
import { createInnerContext } from '@/server/trpc/init';
import type { SessionUser } from '@/server/users/users.service';

/** Shared helpers for integration tests: valid inputs, callers per user, and a snapshot of every table. */

let counter = 0;
/** A short string unique within the test run, for slugs and emails. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export function dossierInput(overrides: Partial<CreateDossierInput> = {}): CreateDossierInput {
  return { title: 'A story', slug: unique('story'), summary: '', eventsStartOn: null, eventsEndOn: null, ...overrides };
}

export function sourceInput(dossierId: string, overrides: Partial<CreateSourceInput> = {}): CreateSourceInput {
  return {
    dossierId,
    url: null,
    title: 'A source',
    outlet: '',
    author: '',
    kind: 'news_report',
    language: 'en',
    publishedAt: null,
    retrievedAt: null,
    archiveUrl: null,
    reliability: 'B',
    internalNotes: '',
    ...overrides,
  };
}

export function actorInput(overrides: Partial<CreateActorInput> = {}): CreateActorInput {
  return {
    name: 'An actor',
    kind: 'person',
    countryCode: null,
    affiliationId: null,
    title: '',
    aliases: [],
    description: '',
    internalNotes: '',
    allowDuplicate: false,
    ...overrides,
  };
}

export function claimInput(dossierId: string, overrides: Partial<CreateClaimInput> = {}): CreateClaimInput {
  return {
    dossierId,
    claimantId: randomUUID(),
    about: [],
    statement: 'A claim',
    quote: '',
    quoteKind: 'paraphrase',
    originalText: '',
    originalLanguage: '',
    saidAt: null,
    saidPrecision: 'day',
    occurredAt: null,
    occurredPrecision: 'day',
    place: '',
    category: 'other',
    ...noClaimFigures,
    status: 'unverified',
    statusExplanation: '',
    credibility: 6,
    tags: [],
    internalNotes: '',
    sources: [],
    relations: [],
    ...overrides,
  };
}

export const callerFor = (db: Database, user: SessionUser | null) => createCaller(createInnerContext({ db, user }));
export type Caller = ReturnType<typeof callerFor>;

/** Calls a procedure by its dotted path ("sources.create") through a caller, as a client would. */
export function callByPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** The TRPCError a call rejected with, or null if it succeeded. Anything that is not a TRPCError fails the test. */
export async function trpcErrorOf(call: Promise<unknown>): Promise<TRPCError | null> {
  try {
    await call;
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }
}

/** Asserts a call was refused with this code and (optionally) a message starting with `messagePrefix`. */
export async function expectTrpcError(call: Promise<unknown>, code: TRPCError['code'], messagePrefix?: string): Promise<TRPCError> {
  const error = await trpcErrorOf(call);
  expect(error, `expected ${code}, but the call succeeded`).not.toBeNull();
  expect({ code: error!.code, message: error!.message }).toMatchObject({ code });
  if (messagePrefix !== undefined) expect(error!.message.startsWith(messagePrefix), `message “${error!.message}” should start with “${messagePrefix}”`).toBe(true);
  return error!;
}

export const randomId = () => randomUUID();

/** Every table in the schema, found from the schema entry so a new table is covered without editing tests. */
export const allTables: PgTable[] = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable =>
  is(value, PgTable),
);

/** Every row of every table, in a stable order: compare two snapshots to prove that nothing changed. */
export async function snapshotDatabase(db: Database): Promise<string> {
  const parts: Record<string, unknown[]> = {};
  for (const table of allTables) {
    const name = getTableConfig(table).name;
    const rows = await db.execute(sql`select to_jsonb(t)::text as row from ${table} t order by 1`);
    parts[name] = (rows as unknown as { rows: Array<{ row: string }> }).rows.map((r) => r.row);
  }
  return JSON.stringify(parts);
}

/** Row count of every table. */
export async function countRows(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of allTables) {
    const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(table);
    counts[getTableConfig(table).name] = row?.count ?? 0;
  }
  return counts;
}

/** The exact text of a CSV stream, byte-order mark included (Response.text() would silently drop it). */
export async function readCsv(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
}

/**
 * A session cookie as signing in makes it: a session row, and a signed token naming it. `Cookie:` header value.
 * `tamper` edits the token's claims before signing (for forged-token tests).
 */
export async function signedInCookie(
  db: Database,
  userId: string,
  tamper: (claims: { sub: string; sid: string; end: number }) => Record<string, unknown> = (claims) => claims,
): Promise<string> {
  const session = await openSession(db, userId);
  const claims = { sub: userId, sid: session.id, end: Math.floor(session.expiresAt.getTime() / 1000) };
  const token = await encodeSessionToken(tamper(claims), authSecret());
  return `${sessionCookieName()}=${encodeURIComponent(token)}`;
}

/**
 * A real PostgreSQL driver pointed at a loopback port nothing listens on: every query fails the way it does when
 * the database server is down (ECONNREFUSED), for outage tests without stopping anyone's database.
 */
export function unreachableDatabase(): Promise<DatabaseHandle> {
  return openDatabase({ driver: 'postgres', url: 'postgres://postgres@127.0.0.1:9/claimdesk_unreachable', poolSize: 1 });
}
