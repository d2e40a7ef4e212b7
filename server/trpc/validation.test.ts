import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier, deleteDossier } from '@/server/dossiers/dossiers.service';
import type { Dossier } from '@/server/dossiers/schema';
import type { Source } from '@/server/sources/schema';
import { createSource } from '@/server/sources/sources.service';
import {
  callByPath,
  callerFor,
  dossierInput,
  expectTrpcError,
  randomId,
  snapshotDatabase,
  sourceInput,
  trpcErrorOf,
  unique,
} from '@/server/testing/fixtures';
import { plausibleInput } from '@/server/testing/procedure-inputs';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { encodeCursor } from '@/server/db/pagination';
import { sourceSortKeys } from '@/server/sources/sources.input';
import { appRouter } from './root';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let dossier: Dossier;
let deletedDossier: Dossier;
let source: Source;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
  dossier = await createDossier(database.db, users.editor, dossierInput({ title: 'Validation' }));
  const doomed = await createDossier(database.db, users.editor, dossierInput({ title: 'Deleted' }));
  deletedDossier = await deleteDossier(database.db, users.editor, { id: doomed.id, version: doomed.version });
  source = await createSource(database.db, users.editor, sourceInput(dossier.id, { url: 'https://example.com/a' }));
});
afterAll(() => database.cleanup());

const admin = () => callerFor(database.db, users.admin);

interface BadCase {
  name: string;
  /** Changes applied to a valid input. */
  change: Record<string, unknown>;
  /** The field the message must start with, e.g. "url". */
  field: string;
}

const future = new Date(Date.now() + 7 * 86_400_000).toISOString();

const badDossierFields: BadCase[] = [
  { name: 'missing title', change: { title: undefined }, field: 'title' },
  { name: 'blank title', change: { title: '   ' }, field: 'title' },
  { name: '10,000-character title', change: { title: 'x'.repeat(10_000) }, field: 'title' },
  { name: 'title of the wrong type', change: { title: 42 }, field: 'title' },
  { name: 'slug with spaces and capitals', change: { slug: 'Not A Slug!' }, field: 'slug' },
  { name: 'slug too short', change: { slug: 'ab' }, field: 'slug' },
  { name: '10,000-character summary', change: { summary: 'x'.repeat(10_000) }, field: 'summary' },
  { name: 'start date that does not exist', change: { eventsStartOn: '2020-02-31' }, field: 'eventsStartOn' },
  { name: 'start date in 1800', change: { eventsStartOn: '1800-01-01' }, field: 'eventsStartOn' },
  { name: 'start date not a date', change: { eventsStartOn: 'last Tuesday' }, field: 'eventsStartOn' },
  { name: 'end before start', change: { eventsStartOn: '2020-09-27', eventsEndOn: '2020-09-01' }, field: 'eventsEndOn' },
];

const badSourceFields: BadCase[] = [
  { name: 'missing title', change: { title: undefined }, field: 'title' },
  { name: '10,000-character title', change: { title: 'x'.repeat(10_000) }, field: 'title' },
  { name: 'URL that is not a URL', change: { url: 'not a url' }, field: 'url' },
  { name: 'javascript: URL', change: { url: 'javascript:alert(1)' }, field: 'url' },
  { name: 'data: URL', change: { url: 'data:text/html,<script>alert(1)</script>' }, field: 'url' },
  { name: 'ftp URL', change: { url: 'ftp://example.com/file' }, field: 'url' },
  { name: 'URL too long', change: { url: `https://example.com/${'a'.repeat(3000)}` }, field: 'url' },
  { name: 'javascript: archive URL', change: { archiveUrl: 'javascript:alert(1)' }, field: 'archiveUrl' },
  { name: 'published in the future', change: { publishedAt: future }, field: 'publishedAt' },
  { name: 'published in 1800', change: { publishedAt: '1800-06-01' }, field: 'publishedAt' },
  { name: 'published on 31 February', change: { publishedAt: '2020-02-31' }, field: 'publishedAt' },
  { name: 'published date that is not a date', change: { publishedAt: 'yesterday' }, field: 'publishedAt' },
  { name: 'retrieved in the future', change: { retrievedAt: new Date(Date.now() + 7 * 86_400_000) }, field: 'retrievedAt' },
  { name: 'unknown kind', change: { kind: 'rumour' }, field: 'kind' },
  { name: 'unknown reliability grade', change: { reliability: 'G' }, field: 'reliability' },
  { name: 'language that is not a code', change: { language: 'English!' }, field: 'language' },
  { name: '20,000-character internal notes', change: { internalNotes: 'x'.repeat(20_000) }, field: 'internalNotes' },
];

function withChange(input: Record<string, unknown>, change: Record<string, unknown>) {
  const result = { ...input, ...change };
  for (const [key, value] of Object.entries(change)) if (value === undefined) delete result[key];
  return result;
}

/** Calls a mutation with bad input: BAD_REQUEST naming the field, and not a single row changed anywhere. */
async function expectRefused(path: string, input: unknown, field: string) {
  const before = await snapshotDatabase(database.db);
  await expectTrpcError(callByPath(callerFor(database.db, users.editor), path, input), 'BAD_REQUEST', `${field}:`);
  expect(await snapshotDatabase(database.db)).toBe(before);
}

describe('bad input is refused with BAD_REQUEST naming the field, and changes nothing', () => {
  it.each(badDossierFields)('dossiers.create: $name', ({ change, field }) =>
    expectRefused('dossiers.create', withChange({ ...dossierInput() }, change), field),
  );

  it.each(badDossierFields)('dossiers.update: $name', ({ change, field }) =>
    expectRefused('dossiers.update', withChange({ id: dossier.id, version: dossier.version, ...dossierInput() }, change), field),
  );

  it.each(badSourceFields)('sources.create: $name', ({ change, field }) =>
    expectRefused('sources.create', withChange({ ...sourceInput(dossier.id) }, change), field),
  );

  it.each(badSourceFields)('sources.update: $name', ({ change, field }) =>
    expectRefused('sources.update', withChange({ ...sourceInput(dossier.id), id: source.id, version: source.version }, change), field),
  );

  it.each([
    ['sources.create', 'dossierId', () => ({ ...sourceInput('not-a-uuid') })],
    ['sources.update', 'id', () => ({ ...sourceInput(dossier.id), id: '1234', version: 1 })],
    ['sources.update', 'version', () => ({ ...sourceInput(dossier.id), id: source.id, version: 0 })],
    ['sources.update', 'version', () => ({ ...sourceInput(dossier.id), id: source.id, version: 1.5 })],
    ['sources.update', 'version', () => ({ ...sourceInput(dossier.id), id: source.id })],
    ['sources.delete', 'id', () => ({ id: "1' or '1'='1", version: 1 })],
    ['sources.restore', 'version', () => ({ id: source.id, version: '1' })],
    ['dossiers.update', 'id', () => ({ ...dossierInput(), id: 'abc', version: 1 })],
    ['dossiers.setPublished', 'published', () => ({ id: dossier.id, version: dossier.version, published: 'yes' })],
    ['dossiers.setPublished', 'id', () => ({ id: 'x', version: 1, published: true })],
    ['dossiers.delete', 'version', () => ({ id: dossier.id, version: -1 })],
    ['dossiers.restore', 'id', () => ({ id: null, version: 1 })],
    ['users.create', 'email', () => ({ email: 'not an email', role: 'viewer' })],
    ['users.create', 'role', () => ({ email: `${unique('x')}@test.example`, role: 'superuser' })],
    ['users.create', 'email', () => ({ email: `${'a'.repeat(300)}@test.example`, role: 'viewer' })],
    ['users.setRole', 'role', () => ({ id: users.viewer.id, version: 1, role: 'root' })],
    ['users.setRole', 'id', () => ({ id: 'me', version: 1, role: 'admin' })],
    ['users.setActive', 'active', () => ({ id: users.viewer.id, version: 1, active: 'no' })],
    ['users.resetPassword', 'id', () => ({ id: 42, version: 1 })],
    ['users.changeOwnPassword', 'newPassword', () => ({ currentPassword: 'whatever', newPassword: 'short' })],
    ['users.changeOwnPassword', 'newPassword', () => ({ currentPassword: 'whatever', newPassword: 'x'.repeat(129) })],
  ] as const)('%s refuses a bad %s', async (path, field, makeInput) => {
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(callByPath(admin(), path, makeInput()), 'BAD_REQUEST', `${field}:`);
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('accepts the same input once the bad field is fixed (the cases above fail for the stated reason only)', async () => {
    await expect(callByPath(callerFor(database.db, users.editor), 'sources.create', sourceInput(dossier.id, { url: 'https://example.com/fixed' }))).resolves.toBeTruthy();
    await expect(callByPath(callerFor(database.db, users.editor), 'dossiers.create', dossierInput())).resolves.toBeTruthy();
  });
});

describe('unknown ids and slugs answer NOT_FOUND and change nothing', () => {
  const cases: Array<[string, () => unknown]> = [
    ['dossiers.byId', () => ({ id: randomId() })],
    ['dossiers.bySlug', () => ({ slug: 'no-such-dossier' })],
    ['dossiers.publicBySlug', () => ({ slug: 'no-such-dossier' })],
    ['dossiers.update', () => ({ ...dossierInput(), id: randomId(), version: 1 })],
    ['dossiers.setPublished', () => ({ id: randomId(), version: 1, published: true })],
    ['dossiers.delete', () => ({ id: randomId(), version: 1 })],
    ['dossiers.restore', () => ({ id: randomId(), version: 1 })],
    ['sources.listPublic', () => ({ slug: 'no-such-dossier' })],
    ['sources.byId', () => ({ id: randomId() })],
    ['sources.create', () => sourceInput(randomId())],
    ['sources.update', () => ({ ...sourceInput(dossier.id), id: randomId(), version: 1 })],
    ['sources.delete', () => ({ id: randomId(), version: 1 })],
    ['sources.restore', () => ({ id: randomId(), version: 1 })],
    ['users.setRole', () => ({ id: randomId(), version: 1, role: 'editor' })],
    ['users.setActive', () => ({ id: randomId(), version: 1, active: false })],
    ['users.resetPassword', () => ({ id: randomId(), version: 1 })],
  ];
  it.each(cases)('%s', async (path, makeInput) => {
    const before = await snapshotDatabase(database.db);
    await expectTrpcError(callByPath(admin(), path, makeInput()), 'NOT_FOUND');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('treats a deleted dossier as unknown to readers and writers alike', async () => {
    await expectTrpcError(admin().dossiers.byId({ id: deletedDossier.id }), 'NOT_FOUND');
    await expectTrpcError(admin().dossiers.bySlug({ slug: deletedDossier.slug }), 'NOT_FOUND');
    await expectTrpcError(admin().sources.create(sourceInput(deletedDossier.id)), 'NOT_FOUND');
    await expectTrpcError(
      admin().dossiers.update({ ...dossierInput(), id: deletedDossier.id, version: deletedDossier.version }),
      'NOT_FOUND',
    );
  });
});

/** Things a broken client or an attacker might send. */
function garbageValues(): unknown[] {
  const deep: Record<string, unknown> = {};
  let cursor = deep;
  for (let depth = 0; depth < 200; depth++) cursor = (cursor.nested = {}) as Record<string, unknown>;
  return [
    undefined,
    null,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53 + 2,
    10n,
    true,
    '',
    'x',
    '\u0000',
    "'; drop table sources; --",
    'x'.repeat(100_000),
    '%_\\',
    [],
    [1, 'two', null],
    {},
    deep,
    { id: { $ne: null } },
    new Date('invalid'),
    new Date(8.64e15),
  ];
}

/** Cursors that decode (they are well-formed base64url JSON) but carry values the database may choke on. */
function craftedCursors(): string[] {
  const id = randomId();
  return [
    encodeCursor('\u0000', id),
    encodeCursor('x'.repeat(900), id),
    encodeCursor('not a date', id),
    encodeCursor('-271821-04-20T00:00:00.000Z', id),
    encodeCursor('+275760-09-13T00:00:00.000Z', id),
    encodeCursor('0001-01-01T00:00:00.000Z', id),
    encodeCursor(1e300, id),
    encodeCursor({ nested: true }, id),
    encodeCursor(null, 'not-a-uuid'),
    encodeCursor('Z', '00000000-0000-0000-0000-00000000000g'),
    Buffer.from('[1,2,3]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
    '!!!not base64!!!',
  ];
}

describe('no procedure answers INTERNAL_SERVER_ERROR to any input', () => {
  const paths = Object.keys(appRouter._def.procedures).sort();

  it.each(paths)('%s', async (path) => {
    const seeded = { dossier, source };
    const inputs: unknown[] = [...garbageValues()];
    // Each field of a valid input replaced by each garbage value, so the checks past the first field run too.
    const valid = plausibleInput[path]!(seeded);
    if (valid && typeof valid === 'object') {
      for (const key of Object.keys(valid)) {
        for (const value of garbageValues()) inputs.push({ ...(plausibleInput[path]!(seeded) as object), [key]: value });
      }
      const paginated = 'cursor' in valid;
      for (const value of paginated ? [...garbageValues(), ...craftedCursors()] : []) {
        inputs.push({ ...(plausibleInput[path]!(seeded) as object), cursor: value });
        for (const sort of sourceSortKeys) inputs.push({ ...(plausibleInput[path]!(seeded) as object), cursor: value, sort });
      }
    }
    for (const input of inputs) {
      const error = await trpcErrorOf(callByPath(admin(), path, input));
      expect(error?.code ?? 'OK', `${path} with ${describeInput(input)}: ${error?.message}`).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });
});

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
    return text === undefined ? 'undefined' : text.slice(0, 200);
  } catch {
    return String(input);
  }
}
