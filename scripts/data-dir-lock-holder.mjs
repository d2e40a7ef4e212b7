// @ts-check
/**
 * Who holds a PGlite data folder's lock, for plain-Node scripts (no tsx): asks the socket that
 * server/db/data-dir-lock.ts listens on at `<folder>.lock`. Mirrors that module's addressing; its test
 * (server/db/data-dir-lock.test.ts) checks that both agree, long paths included.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const MAX_SOCKET_PATH_BYTES = 100;
const GREETING_TIMEOUT_MS = 1_500;

/**
 * @template T
 * @param {string} lockPath
 * @param {(address: string) => Promise<T>} run
 * @returns {Promise<T>}
 */
async function withSocketAddress(lockPath, run) {
  if (process.platform === 'win32') {
    return run(`\\\\?\\pipe\\claimdesk-${createHash('sha256').update(lockPath.toLowerCase()).digest('hex')}`);
  }
  if (Buffer.byteLength(lockPath) <= MAX_SOCKET_PATH_BYTES) return run(lockPath);
  // Too long for a socket address: reach the same socket through a short symlink to its directory.
  const shortcut = fs.mkdtempSync(path.join(os.tmpdir(), 'cdl-'));
  const link = path.join(shortcut, 'd');
  try {
    fs.symlinkSync(path.dirname(lockPath), link, 'dir');
    return await run(path.join(link, path.basename(lockPath)));
  } finally {
    fs.rmSync(link, { force: true });
    fs.rmSync(shortcut, { recursive: true, force: true });
  }
}

/**
 * @param {string} address
 * @returns {Promise<{ pid?: number, since?: string } | null>}
 */
function askHolder(address) {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    let connected = false;
    let received = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      if (!connected) return resolve(null);
      try {
        const { pid, since } = JSON.parse(received.split('\n')[0] ?? '');
        resolve({
          pid: Number.isSafeInteger(pid) && pid > 0 ? pid : undefined,
          since: typeof since === 'string' ? since.slice(0, 40) : undefined,
        });
      } catch {
        resolve({});
      }
    };
    const timer = setTimeout(finish, GREETING_TIMEOUT_MS);
    timer.unref();
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
    });
    socket.on('data', (/** @type {string} */ chunk) => {
      received += chunk;
      if (received.includes('\n') || received.length > 512) finish();
    });
    socket.on('end', finish);
    // Refused or missing: nobody holds it (a socket file left by a dead process, an old-style lock file, nothing).
    socket.on('error', finish);
  });
}

/**
 * The live holder of the lock on the PGlite data folder `dataDir` (pid and since, when it says), or null if the
 * folder is free (including a lock left behind by a process that has died).
 * @param {string} dataDir
 * @returns {Promise<{ pid?: number, since?: string } | null>}
 */
export function dataDirLockHolder(dataDir) {
  const lockPath = `${path.resolve(dataDir).replace(/[\\/]+$/, '')}.lock`;
  return withSocketAddress(lockPath, askHolder);
}
