import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDriver } from '@/server/testing/test-database';
import { dataDirLockHolder } from '@/scripts/data-dir-lock-holder.mjs';
import { openDatabase } from './client';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

let root: string;
let dataDir: string;
const lockFile = () => `${dataDir}.lock`;
const children = new Set<ChildProcess>();
const lockModule = fileURLToPath(new URL('./data-dir-lock.ts', import.meta.url));

/**
 * A child holder, as a second `npm start` would be: takes the lock on the folder named by its argument, prints
 * "locked" (and keeps it until killed) or "refused: <message>" and exits. Plain node with tsx's loader, so the
 * holder process itself is the node process (pid 1 under `unshare --pid`).
 */
const holderScript = `
  const { lockDataDir } = await import(${JSON.stringify(lockModule)});
  try {
    await lockDataDir(process.argv[1]);
    console.log('locked');
    setInterval(() => {}, 1 << 30);
  } catch (error) {
    console.log('refused: ' + error.message);
  }
`;
const holderArgs = (folder: string) => ['--import', 'tsx', '--input-type=module', '-e', holderScript, folder];

interface Holder {
  process: ChildProcess;
  /** The first line the holder printed: "locked" or "refused: …". */
  said: string;
}

/** Starts a holder (optionally through a wrapper such as `unshare`) and waits for what it says. */
async function startHolder(folder: string, wrapper: string[] = []): Promise<Holder> {
  const [command, ...args] = [...wrapper, process.execPath, ...holderArgs(folder)] as [string, ...string[]];
  const child = spawn(command, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const said = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(output.split('\n')[0]!);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`holder exited (${code}) without a word: ${errors}`)));
  });
  return { process: child, said };
}

/** kill -9, and wait until the process is gone. */
async function killHard(child: ChildProcess, pid = child.pid!): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(pid, 'SIGKILL');
  await exited;
}

async function refusal(folder: string): Promise<Error> {
  try {
    const release = await lockDataDir(folder);
    release();
  } catch (error) {
    return error as Error;
  }
  throw new Error(`lockDataDir(${folder}) was not refused`);
}

/** Why `unshare --pid` cannot run here (not root, no user namespaces, seccomp…), or null if it can. */
function unshareProblem(): string | null {
  const result = spawnSync('unshare', ['--fork', '--pid', '--mount-proc', 'true'], { encoding: 'utf8' });
  if (result.error) return `unshare is not available (${result.error.message})`;
  if (result.status !== 0) return `unshare --pid is not permitted here (${result.stderr.trim()})`;
  return null;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-lock-test-'));
  dataDir = path.join(root, 'pglite');
});
afterEach(async () => {
  await Promise.all([...children].map((child) => killHard(child)));
  fs.rmSync(root, { recursive: true, force: true });
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('lockDataDir', () => {
  it('holds the lock as a socket beside the folder that answers with this process’s pid, and removes it on release', async () => {
    const release = await lockDataDir(dataDir);
    expect(fs.statSync(lockFile()).isSocket()).toBe(true);
    expect(await dataDirLockHolder(dataDir)).toMatchObject({ pid: process.pid, since: expect.any(String) });
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
    expect(await dataDirLockHolder(dataDir)).toBeNull();
    release(); // twice is harmless
  });

  it('refuses a second lock while a live process holds it, naming the folder and the process', async () => {
    const holder = await startHolder(dataDir);
    expect(holder.said).toBe('locked');
    const error = await refusal(dataDir);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect(error.message).toContain(dataDir);
    expect(error.message).toContain(`in use by process ${holder.process.pid} (since `);
    // The holder keeps its lock: still refused, and the e2e script sees it too.
    expect(await refusal(dataDir)).toBeInstanceOf(DataDirInUseError);
    expect(await dataDirLockHolder(dataDir)).toMatchObject({ pid: holder.process.pid });
  });

  it('refuses a second lock from the same process (two openers in one server)', async () => {
    const release = await lockDataDir(dataDir);
    try {
      expect(await refusal(dataDir)).toBeInstanceOf(DataDirInUseError);
      expect(await refusal(`${dataDir}/`)).toBeInstanceOf(DataDirInUseError);
    } finally {
      release();
    }
  });

  it('takes over at once the lock of a process killed with SIGKILL', async () => {
    const holder = await startHolder(dataDir);
    expect(holder.said).toBe('locked');
    await killHard(holder.process);
    expect(fs.statSync(lockFile()).isSocket()).toBe(true); // the dead holder's socket file is still there
    expect(await dataDirLockHolder(dataDir)).toBeNull();
    const release = await lockDataDir(dataDir);
    try {
      expect((await startHolder(dataDir)).said).toMatch(new RegExp(`^refused: .*in use by process ${process.pid} `));
    } finally {
      release();
    }
  });

  it('lets exactly one of several servers restarting at once take over a dead holder’s lock', async () => {
    const dead = await startHolder(dataDir);
    await killHard(dead.process);
    const said = (await Promise.all([1, 2, 3, 4].map(() => startHolder(dataDir)))).map((holder) => holder.said);
    expect(said.filter((line) => line === 'locked')).toHaveLength(1);
    expect(said.filter((line) => line.startsWith('refused: ') && line.includes('in use by process'))).toHaveLength(3);
  });

  const noUnshare = unshareProblem();
  it.skipIf(noUnshare)(
    `starts again after a kill -9 when the new server gets the same pid (pid 1 of a fresh pid namespace, as in a container)${noUnshare ? ` — skipped: ${noUnshare}` : ''}`,
    async () => {
      // --kill-child: should the test stop `unshare`, its holder goes too.
      const wrapper = ['unshare', '--fork', '--pid', '--mount-proc', '--kill-child'];
      const first = await startHolder(dataDir, wrapper);
      expect(first.said).toBe('locked');
      expect(await dataDirLockHolder(dataDir)).toMatchObject({ pid: 1 });
      // `unshare` waits for its child, the holder: kill the holder itself, as `docker kill` would.
      const holderPid = Number(fs.readFileSync(`/proc/${first.process.pid}/task/${first.process.pid}/children`, 'utf8').trim());
      await killHard(first.process, holderPid);

      const second = await startHolder(dataDir, wrapper);
      expect(second.said).toBe('locked');
      expect(await refusal(dataDir)).toBeInstanceOf(DataDirInUseError);
    },
  );

  it('takes over a lock file in the old format (a pid in JSON), even if that pid is alive', async () => {
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
    const release = await lockDataDir(dataDir);
    expect(fs.statSync(lockFile()).isSocket()).toBe(true);
    release();
  });

  it('takes over an unreadable or half-written old-format lock file', async () => {
    fs.writeFileSync(lockFile(), '{"pid":');
    const release = await lockDataDir(dataDir);
    expect(await dataDirLockHolder(dataDir)).toMatchObject({ pid: process.pid });
    release();
  });

  it('locks a folder whose path is too long for a socket address, against other processes too', async () => {
    dataDir = path.join(root, 'a-folder-with-a-rather-long-name-'.repeat(3), 'and-another-one-'.repeat(3), 'pglite');
    expect(Buffer.byteLength(lockFile())).toBeGreaterThan(108);
    const holder = await startHolder(dataDir);
    expect(holder.said).toBe('locked');
    expect(fs.statSync(lockFile()).isSocket()).toBe(true); // the socket is beside the folder, not elsewhere
    const error = await refusal(dataDir);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect(error.message).toContain(dataDir);
    expect(await dataDirLockHolder(dataDir)).toMatchObject({ pid: holder.process.pid });

    await killHard(holder.process);
    const release = await lockDataDir(dataDir);
    expect((await startHolder(dataDir)).said).toMatch(new RegExp(`^refused: .*in use by process ${process.pid} `));
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('lets another process lock the folder as soon as it is released', async () => {
    const release = await lockDataDir(dataDir);
    expect((await startHolder(dataDir)).said).toMatch(/^refused: /);
    release();
    expect((await startHolder(dataDir)).said).toBe('locked');
  });
});

// The lock is PGlite's; opening a folder on disk takes seconds, so once (in the pglite project) is enough.
describe.runIf(testDriver === 'pglite')('openDatabase on a locked PGlite folder', () => {
  it('fails with the clear message, without touching the folder', async () => {
    expect((await startHolder(dataDir)).said).toBe('locked');
    const opening = openDatabase({ driver: 'pglite', dataDir });
    await expect(opening).rejects.toThrow(DataDirInUseError);
    await expect(opening).rejects.toThrow(dataDir);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('opens a free folder, holds the lock while open and releases it on close', async () => {
    const handle = await openDatabase({ driver: 'pglite', dataDir });
    try {
      expect(await dataDirLockHolder(dataDir)).toMatchObject({ pid: process.pid });
      await expect(openDatabase({ driver: 'pglite', dataDir })).rejects.toThrow(DataDirInUseError);
      expect((await startHolder(dataDir)).said).toMatch(/^refused: /);
      await handle.ping();
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(lockFile())).toBe(false);
  });
});
