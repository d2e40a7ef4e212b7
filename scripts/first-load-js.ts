/**
 * The JavaScript a browser loads on a first visit of a page: every script under `/_next/static/` that the page's
 * HTML names — its `<script src>` tags and the client-component chunks its inline React payload lists (the browser
 * loads those while hydrating) — except `noModule` scripts (the legacy polyfills, which a browser that runs modules
 * skips). Each is fetched once and counted raw and gzipped (level 9, as a production CDN or `compression` sends it;
 * the production server itself sends them uncompressed).
 *
 * Used by `npm run bench` (the desk dossier page against the app's own 404 page) and handy alone:
 *   await firstLoadJs('http://localhost:3000', '/desk/dossiers/demo', 'next-auth.session-token=…')
 */
import { gzipSync } from 'node:zlib';

export interface FirstLoadJs {
  /** HTTP status of the page itself (a 404 page answers 404 and still loads its scripts). */
  status: number;
  /** The scripts' paths, in the order the HTML names them. */
  scripts: string[];
  raw: number;
  gzip: number;
  /** Per script, for finding the heavy ones. */
  sizes: Array<{ src: string; raw: number; gzip: number }>;
}

/** The `/_next/static/…js` paths a browser that runs modules would load for this HTML. */
export function scriptsOfPage(html: string): string[] {
  const skipped = new Set<string>();
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*>/gi)) {
    const tag = match[0];
    const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1]?.replaceAll('&amp;', '&');
    if (!src) continue;
    if (/\snomodule\b/i.test(tag)) skipped.add(src);
    else found.push(src);
  }
  // Client references in the RSC payload (`"/_next/static/chunks/….js"`, JSON-escaped inside the inline scripts).
  for (const match of html.matchAll(/\/_next\/static\/[\w\-./~]+?\.js/g)) found.push(match[0]);
  const staticScripts = found
    .map((src) => (src.startsWith('http') ? new URL(src).pathname : src))
    .filter((src) => src.startsWith('/_next/static/') && !skipped.has(src));
  return [...new Set(staticScripts)];
}

/** Fetches `path` from `baseUrl` (with `cookie` when given) and sums the JavaScript its first visit loads. */
export async function firstLoadJs(baseUrl: string, path: string, cookie?: string): Promise<FirstLoadJs> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const page = await fetch(new URL(path, baseUrl), { headers, redirect: 'manual' });
  const html = await page.text();
  if (page.status >= 300 && page.status < 400) {
    throw new Error(`GET ${path} redirected to ${page.headers.get('location')} (signed out? pass a session cookie)`);
  }
  const scripts = scriptsOfPage(html);
  const sizes: FirstLoadJs['sizes'] = [];
  for (const src of scripts) {
    const response = await fetch(new URL(src, baseUrl));
    if (!response.ok) throw new Error(`GET ${src} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    sizes.push({ src, raw: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength });
  }
  return {
    status: page.status,
    scripts,
    raw: sizes.reduce((sum, size) => sum + size.raw, 0),
    gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
    sizes,
  };
}
