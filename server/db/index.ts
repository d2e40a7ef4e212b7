import { readEnvironment, pgliteDataDir, type Environment } from '@/server/env';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from './client';

export type { Database, DatabaseOrTransaction, Transaction, DatabaseHandle } from './client';

export function databaseConfigFromEnvironment(environment: Environment = readEnvironment()): DatabaseConfig {
  return environment.DATABASE_URL
    ? { driver: 'postgres', url: environment.DATABASE_URL }
    : { driver: 'pglite', dataDir: pgliteDataDir(environment) };
}

type Startup = (handle: DatabaseHandle) => Promise<void>;

// Kept on globalThis: Next bundles instrumentation and each route separately, and dev reloads modules, but the
// process must open the embedded database exactly once.
const holder = globalThis as typeof globalThis & { __claimdeskDatabase?: Promise<DatabaseHandle> };

/**
 * The app's database, opened on first use, migrated and prepared by `startup` (see server/startup.ts).
 * Never opened at import time, so `next build` does not touch it.
 */
export function getDatabaseHandle(startup?: Startup): Promise<DatabaseHandle> {
  holder.__claimdeskDatabase ??= (async () => {
    const handle = await openDatabase(databaseConfigFromEnvironment());
    try {
      await handle.migrate();
      if (startup) await startup(handle);
      return handle;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  })().catch((error: unknown) => {
    holder.__claimdeskDatabase = undefined;
    throw error;
  });
  return holder.__claimdeskDatabase;
}

/** Tests only: make route handlers and pages use a database the test created. */
export function setAppDatabaseForTesting(handle: DatabaseHandle | undefined): void {
  holder.__claimdeskDatabase = handle ? Promise.resolve(handle) : undefined;
}
