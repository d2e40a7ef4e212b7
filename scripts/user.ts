import { createInterface } from 'node:readline';
import { CliUsageError, runUserCommand } from '@/server/users/user-cli';
import { withDatabase } from './cli';

/** Reads a password without echoing it, or takes USER_PASSWORD (for scripts and CI). */
function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return Promise.resolve(process.env.USER_PASSWORD);
  if (!process.stdin.isTTY) return Promise.reject(new CliUsageError('No password: set USER_PASSWORD or run in a terminal.'));
  return new Promise((resolve) => {
    const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = prompt as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    output._writeToOutput = (text) => {
      if (!asked) {
        asked = true;
        process.stdout.write(text);
      }
    };
    prompt.question('Password (8–128 characters): ', (answer) => {
      prompt.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

await withDatabase((handle) =>
  runUserCommand(handle.db, process.argv.slice(2), { out: (line) => console.log(line), readPassword }),
);
