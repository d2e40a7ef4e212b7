import 'server-only';
import { readEnvironment } from '@/server/env';

/**
 * The site's origin for absolute links (a ClaimReview's url): NEXTAUTH_URL when set (the address the site is
 * served at). Readers' pages are cached and shared by every reader, so they cannot take it from a request's Host;
 * without NEXTAUTH_URL links stay relative to the page ('').
 */
export function siteOrigin(): string {
  const configured = readEnvironment().NEXTAUTH_URL;
  if (!configured) return '';
  try {
    return new URL(configured).origin;
  } catch {
    return '';
  }
}
