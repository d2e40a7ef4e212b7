import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/trpc/[trpc]/route';
import { readServerError } from '@/components/ui/form-errors';
import { makeActor, makeDossier } from '@/server/claims/claims.test-helpers';
import { setAppDatabaseForTesting } from '@/server/db';
import type { Dossier } from '@/server/dossiers/schema';
import { INTAKE_BODY_LIMIT_BYTES, TRPC_BODY_LIMIT_BYTES, trpcBodyLimit } from '@/server/http/body-limit';
import { signedInCookie, sourceInput, unique } from '@/server/testing/fixtures';
import { refusal, routeHandlerClient } from '@/server/testing/route-client';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { MAX_ARTICLE_LENGTH, MAX_DRAFT_BYTES, MAX_DRAFT_DEPTH } from './intake.input';

/**
 * Article intake over HTTP as the review screen calls it: the browser's tRPC client and transformer, the real route
 * handler (body limits) and error formatter, on a real database.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let client: ReturnType<typeof routeHandlerClient>;
let dossier: Dossier;
let editorCookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  setAppDatabaseForTesting(database);
  const cookie = await signedInCookie(database.db, users.editor.id);
  editorCookie = cookie;
  client = routeHandlerClient(cookie);
  dossier = await makeDossier(database.db, users.editor);
});
afterAll(async () => {
  setAppDatabaseForTesting(undefined);
  await database.cleanup();
});

/** A new source's fields, as the review screen sends them (the dossier is the intake's). */
function sourceFields(title: string) {
  const { dossierId: _dossierId, ...fields } = sourceInput(dossier.id, { title });
  return fields;
}

const reaction = (actorRef: string, paraphrase: string) => ({
  actors: [{ actorRef }],
  primaryStance: 'ceasefire' as const,
  paraphrase,
  excerpt: 'France urged an immediate ceasefire.',
});

describe('intake over HTTP', () => {
  it('raises the body limit for the calls that carry an article or a draft, and only for those', () => {
    expect(trpcBodyLimit('http://localhost/api/trpc/intake.saveDraft')).toBe(INTAKE_BODY_LIMIT_BYTES);
    expect(trpcBodyLimit('http://localhost/api/trpc/users.me,intake.accept?batch=1')).toBe(INTAKE_BODY_LIMIT_BYTES);
    expect(trpcBodyLimit('http://localhost/api/trpc/intake.analyze%2Cusers.me?batch=1')).toBe(INTAKE_BODY_LIMIT_BYTES);
    expect(trpcBodyLimit('http://localhost/api/trpc/sources.create')).toBe(TRPC_BODY_LIMIT_BYTES);
    expect(trpcBodyLimit('http://localhost/api/trpc/intake.draft')).toBe(TRPC_BODY_LIMIT_BYTES);
    expect(trpcBodyLimit('http://localhost/api/trpc/%E0%A4%A')).toBe(TRPC_BODY_LIMIT_BYTES);
  });

  it('keeps the largest draft the input allows, in curly quotes (three bytes each in UTF-8), and reads it back', async () => {
    const state = { text: '“'.repeat(MAX_DRAFT_BYTES - 20) };
    await client.intake.saveDraft.mutate({ dossierId: dossier.id, state });
    expect((await client.intake.draft.query({ dossierId: dossier.id }))?.state).toEqual(state);
  });

  it('refuses a draft nested deeper than any review screen makes, with a 400 that says so, keeping the saved one', async () => {
    const kept = { text: 'France urged restraint.' };
    await client.intake.saveDraft.mutate({ dossierId: dossier.id, state: kept });
    // Written as text: the transformer (like zod's z.json()) would walk 10,000 levels on the call stack.
    for (const depth of [MAX_DRAFT_DEPTH + 1, 10_000]) {
      const state = `{"a":${'['.repeat(depth)}0${']'.repeat(depth)}}`;
      const answer = await POST(
        new Request('http://localhost:3000/api/trpc/intake.saveDraft', {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: editorCookie },
          body: `{"json":{"dossierId":"${dossier.id}","state":${state}}}`,
        }),
      );
      expect(answer.status, `nested ${depth} deep`).toBe(400);
      expect(await answer.text()).toContain(`nested at most ${MAX_DRAFT_DEPTH} levels deep`);
    }
    expect((await client.intake.draft.query({ dossierId: dossier.id }))?.state).toEqual(kept);
  });

  it('accepts an article of the longest allowed length in a non-Latin script', async () => {
    const france = await makeActor(database.db, { name: unique('France') });
    const text = 'Ереван '.repeat(MAX_ARTICLE_LENGTH / 7 + 1).slice(0, MAX_ARTICLE_LENGTH);
    const result = await client.intake.accept.mutate({
      dossierId: dossier.id,
      text,
      source: { kind: 'new', fields: sourceFields('Long read') },
      reactions: [reaction(france.id, 'Urged an immediate ceasefire.')],
    });
    expect((await client.intake.sourceText.query({ sourceId: result.sourceId }))?.text).toHaveLength(MAX_ARTICLE_LENGTH);
  });

  it('still refuses other calls past the usual limit', async () => {
    const answer = await POST(
      new Request('http://localhost:3000/api/trpc/sources.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(TRPC_BODY_LIMIT_BYTES + 1) },
        body: 'x'.repeat(TRPC_BODY_LIMIT_BYTES + 1),
      }),
    );
    expect(answer.status).toBe(413);
  });

  it('tells the review screen which item and field a refusal is about', async () => {
    const france = await makeActor(database.db, { name: unique('France') });
    const base = {
      dossierId: dossier.id,
      text: 'France urged an immediate ceasefire.',
      source: { kind: 'new' as const, fields: sourceFields(unique('Wire')) },
    };
    const service = readServerError(
      await refusal(client.intake.accept.mutate({ ...base, reactions: [reaction(france.id, 'Urged a ceasefire.'), reaction(france.id, '')] })),
    );
    expect(service).toMatchObject({
      code: 'BAD_REQUEST',
      issues: [{ path: 'reactions.1.paraphrase', message: 'Reaction 2: A reaction needs a quote or a paraphrase.' }],
      details: { field: 'reactions.1.paraphrase', item: 'Reaction 2' },
    });

    const input = readServerError(await refusal(client.intake.accept.mutate({ ...base, reactions: [reaction('new:nobody', 'Urged a ceasefire.')] })));
    expect(input).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: 'reactions.0.actors.0.actorRef', message: 'new:nobody is not among the new actors' }] });
  });
});
