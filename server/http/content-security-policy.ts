/**
 * The Content-Security-Policy of every page response. proxy.ts builds one per request with a fresh nonce and sends
 * it on the request (Next reads the nonce from the request's CSP header and puts it on its own bootstrap and inline
 * scripts) and on the response. Responses the proxy does not see (route handlers under /api, /_next files) keep
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

export interface PolicyOptions {
  nonce: string;
  /** `next dev`: React refresh and React's server-error stacks need eval. Never in production. */
  development: boolean;
}

/**
 * Scripts run only when they carry this request's nonce, or when a script that did loads them ('strict-dynamic':
 * Next's chunk loader). Browsers that understand 'strict-dynamic' ignore 'self' beside it; it stays for older ones.
 * No 'unsafe-inline': an injected inline script has no nonce and does not run.
 */
export function contentSecurityPolicy({ nonce, development }: PolicyOptions): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(nonce)) throw new Error('A CSP nonce must be base64.');
  const scriptSrc = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`;
  const [defaultSrc, ...rest] = SHARED_DIRECTIVES;
  return [defaultSrc, scriptSrc, ...rest].join('; ');
}
