import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsFolder, openDatabase, type DatabaseHandle } from '@/server/db/client';
import { createUser, type SessionUser } from '@/server/users/users.service';
import { createScratchDatabase } from './scratch-database';

/** Which database this vitest project runs on: see vitest.config.ts (one project per driver). */
export const testDriver = (process.env.CLAIMDESK_TEST_DRIVER ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A fresh, migrated database for one test file: a new in-memory PGlite, or a new database on the PostgreSQL server
 * named by TEST_DATABASE_URL (dropped again by `cleanup`). Test files never share data, so runs never collide.
 */
export type TestDatabase = DatabaseHandle & {
  cleanup: () => Promise<void>;
  /** PostgreSQL only: the test database's own URL, for a test that needs a second, independent connection. */
  url?: string;
};

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDriver === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite', inMemory: true, loadDataDir: await migratedPgliteTemplate() });
    await handle.migrate(); // a no-op on the template, kept so a stale one could never be used unmigrated
    return { ...handle, cleanup: () => handle.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('The postgres test project needs TEST_DATABASE_URL.');
  const scratch = await createScratchDatabase(serverUrl, 'claimdesk_test');
  const handle = await openDatabase({ driver: 'postgres', url: scratch.url, poolSize: 25 });
  await handle.migrate();
  return {
    ...handle,
    url: scratch.url,
    async cleanup() {
      await handle.close();
      await scratch.drop();
    },
  };
}

/**
 * A dump of a freshly migrated PGlite, made once and cached in the temp folder under a key of the migrations and
 * the PGlite version: loading it takes a fraction of the seconds `initdb` costs, once per test file.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  const pgliteVersion = (JSON.parse(fs.readFileSync(path.join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
  hash.update(pgliteVersion);
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  const templatePath = path.join(os.tmpdir(), `claimdesk-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (fs.existsSync(templatePath)) return new Blob([fs.readFileSync(templatePath)]);

  const client = await PGlite.create(undefined, { extensions: { pg_trgm } });
  try {
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir('none');
    // Written aside then renamed, so a parallel test file never reads half a template.
    const partial = `${templatePath}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, templatePath);
    return dump;
  } finally {
    await client.close();
  }
}

export interface TestUsers {
  admin: SessionUser;
  editor: SessionUser;
  viewer: SessionUser;
}

/**
 * A separate connection to a PostgreSQL test database, outside the app's pool: a test can hold locks with it (an
 * open transaction) while the app's own connections run into them. PostgreSQL only (PGlite has one connection).
 */
export async function openSideConnection(database: TestDatabase): Promise<pg.Client> {
  if (!database.url) throw new Error('A side connection needs the PostgreSQL test driver (TEST_DATABASE_URL).');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return client;
}

export const TEST_PASSWORD = 'correct horse battery';

export async function createTestUsers(handle: DatabaseHandle): Promise<TestUsers> {
  const make = async (role: 'admin' | 'editor' | 'viewer') => {
    const user = await createUser(handle.db, null, { email: `${role}@test.example`, name: role, role, password: TEST_PASSWORD });
    return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: false };
  };
  return { admin: await make('admin'), editor: await make('editor'), viewer: await make('viewer') };
}
