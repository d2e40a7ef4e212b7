import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/server/users/users.service';
import { callerFor, expectTrpcError, randomId, unique } from '@/server/testing/fixtures';
import { createTestDatabase, createTestUsers, TEST_PASSWORD, type TestUsers } from '@/server/testing/test-database';
import { auditEntityTypes } from './entity-types';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;

beforeAll(async () => {
  database = await createTestDatabase();
  users = await createTestUsers(database);
});
afterAll(() => database.cleanup());

describe('audit.history', () => {
  it('answers for every record kind of the one entity-type list except users', async () => {
    for (const entityType of auditEntityTypes.filter((type) => type !== 'user')) {
      expect(await callerFor(database.db, users.viewer).audit.history({ entityType, entityId: randomId() })).toEqual([]);
    }
  });

  it('does not show a viewer the history of a user account (emails, roles)', async () => {
    const created = await createUser(database.db, users.admin, { email: `${unique('someone')}@example.org`, role: 'viewer', password: TEST_PASSWORD });
    await expectTrpcError(
      callerFor(database.db, users.viewer).audit.history({ entityType: 'user' as never, entityId: created.id }),
      'BAD_REQUEST',
      'entityType: Entity type must be one of: dossier, source',
    );
  });
});
