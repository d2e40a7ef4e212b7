import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyServerError } from '@/components/forms/use-desk-form';
import { isVersionConflict, toFormErrors } from '@/components/ui/form-errors';
import { setAppDatabaseForTesting } from '@/server/db';
import { createSourceInput } from '@/server/sources/sources.input';
import { dossierInput, signedInCookie, sourceInput } from '@/server/testing/fixtures';
import { refusal, routeHandlerClient } from '@/server/testing/route-client';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';

/**
 * What the desk's forms make of the server's refusals: a real tRPC client (the browser's transformer and error
 * class) talking to the real route handler and error formatter on a real database.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let client: ReturnType<typeof routeHandlerClient>;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  setAppDatabaseForTesting(database);
  const cookie = await signedInCookie(database.db, users.editor.id);
  client = routeHandlerClient(cookie);
});
afterAll(async () => {
  setAppDatabaseForTesting(undefined);
  await database.cleanup();
});

const SOURCE_FIELDS = ['url', 'title', 'outlet', 'author', 'kind', 'language', 'publishedAt', 'retrievedAt', 'archiveUrl', 'reliability', 'internalNotes'];

/** The one part of react-hook-form applyServerError uses: the form's current values and setError. */
function formWith(values: Record<string, unknown>) {
  const set: Array<{ path: string; message: string }> = [];
  const form = {
    getValues: () => values,
    setError: (path: string, error: { message: string }) => set.push({ path, message: error.message }),
  };
  return { form: form as unknown as Parameters<typeof applyServerError>[0], set };
}

describe('server refusals in a form', () => {
  it('puts a validation error under its field, with the message the browser-side schema gives too', async () => {
    const dossier = await client.dossiers.create.mutate(dossierInput());
    const input = sourceInput(dossier.id, { url: 'news.example.com/no-scheme' });
    const errors = toFormErrors(await refusal(client.sources.create.mutate(input)), SOURCE_FIELDS);

    expect(errors.fields.url).toMatch(/must be a full web address/);
    expect(errors.banner).toBeNull();
    expect(isVersionConflict(errors)).toBe(false);
    const inBrowser = createSourceInput.omit({ dossierId: true }).safeParse(input);
    expect(inBrowser.error?.issues.map((issue) => issue.message)).toEqual([errors.fields.url]);
  });

  it('links a duplicate URL to the source already logged, without offering a reload', async () => {
    const dossier = await client.dossiers.create.mutate(dossierInput());
    const first = await client.sources.create.mutate(sourceInput(dossier.id, { url: 'https://news.example.com/a' }));
    const errors = toFormErrors(
      await refusal(client.sources.create.mutate(sourceInput(dossier.id, { url: 'https://news.example.com/a' }))),
      SOURCE_FIELDS,
    );

    expect(errors.code).toBe('CONFLICT');
    expect(errors.duplicateOfId).toBe(first.id);
    expect(errors.fields.url).toBeTruthy();
    expect(isVersionConflict(errors)).toBe(false);
  });

  it('reports a stale edit as a version conflict in the banner, so the form offers a reload', async () => {
    const dossier = await client.dossiers.create.mutate(dossierInput());
    await client.dossiers.update.mutate({ ...dossierInput({ slug: dossier.slug }), id: dossier.id, version: dossier.version, title: 'Theirs' });
    const stale = { ...dossierInput({ slug: dossier.slug }), id: dossier.id, version: dossier.version, title: 'Mine' };
    const { form, set } = formWith({ title: 'Mine', slug: dossier.slug, summary: '', eventsStartOn: '', eventsEndOn: '' });
    const errors = applyServerError(form, await refusal(client.dossiers.update.mutate(stale)));

    expect(set).toEqual([]);
    expect(errors.banner).toMatch(/changed by someone else/);
    expect(isVersionConflict(errors)).toBe(true);
  });

  it('sets nested paths on the form and sends what the form does not show to the banner', async () => {
    const error = await refusal(
      client.sources.list.query({ dossierId: 'not-an-id', kind: ['nonsense' as never], reliability: [], search: '' }),
    );
    const { form, set } = formWith({ kind: [], search: '' });
    const errors = applyServerError(form, error);

    expect(set.map((entry) => entry.path)).toEqual(['kind.0']);
    expect(errors.fields).toHaveProperty(['kind.0']);
    expect(errors.banner).toMatch(/valid id/);
    expect(isVersionConflict(errors)).toBe(false);
  });

  it('asks to sign in again when the session has ended', async () => {
    const signedOut = routeHandlerClient();
    const errors = toFormErrors(await refusal(signedOut.dossiers.create.mutate(dossierInput())), ['title']);
    expect(errors.code).toBe('UNAUTHORIZED');
    expect(errors.banner).toBe('Your session has ended. Sign in again to continue.');
  });
});
