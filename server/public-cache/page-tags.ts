import { unstable_cache } from 'next/cache';

/**
 * Puts cache tags (server/public-cache/tags.ts) on the public page or CSV being rendered, so that a write expiring
 * one of them expires this cached response. Next 16 (without Cache Components) attaches tags to a cached route only
 * through `fetch`, `unstable_cache` or `cacheTag`; this uses a one-value `unstable_cache` entry for exactly that,
 * keeping the data itself uncached (it is read fresh on every render and rendered into the cached page).
 * Outside a Next request (tests rendering a page's data) it does nothing.
 */
export async function tagPublicResponse(tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  try {
    await unstable_cache(async () => true, ['claimdesk-public-tags', ...tags], { tags: [...tags] })();
  } catch (error) {
    if (!(error instanceof Error && /incrementalCache missing|static generation store missing/i.test(error.message))) throw error;
  }
}
