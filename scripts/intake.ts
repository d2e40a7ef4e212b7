import { runIntakeCli } from '@/server/intake/intake-cli';
import { withDatabase } from './cli';
import { printScores } from './intake-scores';

// npm run intake -- --dossier <slug> [--json] [--published-on YYYY-MM-DD] < article.txt   (creates nothing)
// npm run intake -- --score [--verbose]   (recall and precision on the fixtures; no database)
const args = process.argv.slice(2);
if (args.includes('--score')) {
  printScores(args.includes('--verbose'));
} else {
  // Read stdin before opening the database, so a missing pipe fails fast and never waits on a terminal.
  const stdin = process.stdin.isTTY ? '' : await readStdin();
  await withDatabase(async (handle) => {
    console.log(await runIntakeCli(handle.db, args, stdin));
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
