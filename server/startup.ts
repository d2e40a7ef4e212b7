import { deleteEndedSessions } from '@/server/auth/sessions';
import { getDatabaseHandle, type DatabaseHandle } from '@/server/db';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '@/server/db/availability';
import { DataDirInUseError } from '@/server/db/data-dir-lock';
import { readEnvironment, type Environment } from '@/server/env';
import { seedDemo } from '@/server/seed/demo';
import { countUsers, createUser } from '@/server/users/users.service';

/**
 * What happens once per process after migrations: the first admin from ADMIN_EMAIL/ADMIN_PASSWORD on an empty
 * database, and the demo dossier and accounts on the embedded development database (or when SEED_DEMO=1).
 */
export async function prepareDatabase(handle: DatabaseHandle, environment: Environment = readEnvironment()): Promise<void> {
  const isEmpty = (await countUsers(handle.db)) === 0;

  if (isEmpty && environment.ADMIN_EMAIL && environment.ADMIN_PASSWORD) {
    await createUser(handle.db, null, { email: environment.ADMIN_EMAIL, name: 'Administrator', role: 'admin', password: environment.ADMIN_PASSWORD });
    console.log(`[claimdesk] created the first admin, ${environment.ADMIN_EMAIL}`);
  }

  if (isEmpty && !(environment.ADMIN_EMAIL && environment.ADMIN_PASSWORD) && environment.NODE_ENV === 'production') {
    console.warn('[claimdesk] no users yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart, or run `npm run user -- create --email … --role admin`');
  }

  const seedByDefault = handle.driver === 'pglite' && environment.NODE_ENV === 'development';
  const shouldSeed = environment.SEED_DEMO ? environment.SEED_DEMO === '1' : seedByDefault;
  if (shouldSeed && isEmpty) {
    await seedDemo(handle.db);
    console.log('[claimdesk] seeded the demo dossier and demo accounts (password: claimdesk-demo)');
  }
}

/**
 * The app's database, ready to use. Route handlers, pages and tRPC all go through this. When it cannot be opened
 * (PostgreSQL down at start-up), callers get a DatabaseUnavailableError (a 503), and the next call tries again.
 */
export async function getAppDatabase(): Promise<DatabaseHandle> {
  try {
    return await getDatabaseHandle(async (handle) => {
      await prepareDatabase(handle);
      await deleteEndedSessions(handle.db);
    });
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof DataDirInUseError) throw error;
    if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError(error);
    throw error;
  }
}
