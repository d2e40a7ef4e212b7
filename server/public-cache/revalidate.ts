import { revalidateTag } from 'next/cache';

/**
 * Expires readers' cached pages. Called by `recordAudit` (server/audit/audit.service.ts) for every audited write, so
 * the service call that publishes, edits or deletes anything also expires what showed it; Next runs the expiry once
 * the request's handler has returned (after the transaction committed), and the cache handler
 * (server/public-cache/cache-handler.mjs) passes it on to the other app servers.
 *
 * `{ expire: 0 }` expires at once: the next reader waits for a fresh render rather than getting the stale page
 * while it renders in the background ('max'). Outside a Next request (tests, the CLI, seeding) there is no cache to
 * expire; listeners (tests) still hear of it.
 */
type Listener = (tags: readonly string[]) => void;
const listeners = new Set<Listener>();

export function expirePublicPages(tags: readonly string[]): void {
  if (tags.length === 0) return;
  for (const listener of listeners) listener(tags);
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (!isOutsideNextRequest(error)) throw error;
    }
  }
}

/** Next's refusal when no request (work store) is active: a test, a script. */
function isOutsideNextRequest(error: unknown): boolean {
  return error instanceof Error && /static generation store missing/.test(error.message);
}

/** Hears every expiry (tests use it to check that a write expires the right pages). Returns the unsubscribe. */
export function onPublicPagesExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
