import 'server-only';
import { headers } from 'next/headers';
import { readEnvironment } from '@/server/env';

/**
 * This request's CSP nonce, for an inline script a server component renders (JSON-LD). proxy.ts puts the policy
 * it built on the request's `Content-Security-Policy` header, the same place Next reads it from for its own scripts.
 */
export async function requestNonce(): Promise<string | undefined> {
  return nonceOfPolicy((await headers()).get('content-security-policy'));
}

export function nonceOfPolicy(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([A-Za-z0-9+/]+={0,2})'/)?.[1];
}

/**
 * The site's origin for absolute links (a ClaimReview's url): NEXTAUTH_URL when set (the address the site is
 * served at), otherwise the request's own Host.
 */
export async function siteOrigin(): Promise<string> {
  const environment = readEnvironment();
  const configured = environment.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // Not a URL: fall back to the request's host.
    }
  }
  const requestHeaders = await headers();
  const host = requestHeaders.get('host') ?? 'localhost';
  // Forwarded headers count only behind a proxy the operator declared (as for client addresses).
  const forwarded = environment.TRUSTED_PROXY_HOPS > 0 ? requestHeaders.get('x-forwarded-proto')?.split(',').at(-1)?.trim() : undefined;
  const protocol = forwarded === 'http' || forwarded === 'https' ? forwarded : /^(localhost|127\.|\[::1\])/.test(host) ? 'http' : 'https';
  return `${protocol}://${host}`;
}
