import { databaseConfigFromEnvironment } from '@/server/db';
import { ZodError } from 'zod';
import { openDatabase, type DatabaseHandle } from '@/server/db/client';
import { describeZodError } from '@/server/validation';

/**
 * Opens the configured database (DATABASE_URL, or the embedded folder under DATA_DIR), migrated, runs `task`,
 * closes it. Errors print as one line and exit 1: e.g. an embedded folder held by a running `npm run dev`.
 */
export async function withDatabase(task: (handle: DatabaseHandle) => Promise<number | void>): Promise<never> {
  let handle: DatabaseHandle | undefined;
  let code = 0;
  try {
    handle = await openDatabase(databaseConfigFromEnvironment());
    await handle.migrate();
    code = (await task(handle)) ?? 0;
  } catch (error) {
    const message = error instanceof ZodError ? describeZodError(error) : error instanceof Error ? error.message : String(error);
    console.error(`error: ${message}`);
    code = 1;
  } finally {
    await handle?.close().catch(() => undefined);
  }
  process.exit(code);
}
