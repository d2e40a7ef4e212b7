import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '@/server/db/client';
import { createUser, type SessionUser } from '@/server/users/users.service';

/** Which database this vitest project runs on: see vitest.config.ts (one project per driver). */
export const testDriver = (process.env.CLAIMDESK_TEST_DRIVER ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A fresh, migrated database for one test file: a new in-memory PGlite, or a new database on the PostgreSQL server
 * named by TEST_DATABASE_URL (dropped again by `cleanup`). Test files never share data, so runs never collide.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { cleanup: () => Promise<void> }> {
  if (testDriver === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite', inMemory: true });
    await handle.migrate();
    return { ...handle, cleanup: () => handle.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('The postgres test project needs TEST_DATABASE_URL.');
  const name = `claimdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: 'postgres', url: url.toString(), poolSize: 25 });
  await handle.migrate();
  return {
    ...handle,
    async cleanup() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface TestUsers {
  admin: SessionUser;
  editor: SessionUser;
  viewer: SessionUser;
}

export const TEST_PASSWORD = 'correct horse battery';

export async function createTestUsers(handle: DatabaseHandle): Promise<TestUsers> {
  const make = async (role: 'admin' | 'editor' | 'viewer') => {
    const user = await createUser(handle.db, null, { email: `${role}@test.example`, name: role, role, password: TEST_PASSWORD });
    return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: false };
  };
  return { admin: await make('admin'), editor: await make('editor'), viewer: await make('viewer') };
}
