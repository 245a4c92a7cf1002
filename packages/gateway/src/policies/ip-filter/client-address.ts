import { parseAddress } from './address.js';
import type { AddressSet } from './cidr.js';

// Scratch for the entry being tested; resolution is synchronous.
const words = new Uint32Array(4);

/**
 * The address of the client behind trusted proxies. When the peer is not a trusted proxy its
 * own address is the client's: the X-Forwarded-For header is then the caller's word and is
 * ignored. When it is, X-Forwarded-For is read from the right (each proxy appends the address
 * it received the call from) and the first entry that is not itself a trusted proxy is the
 * client; entries left of it were written by the caller and could be forged. When every entry
 * is a trusted proxy the left-most one is the client; with no header, the peer.
 *
 * An entry that is not an address is answered as it is (the caller then refuses it); a port
 * (`1.2.3.4:5678`, `[2001:db8::1]:443`) or brackets, which some proxies add, are dropped.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trustedProxies: AddressSet): string {
  if (forwardedFor === undefined || !trustedProxies.has(parseAddress(peer, words, true), words)) return peer;
  let end = forwardedFor.length;
  let leftmost: string | undefined;
  while (end > 0) {
    const start = forwardedFor.lastIndexOf(',', end - 1) + 1;
    const entry = withoutPort(forwardedFor.slice(start, end).trim());
    end = start - 1;
    if (entry === '') continue;
    leftmost = entry;
    if (!trustedProxies.has(parseAddress(entry, words, true), words)) return entry;
  }
  return leftmost ?? peer;
}

/** `1.2.3.4:80` → `1.2.3.4`, `[::1]:80` and `[::1]` → `::1`; anything else unchanged. */
function withoutPort(entry: string): string {
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    return close === -1 ? entry : entry.slice(1, close);
  }
  const colon = entry.indexOf(':');
  // One colon only: IPv4 with a port. Two or more: IPv6, which carries no port without brackets.
  return colon !== -1 && colon === entry.lastIndexOf(':') ? entry.slice(0, colon) : entry;
}
