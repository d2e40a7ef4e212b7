import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntity } from '@/server/audit/entity-types';
import { auditLog } from '@/server/audit/schema';
import { dossiers, type Dossier } from '@/server/dossiers/schema';
import { ServiceError } from '@/server/errors';
import { sources } from '@/server/sources/schema';
import { dossierInput, randomId, snapshotDatabase, unique } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { editableEntity } from './versioned-write';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

/** The helper on two real tables, configured here rather than through a service, so these tests pin the helper. */
const dossierEntity = editableEntity({
  table: dossiers,
  entityType: auditEntity.dossier,
  label: 'Dossier',
  dossierIdOf: (row) => row.id,
});

const sourceEntity = editableEntity({
  table: sources,
  entityType: auditEntity.source,
  label: 'Source',
  dossierIdOf: (row) => row.dossierId,
  // Stands in for a context rule (the real service refuses sources of a deleted dossier).
  async afterLock(_tx, row) {
    if (row.title === 'Frozen') throw new ServiceError('BAD_REQUEST', 'This source is frozen.');
  },
});

const run = <T>(write: (tx: Parameters<Parameters<typeof database.db.transaction>[0]>[0]) => Promise<T>) =>
  database.db.transaction(write);

const newDossier = (title = 'A story'): Promise<Dossier> =>
  run((tx) => dossierEntity.create(tx, users.editor, { ...dossierInput({ title }) }));

const newSource = (dossierId: string, title = 'A source') =>
  run((tx) => sourceEntity.create(tx, users.editor, { dossierId, title }));

const auditOf = (entityId: string) =>
  database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id));

const rowOf = async (id: string) => (await database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0]!;

/** Asserts the write is refused with this code (and message) and leaves every table exactly as it was. */
async function expectRefusedWithoutWriting(write: () => Promise<unknown>, code: ServiceError['code'], message?: string) {
  const before = await snapshotDatabase(database.db);
  const error = await write().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, 'the write should have been refused').toBeInstanceOf(ServiceError);
  expect((error as ServiceError).code).toBe(code);
  if (message) expect((error as ServiceError).message).toBe(message);
  expect(await snapshotDatabase(database.db)).toBe(before);
}

describe('editableEntity: create', () => {
  it('inserts with who created it, at version 1, and audits every set field against nothing', async () => {
    const created = await newDossier('Clashes at the line');
    expect(created).toMatchObject({ version: 1, createdBy: users.editor.id, updatedBy: users.editor.id, deletedAt: null });
    const [entry, ...rest] = await auditOf(created.id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ action: 'create', entityType: 'dossier', actorId: users.editor.id, dossierId: created.id });
    expect(entry!.changes.title).toEqual({ before: null, after: 'Clashes at the line' });
    expect(entry!.changes.slug).toEqual({ before: null, after: created.slug });
    // Bookkeeping columns are not news in a history.
    expect(entry!.changes).not.toHaveProperty('version');
    expect(entry!.changes).not.toHaveProperty('createdBy');
    expect(entry!.changes).not.toHaveProperty('updatedAt');
  });

  it('records the system (no user) as a null writer', async () => {
    const created = await run((tx) => dossierEntity.create(tx, null, dossierInput()));
    expect(created).toMatchObject({ createdBy: null, updatedBy: null });
    expect((await auditOf(created.id))[0]).toMatchObject({ action: 'create', actorId: null });
  });

  it('files a child row under its dossier for the activity feed', async () => {
    const dossier = await newDossier();
    const source = await newSource(dossier.id, 'Wire report');
    expect((await auditOf(source.id))[0]).toMatchObject({ action: 'create', entityType: 'source', dossierId: dossier.id });
  });
});

describe('editableEntity: update', () => {
  it('writes at the caller’s version, bumps it, names the writer and audits only the changed fields', async () => {
    const created = await newDossier('Before');
    const { before, after } = await run((tx) =>
      dossierEntity.update(tx, users.admin, { id: created.id, version: 1 }, { title: 'After', summary: created.summary }),
    );
    expect(before.title).toBe('Before');
    expect(after).toMatchObject({ title: 'After', version: 2, updatedBy: users.admin.id, createdBy: users.editor.id });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    const entries = await auditOf(created.id);
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(entries[1]).toMatchObject({ actorId: users.admin.id, dossierId: created.id });
    expect(entries[1]!.changes).toEqual({ title: { before: 'Before', after: 'After' } });
  });

  it('computes the change from the locked row and names the action in the audit log', async () => {
    const created = await newDossier();
    const { after } = await run((tx) =>
      dossierEntity.update(
        tx,
        users.editor,
        { id: created.id, version: created.version },
        (row) => ({ status: 'published', summary: `${row.title}, published` }),
        'publish',
      ),
    );
    expect(after).toMatchObject({ status: 'published', summary: 'A story, published' });
    const entries = await auditOf(created.id);
    expect(entries.at(-1)).toMatchObject({ action: 'publish' });
    expect(entries.at(-1)!.changes).toEqual({
      status: { before: 'draft', after: 'published' },
      summary: { before: '', after: 'A story, published' },
    });
  });

  it('refuses a stale version with CONFLICT, naming the record, and writes nothing (no row change, no audit)', async () => {
    const created = await newDossier('Original');
    await run((tx) => dossierEntity.update(tx, users.editor, { id: created.id, version: 1 }, { title: 'First edit' }));
    await expectRefusedWithoutWriting(
      () => run((tx) => dossierEntity.update(tx, users.admin, { id: created.id, version: 1 }, { title: 'Lost edit' })),
      'CONFLICT',
      'This dossier was changed by someone else since you opened it. Reload to see their changes, then try again.',
    );
    expect(await rowOf(created.id)).toMatchObject({ title: 'First edit', version: 2, updatedBy: users.editor.id });
  });

  it('refuses a version from the future too', async () => {
    const created = await newDossier();
    await expectRefusedWithoutWriting(
      () => run((tx) => dossierEntity.update(tx, users.editor, { id: created.id, version: 5 }, { title: 'Ahead' })),
      'CONFLICT',
    );
  });

  it('answers NOT_FOUND for an unknown id, and for a deleted row (restore it first)', async () => {
    await expectRefusedWithoutWriting(
      () => run((tx) => dossierEntity.update(tx, users.editor, { id: randomId(), version: 1 }, { title: 'Nobody' })),
      'NOT_FOUND',
      'Dossier not found.',
    );
    const created = await newDossier();
    const deleted = await run((tx) => dossierEntity.softDelete(tx, users.editor, { id: created.id, version: 1 }));
    await expectRefusedWithoutWriting(
      () => run((tx) => dossierEntity.update(tx, users.editor, { id: created.id, version: deleted.version }, { title: 'Ghost' })),
      'NOT_FOUND',
      'Dossier not found.',
    );
  });

  it('undoes everything when the change function refuses, or when the caller’s transaction fails later', async () => {
    const created = await newDossier('Kept');
    await expectRefusedWithoutWriting(
      () =>
        run((tx) =>
          dossierEntity.update(tx, users.editor, { id: created.id, version: 1 }, () => {
            throw new ServiceError('BAD_REQUEST', 'title: not like that.');
          }),
        ),
      'BAD_REQUEST',
    );
    // The helper writes on the caller's transaction: a refusal after it (a child row's rule) rolls its write back.
    await expectRefusedWithoutWriting(
      () =>
        run(async (tx) => {
          await dossierEntity.update(tx, users.editor, { id: created.id, version: 1 }, { title: 'Rolled back' });
          throw new ServiceError('CONFLICT', 'A later rule refused.');
        }),
      'CONFLICT',
    );
    expect(await rowOf(created.id)).toMatchObject({ title: 'Kept', version: 1 });
  });

  it('runs afterLock before writing: its refusal leaves the row and the log untouched', async () => {
    const dossier = await newDossier();
    const frozen = await newSource(dossier.id, 'Frozen');
    await expectRefusedWithoutWriting(
      () => run((tx) => sourceEntity.update(tx, users.editor, { id: frozen.id, version: 1 }, { title: 'Thawed' })),
      'BAD_REQUEST',
      'This source is frozen.',
    );
    await expectRefusedWithoutWriting(() => run((tx) => sourceEntity.softDelete(tx, users.editor, { id: frozen.id, version: 1 })), 'BAD_REQUEST');
  });
});

describe('editableEntity: soft delete and restore', () => {
  it('deletes a live row at its version (the row stays), restores it, and audits each as a deletedAt change', async () => {
    const dossier = await newDossier();
    const source = await newSource(dossier.id);
    const deleted = await run((tx) => sourceEntity.softDelete(tx, users.editor, { id: source.id, version: 1 }));
    expect(deleted).toMatchObject({ version: 2, updatedBy: users.editor.id, title: 'A source' });
    expect(deleted.deletedAt).toBeInstanceOf(Date);

    const restored = await run((tx) => sourceEntity.restore(tx, users.admin, { id: source.id, version: 2 }));
    expect(restored).toMatchObject({ version: 3, deletedAt: null, updatedBy: users.admin.id });

    const entries = await auditOf(source.id);
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.dossierId])).toEqual([
      ['create', users.editor.id, dossier.id],
      ['delete', users.editor.id, dossier.id],
      ['restore', users.admin.id, dossier.id],
    ]);
    expect(entries[1]!.changes).toEqual({ deletedAt: { before: null, after: deleted.deletedAt!.toISOString() } });
    expect(entries[2]!.changes).toEqual({ deletedAt: { before: deleted.deletedAt!.toISOString(), after: null } });
  });

  it('answers NOT_FOUND when the row is not in the state the action needs', async () => {
    const dossier = await newDossier();
    const source = await newSource(dossier.id);
    await expectRefusedWithoutWriting(
      () => run((tx) => sourceEntity.restore(tx, users.editor, { id: source.id, version: 1 })),
      'NOT_FOUND',
      'Deleted source not found.',
    );
    await run((tx) => sourceEntity.softDelete(tx, users.editor, { id: source.id, version: 1 }));
    await expectRefusedWithoutWriting(
      () => run((tx) => sourceEntity.softDelete(tx, users.editor, { id: source.id, version: 2 })),
      'NOT_FOUND',
      'Source not found.',
    );
    await expectRefusedWithoutWriting(
      () => run((tx) => sourceEntity.restore(tx, users.editor, { id: randomId(), version: 1 })),
      'NOT_FOUND',
      'Deleted source not found.',
    );
  });

  it('checks the version on delete and restore too', async () => {
    const dossier = await newDossier();
    const source = await newSource(dossier.id);
    await run((tx) => sourceEntity.update(tx, users.editor, { id: source.id, version: 1 }, { title: 'Renamed' }));
    await expectRefusedWithoutWriting(() => run((tx) => sourceEntity.softDelete(tx, users.editor, { id: source.id, version: 1 })), 'CONFLICT');
    await run((tx) => sourceEntity.softDelete(tx, users.editor, { id: source.id, version: 2 }));
    await expectRefusedWithoutWriting(() => run((tx) => sourceEntity.restore(tx, users.editor, { id: source.id, version: 2 })), 'CONFLICT');
  });

  it('lets restore’s check refuse on the locked deleted row, writing nothing', async () => {
    const dossier = await newDossier();
    const source = await newSource(dossier.id, 'Taken meanwhile');
    await run((tx) => sourceEntity.softDelete(tx, users.editor, { id: source.id, version: 1 }));
    let seen: string | null = null;
    await expectRefusedWithoutWriting(
      () =>
        run((tx) =>
          sourceEntity.restore(tx, users.editor, { id: source.id, version: 2 }, async (row) => {
            seen = row.title;
            throw new ServiceError('CONFLICT', 'This source cannot be restored.');
          }),
        ),
      'CONFLICT',
      'This source cannot be restored.',
    );
    expect(seen).toBe('Taken meanwhile');
  });
});

describe('editableEntity: lock', () => {
  it('returns the live row, or the deleted one when asked, and NOT_FOUND otherwise', async () => {
    const created = await newDossier();
    expect((await run((tx) => dossierEntity.lock(tx, created.id))).id).toBe(created.id);
    await expect(run((tx) => dossierEntity.lock(tx, created.id, { deleted: true }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Deleted dossier not found.',
    });
  });
});

describe('editableEntity: secret fields', () => {
  // A dossier summary stands in for a password hash: any column can be kept out of the log.
  const secretive = editableEntity({
    table: dossiers,
    entityType: auditEntity.dossier,
    label: 'Dossier',
    dossierIdOf: (row) => row.id,
    secretFields: { summary: 'secret' },
  });

  it('never writes a secret column’s value into the audit log; a change shows only that it changed', async () => {
    const canary = unique('canary-secret');
    const created = await run((tx) => secretive.create(tx, users.editor, dossierInput({ summary: canary })));
    await run((tx) => secretive.update(tx, users.editor, { id: created.id, version: 1 }, { summary: `${canary}-2` }));
    await run((tx) => secretive.update(tx, users.editor, { id: created.id, version: 2 }, { title: 'Only the title' }));
    const entries = await auditOf(created.id);
    expect(JSON.stringify(entries)).not.toContain(canary);
    expect(entries[0]!.changes).not.toHaveProperty('summary');
    expect(entries[1]!.changes).toEqual({ secret: { before: '(hidden)', after: '(changed)' } });
    expect(entries[2]!.changes).toEqual({ title: { before: 'A story', after: 'Only the title' } });
    expect((await rowOf(created.id)).summary).toBe(`${canary}-2`);
  });
});

describe('editableEntity: omitted columns and extra changes', () => {
  // A dossier summary stands in for a generated column (a search vector): kept out of the log entirely.
  const omitting = editableEntity({
    table: dossiers,
    entityType: auditEntity.dossier,
    label: 'Dossier',
    dossierIdOf: (row) => row.id,
    auditOmit: ['summary'],
  });

  it('never records an omitted column, not even as changed, while the row itself is written', async () => {
    const canary = unique('canary-omitted');
    const created = await run((tx) => omitting.create(tx, users.editor, dossierInput({ title: 'Omitting', summary: canary })));
    await run((tx) => omitting.update(tx, users.editor, { id: created.id, version: 1 }, { summary: `${canary}-2`, title: 'Renamed' }));
    const entries = await auditOf(created.id);
    expect(JSON.stringify(entries)).not.toContain(canary);
    expect(entries[0]!.changes).not.toHaveProperty('summary');
    expect(entries[0]!.changes.title).toEqual({ before: null, after: 'Omitting' });
    expect(entries[1]!.changes).toEqual({ title: { before: 'Omitting', after: 'Renamed' } });
    expect(await rowOf(created.id)).toMatchObject({ summary: `${canary}-2`, version: 2 });
  });

  it('records extra changes in the same create entry; a function runs on the inserted row inside the transaction', async () => {
    const plain = await run((tx) =>
      omitting.create(tx, users.editor, dossierInput({ title: 'With parts' }), { extraChanges: { parts: { before: [], after: ['one'] } } }),
    );
    const [entry, ...rest] = await auditOf(plain.id);
    expect(rest).toEqual([]);
    expect(entry!.changes.parts).toEqual({ before: [], after: ['one'] });
    expect(entry!.changes.title).toEqual({ before: null, after: 'With parts' });

    const dossier = await newDossier();
    const created = await run((tx) =>
      omitting.create(tx, users.editor, dossierInput({ title: 'Parent' }), {
        // A child row written with the new row's id, as a claim writes its sources.
        extraChanges: async (row) => {
          const child = await sourceEntity.create(tx, users.editor, { dossierId: dossier.id, title: `Child of ${row.title}` });
          return { child: { before: null, after: child.title } };
        },
      }),
    );
    expect((await auditOf(created.id))[0]!.changes.child).toEqual({ before: null, after: 'Child of Parent' });
  });

  it('records extra changes in the same update entry, with the action given in the options', async () => {
    const created = await newDossier('Updated with parts');
    let seenVersion = 0;
    const { after } = await run((tx) =>
      omitting.update(
        tx,
        users.admin,
        { id: created.id, version: 1 },
        { status: 'published' },
        {
          action: 'publish',
          extraChanges: (row) => {
            seenVersion = row.version;
            return { correction: { before: null, after: 'correction: a note' } };
          },
        },
      ),
    );
    expect(seenVersion).toBe(2);
    expect(after.version).toBe(2);
    const entries = await auditOf(created.id);
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'publish']);
    expect(entries[1]!.changes).toEqual({
      status: { before: 'draft', after: 'published' },
      correction: { before: null, after: 'correction: a note' },
    });
  });

  it('rolls back the row and writes no entry when the extra-changes function refuses', async () => {
    const created = await newDossier('Unchanged');
    await expectRefusedWithoutWriting(
      () =>
        run((tx) =>
          omitting.update(tx, users.editor, { id: created.id, version: 1 }, { title: 'Never' }, {
            extraChanges: () => {
              throw new ServiceError('BAD_REQUEST', 'sources: not like that.');
            },
          }),
        ),
      'BAD_REQUEST',
    );
    expect(await rowOf(created.id)).toMatchObject({ title: 'Unchanged', version: 1 });
  });
});
