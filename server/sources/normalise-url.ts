// Query parameters that identify a click, not a document. Removing them makes the same article pasted from a
// newsletter, a social post and the browser bar compare equal.
const TRACKING_PARAMETERS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', 'si', 'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'smid', 'smtyp',
  'ncid', 'ocid', 'spm', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id',
  'wt.mc_id', 'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 'share', 'feature',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'itm_'];

/**
 * The comparison key under which two source URLs count as the same document: scheme-less, lower-cased, without
 * "www.", default ports, fragments, tracking parameters or a trailing slash, remaining parameters sorted.
 * The URL the editor typed is stored as typed; only this key is used to detect duplicates.
 */
export function normaliseSourceUrl(input: string): string {
  const url = new URL(input.trim());
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const kept = [...url.searchParams.entries()]
    .filter(([name]) => {
      const lower = name.toLowerCase();
      return !TRACKING_PARAMETERS.has(lower) && !TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
    })
    .sort(([a, aValue], [b, bValue]) => (a === b ? aValue.localeCompare(bValue) : a.localeCompare(b)));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  let pathname = url.pathname.replace(/\/{2,}/g, '/');
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '');
  if (pathname === '/') pathname = '';
  return `${host}${port}${pathname}${query}`.toLowerCase();
}
