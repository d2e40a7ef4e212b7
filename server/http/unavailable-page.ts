import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from '@/server/db/availability';

/**
 * The page proxy.ts sends instead of rendering while the database is unreachable: a 503 a person can read, with
 * Retry-After for machines. Self-contained (no scripts, inline style only) so it needs nothing else to load.
 */
export function unavailablePage(): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Claimdesk is unavailable</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 6rem auto; padding: 0 1rem; color: #1c1917">
<h1 style="font-size: 1.5rem">Claimdesk is unavailable for a moment</h1>
<p>${UNAVAILABLE_MESSAGE}</p>
<p>This page will work again without you doing anything else: reload it in a minute.</p>
</body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    },
  });
}
