import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/server/db/client';
import { createTestDatabase, testDriver } from '@/server/testing/test-database';
import { runUserCommand } from '@/server/users/user-cli';
import { findUserByEmail } from '@/server/users/users.service';
import { signInWithPassword } from '@/server/auth/sign-in';

const run = promisify(execFile);
let database: Awaited<ReturnType<typeof createTestDatabase>>;

function io(password = 'operator-password') {
  const lines: string[] = [];
  return { lines, io: { out: (line: string) => lines.push(line), readPassword: async () => password } };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

describe('user CLI', () => {
  it('creates a user who can then sign in, changes their role and disables them', async () => {
    const created = io();
    expect(await runUserCommand(database.db, ['create', '--email', 'Desk@Example.org', '--role', 'editor'], created.io)).toBe(0);
    expect(created.lines.join('\n')).toContain('desk@example.org (editor)');
    const signIn = await signInWithPassword(database.db, { email: 'desk@example.org', password: 'operator-password', address: null });
    expect(signIn.ok).toBe(true);

    await runUserCommand(database.db, ['set-role', '--email', 'desk@example.org', '--role', 'admin'], io().io);
    expect((await findUserByEmail(database.db, 'desk@example.org'))?.role).toBe('admin');

    // The only admin cannot be disabled: someone must be left to manage users.
    await expect(runUserCommand(database.db, ['disable', '--email', 'desk@example.org'], io().io)).rejects.toThrow(/last active admin/);
    await runUserCommand(database.db, ['create', '--email', 'second@example.org', '--role', 'admin'], io().io);
    await runUserCommand(database.db, ['disable', '--email', 'desk@example.org'], io().io);
    expect((await findUserByEmail(database.db, 'desk@example.org'))?.active).toBe(false);
  });

  it('refuses bad arguments with a message naming the flag, and changes nothing', async () => {
    await expect(runUserCommand(database.db, ['create', '--email', 'x@example.org', '--role', 'boss'], io().io)).rejects.toThrow(/--role/);
    await expect(runUserCommand(database.db, ['create', '--email', 'not-an-email', '--role', 'viewer'], io().io)).rejects.toThrow(/--email/);
    await expect(runUserCommand(database.db, ['create', '--email', 'y@example.org', '--role', 'viewer'], io('short').io)).rejects.toThrow(/at least 8/);
    expect(await findUserByEmail(database.db, 'x@example.org')).toBeNull();
    expect(await findUserByEmail(database.db, 'y@example.org')).toBeNull();
  });
});

// PGlite-only behaviour: run it once, in the pglite project.
describe.skipIf(testDriver !== 'pglite')('a second process on the embedded database', () => {
  let dataDir: string;
  let holder: DatabaseHandle;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'claimdesk-lock-'));
    holder = await openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  });
  afterAll(async () => {
    await holder.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails fast with a message naming the folder instead of opening it', async () => {
    const started = Date.now();
    const failure = await run('npx', ['tsx', 'scripts/user.ts', 'list'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(path.join(dataDir, 'pglite'));
    expect(failure?.stderr).toContain('in use by process');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
