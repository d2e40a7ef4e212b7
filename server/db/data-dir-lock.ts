import fs from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database folder ${dataDir} is in use by process ${pid} (is \`npm run dev\` or \`npm start\` running?). ` +
        `PGlite allows one process per folder: stop that process, or point DATA_DIR elsewhere, or use DATABASE_URL.`,
    );
    this.name = 'DataDirInUseError';
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock beside a PGlite data folder (`<folder>.lock`, holding the owner's pid), because a
 * second process opening the same folder corrupts it. A lock left by a dead process is taken over.
 * Returns a function that releases it; it is also released when the process exits.
 */
export function lockDataDir(dataDir: string): () => void {
  const absolute = path.resolve(dataDir);
  const lockPath = `${absolute.replace(/[\\/]+$/, '')}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let ownerPid = 0;
      try {
        ownerPid = Number((JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: unknown }).pid) || 0;
      } catch {
        // unreadable or half-written lock: treat as stale
      }
      if (ownerPid && ownerPid !== process.pid && isProcessAlive(ownerPid)) {
        throw new DataDirInUseError(absolute, ownerPid);
      }
      if (ownerPid === process.pid) throw new DataDirInUseError(absolute, ownerPid);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database folder ${absolute} (lock file ${lockPath}).`);
}
