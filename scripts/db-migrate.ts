import { withDatabase } from './cli';

await withDatabase(async (handle) => {
  console.log(`Migrations applied (${handle.driver}).`);
});
