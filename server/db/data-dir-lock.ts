import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** What the process holding a lock says about itself when asked (see `lockDataDir`). */
export interface LockHolder {
  pid?: number;
  /** When it took the lock (ISO 8601). */
  since?: string;
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, holder: LockHolder = {}) {
    const who = holder.pid
      ? `process ${holder.pid}${holder.since ? ` (since ${holder.since})` : ''}`
      : 'another process (it did not say which)';
    super(
      `The embedded database folder ${dataDir} is in use by ${who} (is \`npm run dev\` or \`npm start\` running?). ` +
        `PGlite allows one process per folder: stop that process, or point DATA_DIR elsewhere, or use DATABASE_URL.`,
    );
    this.name = 'DataDirInUseError';
  }
}

/** The lock of a PGlite data folder: `<folder>.lock` beside it. */
export function dataDirLockPath(dataDir: string): string {
  return `${path.resolve(dataDir).replace(/[\\/]+$/, '')}.lock`;
}

// A Unix socket address (sun_path) holds 108 bytes on Linux and 104 on macOS, terminating NUL included; a longer
// path fails to bind (or, with older libuv, is silently cut short). Keep a margin.
const MAX_SOCKET_PATH_BYTES = 100;
const GREETING_TIMEOUT_MS = 1_500;
const GREETING_MAX_BYTES = 512;

/**
 * Runs `run` with an address that binds or reaches the socket at `lockPath`.
 *
 * Long paths: the socket stays at `lockPath` itself, reached through a symlink to its directory from a fresh private
 * folder under os.tmpdir() (bind and connect follow symlinks in the directory part). Rejected alternatives: an
 * abstract-namespace socket (Linux only, keyed by a path string rather than the file, and invisible to a second
 * container that shares the data volume but not the network namespace); chdir + a relative path (process-wide state,
 * not allowed in worker threads).
 * Windows has no Unix socket files here: a named pipe, which the system also removes when its holder dies.
 */
async function withSocketAddress<T>(lockPath: string, run: (address: string) => Promise<T>): Promise<T> {
  if (process.platform === 'win32') {
    return run(`\\\\?\\pipe\\claimdesk-${createHash('sha256').update(lockPath.toLowerCase()).digest('hex')}`);
  }
  if (Buffer.byteLength(lockPath) <= MAX_SOCKET_PATH_BYTES) return run(lockPath);
  const shortcut = fs.mkdtempSync(path.join(os.tmpdir(), 'cdl-'));
  const link = path.join(shortcut, 'd');
  try {
    fs.symlinkSync(path.dirname(lockPath), link, 'dir');
    const address = path.join(link, path.basename(lockPath));
    if (Buffer.byteLength(address) > MAX_SOCKET_PATH_BYTES) {
      throw new Error(
        `The lock for ${lockPath} needs a socket path of at most ${MAX_SOCKET_PATH_BYTES} bytes; even ${address} is longer ` +
          `(shorten the data folder's name or TMPDIR).`,
      );
    }
    return await run(address);
  } finally {
    fs.rmSync(link, { force: true });
    fs.rmSync(shortcut, { recursive: true, force: true });
  }
}

type ErrnoException = NodeJS.ErrnoException;

/** Binds `server` at `address`; false if something is already there. */
function listen(server: net.Server, address: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') resolve(false);
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError).once('listening', onListening);
    server.listen(address);
  });
}

function parseGreeting(text: string): LockHolder {
  try {
    const { pid, since } = JSON.parse(text.split('\n')[0] ?? '') as { pid?: unknown; since?: unknown };
    // Whatever listens there writes into our error message: take a number and a short date-like string only.
    return {
      pid: Number.isSafeInteger(pid) && (pid as number) > 0 ? (pid as number) : undefined,
      since: typeof since === 'string' && /^[0-9T:.+\-Z]{1,40}$/.test(since) ? since : undefined,
    };
  } catch {
    return {};
  }
}

/** Connects to the lock: the holder if one is listening, null if nobody is (a socket file left by a dead process). */
function askHolder(address: string): Promise<LockHolder | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(address);
    let connected = false;
    let received = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseGreeting(received));
    };
    // A holder whose event loop is busy still counts as live (the kernel accepted us); it just may not say who it is.
    const timer = setTimeout(finish, GREETING_TIMEOUT_MS);
    timer.unref();
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes('\n') || received.length > GREETING_MAX_BYTES) finish();
    });
    socket.on('end', finish);
    socket.on('error', (error: ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      if (connected) resolve(parseGreeting(received));
      else if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') resolve(null);
      else reject(error);
    });
  });
}

interface FileIdentity {
  dev: bigint;
  ino: bigint;
  mtimeNs: bigint;
  birthtimeNs: bigint;
  isSocket: boolean;
  isFile: boolean;
}

function identityOf(file: string): FileIdentity | null {
  try {
    const stats = fs.lstatSync(file, { bigint: true });
    const { dev, ino, mtimeNs, birthtimeNs } = stats;
    return { dev, ino, mtimeNs, birthtimeNs, isSocket: stats.isSocket(), isFile: stats.isFile() };
  } catch (error) {
    if ((error as ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// ctime is left out: rename and link change it.
const sameFile = (a: FileIdentity | null, b: FileIdentity | null) =>
  !!a && !!b && a.dev === b.dev && a.ino === b.ino && a.mtimeNs === b.mtimeNs && a.birthtimeNs === b.birthtimeNs;

/**
 * Removes the lock file found stale (`seen`), but never a live lock that another process created after we looked:
 * move whatever is there aside (rename is atomic), and put it back if it is not the file we found stale.
 */
function removeStaleLock(lockPath: string, seen: FileIdentity) {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as ErrnoException).code === 'ENOENT') return; // someone else removed it already
    throw error;
  }
  try {
    if (!sameFile(identityOf(aside), seen)) fs.linkSync(aside, lockPath);
  } catch (error) {
    if ((error as ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/**
 * Takes an exclusive lock beside a PGlite data folder, because a second process opening the same folder corrupts it.
 *
 * The lock is a Unix socket listening at `<folder>.lock`: the kernel closes it when the process dies, however it
 * dies, so a crashed server's lock is free at once, even when the next server gets the same pid (containers, pid
 * namespaces). A second opener finds the address taken and connects: if someone answers, the folder is in use (the
 * holder writes one JSON line, `{"pid":…,"since":…}`, for the error message); if nobody does, the socket file is a
 * dead holder's leftover and is replaced. A regular file there is a lock from before sockets (a pid in JSON):
 * replaced too.
 *
 * Resolves to a function that releases the lock; it is also released when the process exits. The socket never keeps
 * the process alive.
 */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  const absolute = path.resolve(dataDir);
  const lockPath = dataDirLockPath(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const greeting = `${JSON.stringify({ pid: process.pid, since: new Date().toISOString() })}\n`;
  const usesFile = process.platform !== 'win32';

  for (let attempt = 0; attempt < 5; attempt++) {
    const server = net.createServer((connection) => {
      connection.on('error', () => undefined); // the asker may hang up before reading; nothing to do
      // Say who we are and hang up; an asker that never closes its end must not keep this process alive.
      connection.unref();
      connection.end(greeting, () => connection.destroy());
    });
    let bound: boolean;
    try {
      bound = await withSocketAddress(lockPath, (address) => listen(server, address));
    } catch (error) {
      if (!(error as ErrnoException).code) throw error;
      throw new Error(
        `Could not lock the embedded database folder ${absolute}: listening on ${lockPath} failed ` +
          `(${(error as Error).message}). The lock is a Unix socket; the folder's file system must support them.`,
        { cause: error },
      );
    }
    if (bound) {
      server.unref();
      // Errors after listening concern single incoming connections (e.g. out of file descriptors); the lock holds.
      server.on('error', () => undefined);
      const mine = usesFile ? identityOf(lockPath) : null;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (usesFile && sameFile(identityOf(lockPath), mine)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
        server.close();
      };
      process.on('exit', release);
      return release;
    }

    if (!usesFile) {
      const holder = await withSocketAddress(lockPath, askHolder);
      if (holder) throw new DataDirInUseError(absolute, holder);
      continue; // the pipe closed between our bind and our look
    }
    const seen = identityOf(lockPath);
    if (!seen) continue; // released between our bind and our look
    if (seen.isSocket) {
      const holder = await withSocketAddress(lockPath, askHolder);
      if (holder) throw new DataDirInUseError(absolute, holder);
    } else if (!seen.isFile) {
      throw new Error(`Could not lock the embedded database folder ${absolute}: ${lockPath} is neither a lock nor a file; remove it.`);
    }
    removeStaleLock(lockPath, seen);
  }
  throw new Error(`Could not lock the embedded database folder ${absolute} (lock ${lockPath}); other processes kept taking it.`);
}
