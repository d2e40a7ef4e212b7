/**
 * Readers' pages are cached per path (Next's full route cache), and a cached page cannot read its query string. So
 * proxy.ts rewrites a public page's query string into its path, in one canonical form per view:
 *
 *   /d/<slug>?status=false&party=<id>&utm_source=x   →   /d/<slug>/q/party%3D<id>%26status%3Dfalse
 *
 * Only the keys the page reads are kept (a tracking `?utm_…` or a cache-busting `?r=123` gets the plain cached
 * page), sorted, each with its first non-empty value as given (the page itself validates values); a query with no
 * known key maps onto the plain path. Pages read the view from the `/q/<query>` segment with `readCanonicalQuery`,
 * which refuses (null → 404) anything that is not already canonical, so a hand-made `/q/` address cannot fill the
 * cache with variants of one view. Links the pages generate keep the readable `?…` form.
 */
export const QUERY_SEGMENT = 'q';

/** The dossier page: `after` pages its sources; `party`, `category`, `status`, `from` its claims; `map`, `towards` its reactions map. */
export const DOSSIER_QUERY_KEYS = ['after', 'category', 'from', 'map', 'party', 'status', 'towards'] as const;
/** All reactions by one state or organisation (`?by=<entity id>`). */
export const ENTITY_REACTIONS_QUERY_KEYS = ['by'] as const;
/** The embeddable reactions map: what the map shades. */
export const REACTIONS_EMBED_QUERY_KEYS = ['map', 'towards'] as const;

const SEGMENT = '[^/]+';
/** Every public page and CSV, with the query keys it reads (none: the query string is dropped). */
const PUBLIC_ROUTES: ReadonlyArray<{ pattern: RegExp; keys: readonly string[] }> = [
  { pattern: /^\/$/, keys: [] },
  { pattern: new RegExp(`^/d/${SEGMENT}$`), keys: DOSSIER_QUERY_KEYS },
  { pattern: new RegExp(`^/d/${SEGMENT}/reactions$`), keys: ENTITY_REACTIONS_QUERY_KEYS },
  { pattern: new RegExp(`^/embed/d/${SEGMENT}/reactions$`), keys: REACTIONS_EMBED_QUERY_KEYS },
  { pattern: new RegExp(`^/d/${SEGMENT}/(claims|reactions)/${SEGMENT}$`), keys: [] },
  { pattern: new RegExp(`^/d/${SEGMENT}/(sources|claims|reactions|actors)\\.csv$`), keys: [] },
];

/** The canonical query string of `search` for a page reading `keys` ('' when none of them has a value). */
export function canonicalQuery(search: URLSearchParams, keys: readonly string[]): string {
  const canonical = new URLSearchParams();
  for (const key of [...keys].sort()) {
    const value = search.getAll(key).find((candidate) => candidate !== '');
    if (value !== undefined) canonical.set(key, value);
  }
  return canonical.toString();
}

/**
 * Where proxy.ts sends a GET of `pathname` + `search`: the path carrying the canonical query (or the plain path when
 * no known key is left), or null when there is nothing to rewrite (not a public page, or no query string).
 */
export function publicQueryRewrite(pathname: string, search: string): string | null {
  if (search === '' || search === '?') return null;
  const route = PUBLIC_ROUTES.find(({ pattern }) => pattern.test(pathname));
  if (!route) return null;
  const query = canonicalQuery(new URLSearchParams(search), route.keys);
  if (query === '') return pathname;
  return `${pathname}/${QUERY_SEGMENT}/${encodeURIComponent(query)}`;
}

/**
 * A canonical query always has an `=`; Next hands a page some params still percent-encoded (`party%3Dx`), so a
 * segment without one is decoded once. Null when that fails.
 */
function decodedSegment(segment: string): string | null {
  if (segment.includes('=')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The view a `/q/<query>` page shows, from its segment (decoded or not): the query as a record of single values, or null
 * when the segment is not the canonical query of a view of this page (made by hand, not by the proxy).
 */
export function readCanonicalQuery(segment: string, keys: readonly string[]): Record<string, string> | null {
  const query = decodedSegment(segment);
  if (query === null) return null;
  const search = new URLSearchParams(query);
  const canonical = canonicalQuery(search, keys);
  if (canonical === '' || canonical !== query) return null;
  return Object.fromEntries(search);
}
