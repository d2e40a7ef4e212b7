import { registerDatabaseProbe } from '@/server/db/availability';
import { readEnvironment } from '@/server/env';
import { peerHeaderIsStamped } from '@/server/http/client-address';
import { getAppDatabase } from '@/server/startup';

/** The one-line refusal when production runs without AUTH_SECRET, or null when all is well. */
export function missingProductionSecret(environment: NodeJS.ProcessEnv): string | null {
  if (environment.NODE_ENV !== 'production' || environment.AUTH_SECRET?.trim()) return null;
  return 'AUTH_SECRET is not set, refusing to start. Make one with: openssl rand -base64 32  (then set AUTH_SECRET to it)';
}

/**
 * Runs once when a Node server process starts (from instrumentation.ts): refuse to run production without a
 * secret, then open, migrate and prepare the database before the first request.
 */
export async function bootServer(): Promise<void> {
  const problem = missingProductionSecret(process.env);
  if (problem) {
    console.error(`[claimdesk] ${problem}`);
    process.exit(1);
  }
  // next-auth builds absolute redirect URLs from NEXTAUTH_URL; default it to this server so PORT just works.
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  try {
    readEnvironment();
  } catch (error) {
    console.error(`[claimdesk] ${(error as Error).message}`);
    process.exit(1);
  }
  if (process.env.NODE_ENV === 'production' && !peerHeaderIsStamped()) {
    console.warn(
      '[claimdesk] started without scripts/server.mjs (use `npm start`): client addresses for sign-in limits fall back to X-Forwarded-For, which clients can forge.',
    );
  }
  // proxy.ts asks this before rendering a page, to answer 503 rather than fail mid-render while the database is down.
  registerDatabaseProbe(async () => (await getAppDatabase()).ping());
  try {
    const handle = await getAppDatabase();
    console.log(`[claimdesk] database ready (${handle.driver})`);
  } catch (error) {
    console.error(`[claimdesk] database not ready: ${(error as Error).message}`);
    // A locked embedded folder will not unlock by waiting. A PostgreSQL server that is down is retried on each
    // request, and /api/health answers 503 meanwhile.
    if ((error as Error).name === 'DataDirInUseError') process.exit(1);
  }
}
