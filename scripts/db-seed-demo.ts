import { seedDemo } from '@/server/seed/demo';
import { withDatabase } from './cli';

// Migrates, then adds the demo dossier and demo accounts to whichever database is configured. Idempotent.
await withDatabase(async (handle) => {
  await seedDemo(handle.db);
  console.log(`Demo dossier and accounts are in place (${handle.driver}). Password for the demo accounts: claimdesk-demo`);
});
