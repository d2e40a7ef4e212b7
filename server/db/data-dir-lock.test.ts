import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDriver } from '@/server/testing/test-database';
import { openDatabase } from './client';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

let root: string;
let dataDir: string;
const lockFile = () => `${dataDir}.lock`;
const children: ChildProcess[] = [];

/** A live process that is not this one, as a second `npm run dev` would be. */
async function liveProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  return child;
}

/** The pid of a process that has exited, as a crashed dev server leaves behind. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

const writeLock = (pid: number) => fs.writeFileSync(lockFile(), JSON.stringify({ pid, since: new Date().toISOString() }));

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-lock-'));
  dataDir = path.join(root, 'pglite');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
afterAll(() => {
  for (const child of children) child.kill();
});

describe('lockDataDir', () => {
  it('writes a lock file with this process’s pid beside the folder, and removes it on release', () => {
    const release = lockDataDir(dataDir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
    release(); // twice is harmless
  });

  it('refuses a second lock while a live process holds it, naming the folder and the process', async () => {
    const holder = await liveProcess();
    writeLock(holder.pid!);
    let error: unknown;
    try {
      lockDataDir(dataDir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toContain(dataDir);
    expect((error as Error).message).toContain(String(holder.pid));
    // The holder's lock is left alone.
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(holder.pid);
  });

  it('refuses a second lock from the same process (two openers in one server)', () => {
    const release = lockDataDir(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(`${dataDir}/`)).toThrow(DataDirInUseError);
    } finally {
      release();
    }
  });

  it('takes over a stale lock left by a process that has exited', async () => {
    writeLock(await deadPid());
    const release = lockDataDir(dataDir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('takes over an unreadable or half-written lock file', () => {
    fs.writeFileSync(lockFile(), '{"pid":');
    const release = lockDataDir(dataDir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    release();
  });
});

// The lock is PGlite's; opening a folder on disk takes seconds, so once (in the pglite project) is enough.
describe.runIf(testDriver === 'pglite')('openDatabase on a locked PGlite folder', () => {
  it('fails fast with the clear message, without touching the folder', async () => {
    const holder = await liveProcess();
    writeLock(holder.pid!);
    const started = Date.now();
    await expect(openDatabase({ driver: 'pglite', dataDir })).rejects.toThrow(DataDirInUseError);
    await expect(openDatabase({ driver: 'pglite', dataDir })).rejects.toThrow(dataDir);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('opens a free folder, holds the lock while open and releases it on close', async () => {
    const handle = await openDatabase({ driver: 'pglite', dataDir });
    try {
      expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
      await expect(openDatabase({ driver: 'pglite', dataDir })).rejects.toThrow(DataDirInUseError);
      await handle.ping();
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(lockFile())).toBe(false);
  });
});
