// @ts-check
const isProduction = process.env.NODE_ENV === 'production';

// Next's dev server needs eval (React refresh) and inline scripts; production keeps scripts to 'self' plus
// the inline bootstrap Next emits, which carries no user text.
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

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(isProduction ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets the end-to-end suite build into its own folder while a developer's `next dev` keeps .next/.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WASM and data files relative to its own module URL; bundling breaks that.
  // The test runner type-checks the whole project first; its end-to-end build may skip repeating that.
  typescript: { ignoreBuildErrors: process.env.CLAIMDESK_SKIP_BUILD_TYPECHECK === '1' },
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
