/**
 * The Content-Security-Policy of every page response. For pages rendered per request (/desk, /login) proxy.ts builds
 * one with a fresh nonce and sends it on the request (Next reads the nonce from the request's CSP header and puts it
 * on its own bootstrap and inline scripts) and on the response. Readers' pages are served from Next's cache and get
 * one without a nonce, which the production server completes with their inline scripts' hashes
 * (server/http/cached-response.mjs). Responses the proxy does not see (route handlers under /api, /_next files) keep
 * the static policy in next.config.js, which differs only in its script-src.
 */

/** Every directive except script-src: the same for page responses and for next.config.js's static policy. */
export const SHARED_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  // Styles stay as they were: Next and Radix set inline style attributes, which a nonce cannot cover.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** 128 random bits, base64: what a `'nonce-…'` source carries (and what Next's nonce parser accepts). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * One `frame-ancestors` source as an operator may configure it (EMBED_FRAME_ANCESTORS): `*`, `'self'`, or an http(s)
 * origin, optionally with a `*.` wildcard host and a port — never a path, `;` or `,` that could end the directive.
 */
const FRAME_ANCESTOR_SOURCE = /^(?:\*|'self'|https?:\/\/(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?)$/i;

/** Whether `value` is a `frame-ancestors` source list: `'none'` alone, or space-separated sources as above. */
export function isFrameAncestorList(value: string): boolean {
  const sources = value.trim().split(/\s+/);
  if (sources.length === 1 && sources[0] === "'none'") return true;
  return sources.length > 0 && sources.every((source) => FRAME_ANCESTOR_SOURCE.test(source));
}

/** Pages: no one may frame them (clickjacking). Only /embed/* (proxy.ts) allows the configured origins. */
export const NO_FRAME_ANCESTORS = "'none'";

export interface PolicyOptions {
  /**
   * This request's nonce. Without one (pages served from Next's cache, see proxy.ts) script-src is `'self'` alone,
   * and scripts/server.mjs adds the hashes of the inline scripts of the HTML it sends (server/http/cached-response.mjs).
   */
  nonce?: string;
  /** `next dev`: React refresh and React's server-error stacks need eval. Never in production. */
  development: boolean;
  /** The `frame-ancestors` sources; `'none'` unless given (only the embeds pass EMBED_FRAME_ANCESTORS). */
  frameAncestors?: string;
}

/**
 * With a nonce: scripts run only when they carry this request's nonce, or when a script that did loads them ('strict-dynamic':
 * Next's chunk loader). Browsers that understand 'strict-dynamic' ignore 'self' beside it; it stays for older ones.
 * No 'unsafe-inline': an injected inline script has no nonce and does not run.
 */
export function contentSecurityPolicy({ nonce, development, frameAncestors = NO_FRAME_ANCESTORS }: PolicyOptions): string {
  if (nonce !== undefined && !/^[A-Za-z0-9+/]+={0,2}$/.test(nonce)) throw new Error('A CSP nonce must be base64.');
  if (!isFrameAncestorList(frameAncestors)) throw new Error('frame-ancestors must be origins, * or \'self\', or \'none\' alone.');
  const scriptSources = nonce === undefined ? ["'self'"] : ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  const scriptSrc = `script-src ${[...scriptSources, ...(development ? ["'unsafe-eval'"] : [])].join(' ')}`;
  const [defaultSrc, ...rest] = SHARED_DIRECTIVES;
  const others = rest.map((directive) =>
    directive.startsWith('frame-ancestors ') ? `frame-ancestors ${frameAncestors.trim().split(/\s+/).join(' ')}` : directive,
  );
  return [defaultSrc, scriptSrc, ...others].join('; ');
}
