/**
 * Where to send someone after signing in: a path on this site, or the desk. The value comes from the address bar,
 * so it is parsed as a URL against the site's own origin rather than checked by prefix — browsers drop tabs and
 * newlines and read backslashes as slashes, so "/\t/evil.example" or "/\\evil.example" would leave the site.
 */
const FALLBACK = '/desk';

// C0/C1 controls, every Unicode space (tab, newline, U+3000 …) and backslash: never part of a path we link to.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\s\\]/u;

export function safeCallbackPath(value: unknown, origin = 'http://localhost', fallback = FALLBACK): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048 || UNSAFE.test(value)) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as another host.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}
