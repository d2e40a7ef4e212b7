// @ts-check
/**
 * Next's cache handler (next.config.js `cacheHandler`): where cached public pages and CSVs live, and how a write's
 * tag expiry (server/public-cache/revalidate.ts) reaches every app server.
 *
 * It is Next's own file-system cache kept in memory only (`isrFlushToDisk: false`, bounded by `cacheMaxMemorySize`),
 * with three additions:
 *   1. Several app servers on one PostgreSQL (DATABASE_URL): each expiry is sent to the others with NOTIFY on
 *      PUBLIC_CACHE_CHANNEL, and each server LISTENs and applies theirs. A listener that lost its connection may
 *      have missed some, so on every (re)connect it expires everything it holds.
 *   2. A page rendered while a write was committing may hold the old data yet be stored after the write's expiry; so
 *      an entry whose tags were expired less than RACE_WINDOW_MS ago is not stored (the next reader renders it anew).
 *   3. At start, every page showing data rendered before this process existed (prerendered by `next build`) is expired.
 *   4. Responses with a 5xx status are not stored.
 * Plain JavaScript: Next imports it at run time, outside the app's bundles.
 */
import { randomUUID } from 'node:crypto';
import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import TagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;
const { tagsManifest } = TagsManifestModule;

export const PUBLIC_CACHE_CHANNEL = 'claimdesk_public_cache';
const PUBLIC_ALL_TAG = 'public:all';
const RACE_WINDOW_MS = 2_000;
const RECONNECT_MS = 1_000;
const CACHE_TAGS_HEADER = 'x-next-cache-tags';

/** Shared by every handler instance in this process (Next makes one per request). */
const shared = /** @type {{ origin: string, listening: boolean, notifier: import('pg').Pool | null }} */ (
  (/** @type {any} */ (globalThis)[Symbol.for('claimdesk.publicCache')] ??= { origin: randomUUID(), listening: false, notifier: null })
);

/** @param {string[]} tags @param {{ expire?: number } | undefined} durations */
function expireLocally(tags, durations) {
  return FileSystemCache.prototype.revalidateTag.call({}, tags, durations);
}

/** @param {string[]} tags */
function recentlyExpired(tags) {
  const now = Date.now();
  return tags.some((tag) => {
    const expired = tagsManifest.get(tag)?.expired;
    return typeof expired === 'number' && expired <= now && now - expired < RACE_WINDOW_MS;
  });
}

/** @param {any} data @param {any} ctx @returns {string[]} */
function tagsOf(data, ctx) {
  if (Array.isArray(ctx?.tags)) return ctx.tags;
  const header = data?.headers?.[CACHE_TAGS_HEADER];
  return typeof header === 'string' ? header.split(',') : [];
}

async function listenForOtherServers() {
  const url = process.env.DATABASE_URL;
  // `next build` uses this handler too, and must not be kept alive by a listening connection.
  if (!url || shared.listening || process.env.NEXT_PHASE === 'phase-production-build') return;
  shared.listening = true;
  const { default: pg } = await import('pg');
  shared.notifier = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 10_000 });
  shared.notifier.on('error', () => undefined);
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    const retry = () => {
      client.removeAllListeners();
      client.end().catch(() => undefined);
      setTimeout(connect, RECONNECT_MS).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (message) => {
      try {
        const { origin, tags, durations } = JSON.parse(message.payload ?? '{}');
        if (origin !== shared.origin && Array.isArray(tags)) void expireLocally(tags, durations);
      } catch {
        // not ours
      }
    });
    try {
      await client.connect();
      await client.query(`listen ${PUBLIC_CACHE_CHANNEL}`);
      // Whatever was expired while we were not listening is unknown: start over.
      await expireLocally([PUBLIC_ALL_TAG], undefined);
    } catch {
      retry();
    }
  };
  await connect();
}

export default class PublicCacheHandler extends FileSystemCache {
  /** @param {any} ctx */
  constructor(ctx) {
    super({ ...ctx, flushToDisk: false });
    void listenForOtherServers();
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    // A failure (a CSV route's 503 while the database is down) is answered again next time, not kept.
    if (typeof data?.status === 'number' && data.status >= 500) return;
    if (data && recentlyExpired(tagsOf(data, ctx))) return;
    return super.set(key, data, ctx);
  }

  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    const list = typeof tags === 'string' ? [tags] : tags;
    await super.revalidateTag(list, durations);
    if (!shared.notifier || list.length === 0) return;
    const payload = JSON.stringify({ origin: shared.origin, tags: list, durations });
    await shared.notifier.query('select pg_notify($1, $2)', [PUBLIC_CACHE_CHANNEL, payload]).catch((error) => {
      console.error(`[public cache] could not tell the other app servers to expire ${list.join(', ')}: ${error.message}`);
    });
  }
}

// Pages prerendered by `next build` were rendered against data this process cannot vouch for. Every page that shows
// data carries PUBLIC_ALL_TAG (server/public-cache/tags.ts); the built-in 404 page shows none and stays as built.
void expireLocally([PUBLIC_ALL_TAG], undefined);
