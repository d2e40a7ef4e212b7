import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Claimdesk', template: '%s · Claimdesk' },
  description: 'Sources, claims and international reactions for contested events, logged and graded by a news desk.',
};

// Every page's scripts carry the request's CSP nonce (proxy.ts), which exists only when the page renders per
// request: no page, not even the built-in 404, may be served as prerendered HTML without it.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">{children}</body>
    </html>
  );
}
