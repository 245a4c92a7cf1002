/**
 * IP addresses as four 32-bit words, so matching a CIDR is a few integer masks and compares.
 *
 * Every address is held in IPv6 form: IPv4 `a.b.c.d` as the IPv4-mapped `::ffff:a.b.c.d`. The
 * parsers write into a caller's `Uint32Array(4)` instead of returning a new value, so reading
 * the client address of a call allocates nothing.
 */

/** 4: an IPv4 address (also written IPv4-mapped, `::ffff:a.b.c.d`); 6: any other IPv6 address; 0: not an address. */
export type Family = 0 | 4 | 6;

// Scratch for the 16-bit groups of an IPv6 address being parsed; parsing is synchronous.
const groups = new Uint16Array(8);

/**
 * Parses `text` into `out` (four big-endian 32-bit words of the 128-bit address). IPv4 and
 * IPv4-mapped IPv6 both answer 4, with the IPv4 address in `out[3]`, so an IPv4 rule matches a
 * client the socket reports as `::ffff:1.2.3.4`. Strict: no leading zeros in IPv4 parts (they
 * read as octal elsewhere), no ports, no brackets. `%zone` suffixes (`fe80::1%eth0`, as sockets
 * report link-local peers) are ignored only when `allowZone` is set.
 */
export function parseAddress(text: string, out: Uint32Array, allowZone = false): Family {
  let end = text.length;
  if (end === 0 || end > 64) return 0;
  if (text.indexOf(':') === -1) {
    const v4 = parseIPv4(text, 0, end);
    if (v4 < 0) return 0;
    out[0] = 0;
    out[1] = 0;
    out[2] = 0xffff;
    out[3] = v4;
    return 4;
  }
  const zone = text.indexOf('%');
  if (zone !== -1) {
    if (!allowZone || zone === end - 1) return 0;
    end = zone;
  }
  if (!parseIPv6(text, end, out)) return 0;
  return isMapped(out) ? 4 : 6;
}

/** Whether the words are in `::ffff:0:0/96`, the IPv4-mapped range. */
export function isMapped(words: Uint32Array): boolean {
  return words[0] === 0 && words[1] === 0 && words[2] === 0xffff;
}

/** Dotted-quad IPv4 in `text[start, end)` as an unsigned 32-bit number, or -1. */
function parseIPv4(text: string, start: number, end: number): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e /* . */) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
      continue;
    }
    if (c < 0x30 || c > 0x39) return -1;
    if (digits === 1 && part === 0) return -1; // leading zero
    part = part * 10 + (c - 0x30);
    digits++;
    if (part > 255) return -1;
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + part;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** RFC 4291 text form in `text[0, end)`, `::` compression and a trailing IPv4 part included. */
function parseIPv6(text: string, end: number, out: Uint32Array): boolean {
  let count = 0;
  let gap = -1;
  let i = 0;
  if (text.charCodeAt(0) === 0x3a /* : */) {
    if (text.charCodeAt(1) !== 0x3a) return false;
    gap = 0;
    i = 2;
  }
  while (i < end) {
    let j = i;
    let value = 0;
    for (; j < end; j++) {
      const digit = hexValue(text.charCodeAt(j));
      if (digit < 0) break;
      value = value * 16 + digit;
    }
    if (j < end && text.charCodeAt(j) === 0x2e /* . */) {
      // A trailing IPv4 part fills the last two groups.
      if (count > 6) return false;
      const v4 = parseIPv4(text, i, end);
      if (v4 < 0) return false;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      break;
    }
    if (j === i || j - i > 4 || count === 8) return false;
    groups[count++] = value;
    if (j === end) break;
    if (text.charCodeAt(j) !== 0x3a) return false;
    if (text.charCodeAt(j + 1) === 0x3a) {
      if (gap !== -1) return false;
      gap = count;
      i = j + 2;
    } else {
      i = j + 1;
      if (i === end) return false; // a single trailing colon
    }
  }
  if (gap === -1 ? count !== 8 : count > 7) return false;
  const missing = 8 - count;
  for (let p = 0; p < 8; p++) {
    const group = gap === -1 || p < gap ? (groups[p] as number) : p < gap + missing ? 0 : (groups[p - missing] as number);
    out[p >> 1] = p % 2 === 0 ? group << 16 : ((out[p >> 1] as number) | group) >>> 0;
  }
  return true;
}

/**
 * The text of an address, for messages: a dotted quad as IPv4 (`family` 4), otherwise RFC 5952
 * compressed IPv6, with IPv4-mapped addresses as `::ffff:a.b.c.d`.
 */
export function formatAddress(family: 4 | 6, words: Uint32Array): string {
  const w3 = words[3] as number;
  const dotted = `${w3 >>> 24}.${(w3 >>> 16) & 0xff}.${(w3 >>> 8) & 0xff}.${w3 & 0xff}`;
  if (family === 4) return dotted;
  if (isMapped(words)) return `::ffff:${dotted}`;
  const parts: number[] = [];
  for (const word of words) parts.push(word >>> 16, word & 0xffff);
  // The longest run of two or more zero groups (the first on a tie) becomes '::'.
  let bestStart = -1;
  let bestLength = 1;
  for (let p = 0; p < 8; ) {
    if (parts[p] !== 0) {
      p++;
      continue;
    }
    let q = p;
    while (q < 8 && parts[q] === 0) q++;
    if (q - p > bestLength) {
      bestStart = p;
      bestLength = q - p;
    }
    p = q;
  }
  const hex = (from: number, to: number) =>
    parts
      .slice(from, to)
      .map((part) => part.toString(16))
      .join(':');
  return bestStart === -1 ? hex(0, 8) : `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}
