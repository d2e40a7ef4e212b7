// @ts-check
import { fileURLToPath } from 'node:url';

const isProduction = process.env.NODE_ENV === 'production';

// Pages get their policy from proxy.ts (server/http/content-security-policy.ts): a script nonce per request on /desk
// and /login, the hashes of their inline scripts on readers' pages served from the cache (server/http/cached-response.mjs).
// This static one is for the responses the proxy never sees (STATIC_POLICY_PATHS: route handlers under /api, Next's
// files under /_next, the favicon), where inline scripts appear only on an HTML error page. Its other directives
// match the page policy (server/http/content-security-policy.test.ts checks that).
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Exactly the paths proxy.ts's matcher leaves out, so every response carries one CSP header. */
const STATIC_POLICY_PATHS = ['/api/:path*', '/_next/:path*', '/favicon.ico'];

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(isProduction ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

// Every path but /embed/* (pages other sites may frame; their CSP frame-ancestors, set by proxy.ts from
// EMBED_FRAME_ANCESTORS, says who). X-Frame-Options cannot name origins, and browsers that know CSP ignore it anyway.
const NOT_EMBED_PATHS = '/:path((?!embed(?:/|$)).*)';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next's page ETag is an FNV hash computed in JavaScript over the whole page on every request: most of the cost of
  // serving a large cached page. scripts/server.mjs gives readers' pages a CRC-32 one instead
  // (server/http/cached-response.mjs); desk pages are never cached; route handlers set their own.
  generateEtags: false,
  // Lets the end-to-end suite build into its own folder while a developer's `next dev` keeps .next/.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WASM and data files relative to its own module URL; bundling breaks that.
  // The test runner type-checks the whole project first; its end-to-end build may skip repeating that.
  typescript: { ignoreBuildErrors: process.env.CLAIMDESK_SKIP_BUILD_TYPECHECK === '1' },
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  // Cached public pages and CSVs: in memory (at most this many bytes per app server), expired by writes and shared
  // between app servers by server/public-cache/cache-handler.mjs.
  cacheHandler: fileURLToPath(new URL('./server/public-cache/cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 128 * 2 ** 20,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: NOT_EMBED_PATHS, headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
      ...STATIC_POLICY_PATHS.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy }] })),
    ];
  },
};

export default nextConfig;
