// @ts-check
/**
 * The server the end-to-end tests run against (playwright.config.ts starts it as its webServer): a production build
 * in its own folder (.next-e2e, so a developer's `next dev` in .next is untouched) on a loopback port, with a
 * throwaway embedded database seeded with the demo accounts and dossier.
 *
 *   node scripts/e2e-server.mjs            wipe the database, build, start
 *   E2E_SKIP_BUILD=1 node scripts/...      reuse an existing .next-e2e build (quick local reruns)
 *   E2E_PORT=3211                          another port (default 3210)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDirLockHolder } from './data-dir-lock-holder.mjs';
import { E2E_AUTH_SECRET, E2E_BASE_URL, E2E_DATA_DIR, E2E_DIST_DIR, E2E_PORT } from './e2e-settings.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
// What `npm start` runs in production: Next behind a server that stamps each request with the socket's address.
const productionServer = path.join(root, 'scripts', 'server.mjs');

/** @param {string} line */
const say = (line) => process.stderr.write(`[e2e-server] ${line}\n`);

function serverEnvironment() {
  /** @type {NodeJS.ProcessEnv} */
  const environment = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: E2E_DIST_DIR,
    DATA_DIR: E2E_DATA_DIR,
    AUTH_SECRET: E2E_AUTH_SECRET,
    SEED_DEMO: '1',
    PORT: String(E2E_PORT),
    NEXTAUTH_URL: E2E_BASE_URL,
    // Test traffic stays on loopback: no telemetry calls home.
    NEXT_TELEMETRY_DISABLED: '1',
    // npm test type-checks the whole project before this build; don't do it twice.
    CLAIMDESK_SKIP_BUILD_TYPECHECK: '1',
  };
  // Always the embedded database: a developer's DATABASE_URL must never receive test data.
  delete environment.DATABASE_URL;
  delete environment.ADMIN_EMAIL;
  delete environment.ADMIN_PASSWORD;
  return environment;
}

/** @type {import('node:child_process').ChildProcess | null} */
let child = null;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(1);
  });
}

/**
 * @param {string[]} args
 * @param {{ quiet?: boolean }} [options]  quiet: keep the output, print it only if the command fails
 * @returns {Promise<number>}
 */
function runNext(args, { quiet = false } = {}) {
  const [command, ...rest] = args;
  const script = command === 'start' ? [productionServer, ...rest] : [nextBin, ...args];
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, script, {
      cwd: root,
      env: serverEnvironment(),
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child = null;
      if (quiet && code !== 0) process.stderr.write(Buffer.concat(output));
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/**
 * `next build` rewrites tsconfig.json (adds `<distDir>/types` to include) and next-env.d.ts (imports
 * `<distDir>/types/routes.d.ts`) for whatever distDir it builds. For the e2e folder those edits would dirty the
 * working tree and point a developer's type-check at a throwaway build, so put both files back as they were.
 * @param {string[]} names
 */
function snapshot(names) {
  const saved = names.map((name) => {
    const file = path.join(root, name);
    return { name, file, content: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null };
  });
  return {
    restore() {
      for (const { name, file, content } of saved) {
        const now = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
        if (now === content) continue;
        if (content === null) fs.rmSync(file, { force: true });
        else fs.writeFileSync(file, content);
        say(`next build changed ${name} for ${E2E_DIST_DIR}/; put it back as it was`);
      }
    },
  };
}

/**
 * The process holding the embedded database's lock (server/db/data-dir-lock.ts: a socket at `pglite.lock` that
 * answers while its holder lives), or null if the folder is free.
 */
function liveLockHolder(/** @type {string} */ dataDir) {
  return dataDirLockHolder(path.join(dataDir, 'pglite'));
}

async function main() {
  const dataDir = path.join(root, E2E_DATA_DIR);
  const holder = await liveLockHolder(dataDir);
  if (holder) {
    say(`another e2e server (${holder.pid ? `pid ${holder.pid}` : 'pid unknown'}) is using ${E2E_DATA_DIR}/; stop it first (wiping its database under it would corrupt it).`);
    process.exit(1);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  say(`fresh embedded database in ${E2E_DATA_DIR}/ (demo accounts and dossier seeded on start)`);

  const hasBuild = fs.existsSync(path.join(root, E2E_DIST_DIR, 'BUILD_ID'));
  if (process.env.E2E_SKIP_BUILD === '1' && hasBuild) {
    say(`E2E_SKIP_BUILD=1: reusing the existing build in ${E2E_DIST_DIR}/`);
  } else {
    say(`building for production into ${E2E_DIST_DIR}/ (next build; takes a minute or two)…`);
    const started = Date.now();
    const generatedFiles = snapshot(['tsconfig.json', 'next-env.d.ts']);
    const code = await runNext(['build'], { quiet: true }).finally(generatedFiles.restore);
    if (code !== 0) {
      say(`next build failed (exit ${code}); its output is above.`);
      process.exit(code);
    }
    say(`built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }

  say(`starting the production server (scripts/server.mjs) on ${E2E_BASE_URL} (bound to 127.0.0.1 only)`);
  const code = await runNext(['start', '--port', String(E2E_PORT), '--hostname', '127.0.0.1']);
  process.exit(code);
}

main().catch((error) => {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
