/**
 * The client's network address, for per-address sign-in limits.
 *
 * Next.js fills in X-Forwarded-For with the socket's address only when the request has none, so the header's
 * right-most entry can be whatever the client typed. The production server (scripts/server.mjs) therefore stamps
 * every request with the socket's peer address in PEER_HEADER, overwriting anything the client sent, and says so
 * on globalThis. With 0 trusted proxy hops that peer is the client; with N hops (our own load balancers, each
 * appending the address it received from) the client is the N-th entry from the right of X-Forwarded-For + peer.
 */
export const PEER_HEADER = 'x-claimdesk-peer';

const PEER_STAMPED = Symbol.for('claimdesk.peerAddressStamped');

/** Called by the production server before Next handles any request. */
export function markPeerHeaderStamped(): void {
  (globalThis as Record<symbol, unknown>)[PEER_STAMPED] = true;
}

/** Whether PEER_HEADER comes from our own server (true) or could have been sent by the client (false). */
export function peerHeaderIsStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_STAMPED] === true;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

function header(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (source instanceof Headers) return source.get(name);
  const value = source[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/** Pure rule, tested directly: the entry `trustedProxyHops` from the right of the forwarding chain ending in `peer`. */
export function addressFromChain(forwardedFor: string | null | undefined, peer: string | null | undefined, trustedProxyHops: number): string | null {
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (peer?.trim()) chain.push(peer.trim());
  if (chain.length === 0) return null;
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!);
}

/** `::ffff:127.0.0.1` (IPv4 on a dual-stack socket) and `127.0.0.1` are one client. */
function normaliseAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').slice(0, 64);
}

export function clientAddress(headers: HeaderSource, trustedProxyHops: number): string | null {
  const forwardedFor = header(headers, 'x-forwarded-for');
  if (peerHeaderIsStamped()) return addressFromChain(forwardedFor, header(headers, PEER_HEADER), trustedProxyHops);
  // `next dev` (or a bare `next start`): no stamped peer, so the best available is Next's own X-Forwarded-For entry,
  // which a client can forge. server/boot.ts warns when production runs this way.
  return addressFromChain(forwardedFor, null, trustedProxyHops);
}
