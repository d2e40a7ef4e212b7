// @ts-check
/**
 * `npm run test:e2e [-- playwright args]`: make sure a Chromium exists (find it, or install Debian's where we are
 * root — and say which), then run Playwright. playwright.config.ts starts the production test server itself.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser } from './find-browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} line */
const say = (line) => console.log(`[e2e] ${line}`);

/** @returns {Promise<number>} */
export async function runEndToEnd(args = process.argv.slice(2)) {
  try {
    const browser = ensureBrowser({ log: say });
    // The config finds the same browser again; pin it so both agree even if the install happened just now.
    if (browser.executablePath) process.env.CHROMIUM_PATH ??= browser.executablePath;
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const cli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'test', ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await runEndToEnd());
}
