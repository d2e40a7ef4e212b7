/**
 * Pages other sites put in an iframe (a newsroom's own article): no site header or footer, just the content. Only
 * /embed/* may be framed — proxy.ts sends their CSP frame-ancestors from EMBED_FRAME_ANCESTORS, and next.config.js
 * leaves X-Frame-Options off these paths.
 */
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return <main className="mx-auto max-w-5xl bg-white p-3 sm:p-4">{children}</main>;
}
