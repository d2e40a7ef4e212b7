// @ts-check
/**
 * The one place that decides which Chromium the end-to-end tests drive. Used by playwright.config.ts (find only)
 * and by scripts/e2e.mjs (find, or install where we may).
 *
 * Order: $CHROMIUM_PATH → the system's Chromium (/usr/bin/chromium, /usr/bin/chromium-browser) → Playwright's own
 * browser if `npx playwright install chromium` has put it on disk. If none exists and we run as root on a machine
 * with apt-get, `ensureBrowser()` installs Debian's chromium package and says so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Flags for a distribution Chromium in a container: no sandbox (often no user namespaces, and root), no GPU, and
 * none of the background traffic (component updates, sync, safe-browsing lists) that would leave the machine —
 * test traffic goes to loopback only.
 */
export const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @typedef {object} Browser
 * @property {'CHROMIUM_PATH' | 'system' | 'playwright'} source
 * @property {string | undefined} executablePath  undefined: let Playwright launch its own default build
 * @property {string[]} args
 * @property {string} description  one line for people
 */

function isExecutable(/** @type {string} */ file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Playwright's downloaded browsers, if any: headless mode prefers the headless shell, else full Chromium. */
function findPlaywrightBrowser() {
  let fullChromium;
  try {
    fullChromium = chromium.executablePath();
  } catch {
    return null;
  }
  // <browsers>/chromium-NNNN/chrome-linux64/chrome → <browsers>/chromium_headless_shell-NNNN/chrome-headless-shell-*/
  const revisionDir = path.dirname(path.dirname(fullChromium));
  const browsersRoot = path.dirname(revisionDir);
  const shellDir = path.join(browsersRoot, path.basename(revisionDir).replace(/^chromium-/, 'chromium_headless_shell-'));
  const hasShell =
    fs.existsSync(shellDir) &&
    fs.readdirSync(shellDir).some((entry) => isExecutable(path.join(shellDir, entry, 'chrome-headless-shell')));
  if (hasShell) return { executablePath: undefined, where: shellDir };
  if (isExecutable(fullChromium)) return { executablePath: fullChromium, where: fullChromium };
  return null;
}

/** @returns {Browser | null} */
export function findBrowser(environment = process.env) {
  const override = environment.CHROMIUM_PATH?.trim();
  if (override) {
    if (!isExecutable(override)) {
      throw new Error(`CHROMIUM_PATH is set to ${override}, but no executable is there. Unset it or fix the path.`);
    }
    return { source: 'CHROMIUM_PATH', executablePath: override, args: SYSTEM_CHROMIUM_ARGS, description: `Chromium from CHROMIUM_PATH (${override})` };
  }
  const system = SYSTEM_CHROMIUM_PATHS.find(isExecutable);
  if (system) return { source: 'system', executablePath: system, args: SYSTEM_CHROMIUM_ARGS, description: `system Chromium (${system})` };
  const own = findPlaywrightBrowser();
  if (own) return { source: 'playwright', executablePath: own.executablePath, args: [], description: `Playwright's own Chromium (${own.where})` };
  return null;
}

export const INSTALL_HELP = [
  'No Chromium found for the end-to-end tests. Install one of:',
  '  - Debian/Ubuntu:  sudo apt-get install -y chromium   (then /usr/bin/chromium is used)',
  "  - Playwright's:   npx playwright install --with-deps chromium",
  '  - or point CHROMIUM_PATH at any Chromium or Chrome executable.',
].join('\n');

function commandExists(/** @type {string} */ command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Finds a browser, installing Debian's chromium when none exists and we are root with apt-get. Says what it did
 * through `log`; throws with install instructions when it cannot help.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Browser}
 */
export function ensureBrowser({ log = console.log } = {}) {
  const found = findBrowser();
  if (found) {
    log(`Browser: ${found.description}.`);
    return found;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !commandExists('apt-get')) {
    throw new Error(`${INSTALL_HELP}\n(Not installing it myself: ${isRoot ? 'apt-get is not available' : 'not running as root'}.)`);
  }
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log("Browser: none found (no CHROMIUM_PATH, no system Chromium, no Playwright browser); running as root with apt-get, so installing Debian's chromium:");
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    log(`  $ apt-get ${args.join(' ')}`);
    execFileSync('apt-get', args, { stdio: 'inherit', env: environment });
  }
  const installed = findBrowser();
  if (!installed) throw new Error(`apt-get installed chromium, but no executable appeared at ${SYSTEM_CHROMIUM_PATHS.join(' or ')}.`);
  log(`Browser: installed the chromium package with apt-get; using ${installed.description}.`);
  return installed;
}
