import { type Family, formatAddress, parseAddress } from './address.js';

/** A parsed CIDR block: IPv4 blocks (also written IPv4-mapped) have family 4 and a prefix of 0–32. */
export interface Cidr {
  family: 4 | 6;
  /** The network address, four 32-bit words (IPv4 in the last). */
  network: Uint32Array;
  prefix: number;
}

/** A CIDR, or why the text is not one. */
export type CidrResult = { ok: true; cidr: Cidr } | { ok: false; reason: string };

const DIGITS = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Parses `a.b.c.d/n` or `x:y::z/n`; a bare address is a /32 (IPv4) or /128 (IPv6). An
 * IPv4-mapped block (`::ffff:10.0.0.0/104`) is the IPv4 block it maps (`10.0.0.0/8`). A block
 * with bits set past its prefix (`10.1.0.0/8`) is refused rather than silently widened: it is
 * most likely a typo for a narrower block.
 */
export function parseCidr(text: string): CidrResult {
  const fail = (why: string): CidrResult => ({ ok: false, reason: `not a CIDR: '${text}' (${why})` });
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const network = new Uint32Array(4);
  const family: Family = parseAddress(addressText, network);
  if (family === 0) return fail('not an IPv4 or IPv6 address');
  const writtenAsIPv6 = addressText.includes(':');
  const maxPrefix = writtenAsIPv6 ? 128 : 32;
  let prefix = maxPrefix;
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    if (!DIGITS.test(prefixText)) return fail(`the prefix must be a number from 0 to ${maxPrefix}`);
    prefix = Number(prefixText);
    if (prefix > maxPrefix) return fail(`the prefix must be a number from 0 to ${maxPrefix}`);
  }
  // An IPv4-mapped block of /96 or longer is the IPv4 block it maps. A shorter one always has
  // the ffff bits past its prefix, so it is refused below.
  let ruleFamily: 4 | 6 = family;
  if (family === 4 && writtenAsIPv6) {
    if (prefix >= 96) prefix -= 96;
    else ruleFamily = 6;
  }
  const masked = maskWords(network, ruleFamily === 4 ? prefix + 96 : prefix);
  if (!sameWords(masked, network)) {
    const block = `${formatAddress(writtenAsIPv6 ? 6 : 4, masked)}/${text.slice(slash + 1)}`;
    return fail(`bits are set past the prefix; the block is ${block}`);
  }
  return { ok: true, cidr: { family: ruleFamily, network, prefix } };
}

/** `words` with every bit past the first `bits` cleared. */
function maskWords(words: Uint32Array, bits: number): Uint32Array {
  const out = new Uint32Array(4);
  for (let i = 0; i < 4; i++) out[i] = ((words[i] as number) & maskOf(bits - 32 * i)) >>> 0;
  return out;
}

/** The 32-bit mask of a word of which the first `bits` (clamped to 0–32) belong to the prefix. */
function maskOf(bits: number): number {
  if (bits <= 0) return 0;
  if (bits >= 32) return 0xffffffff;
  return (0xffffffff << (32 - bits)) >>> 0;
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/**
 * A compiled list of CIDR blocks: IPv4 blocks as (network, mask) pairs, IPv6 blocks as four
 * (network, mask) word pairs, in flat typed arrays. Lookup is a linear scan of a few integer
 * operations per block, with no allocation; lists are bounded by the schema.
 */
export class AddressSet {
  private constructor(
    /** [network, mask] per IPv4 block. */
    private readonly v4: Uint32Array,
    /** [network0..3, mask0..3] per IPv6 block. */
    private readonly v6: Uint32Array,
  ) {}

  /** Compiles valid CIDRs (see {@link parseCidr}); throws on an invalid one, which `check` refuses first. */
  static compile(cidrs: readonly string[]): AddressSet {
    const v4: number[] = [];
    const v6: number[] = [];
    for (const text of cidrs) {
      const result = parseCidr(text);
      if (!result.ok) throw new Error(result.reason);
      const { family, network, prefix } = result.cidr;
      if (family === 4) {
        v4.push(network[3] as number, maskOf(prefix));
      } else {
        v6.push(...network);
        for (let i = 0; i < 4; i++) v6.push(maskOf(prefix - 32 * i));
      }
    }
    return new AddressSet(Uint32Array.from(v4), Uint32Array.from(v6));
  }

  /** Whether the list has no block at all. */
  get empty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  /** Whether an address parsed by {@link parseAddress} lies in one of the blocks. */
  has(family: Family, words: Uint32Array): boolean {
    if (family === 4) {
      const address = words[3] as number;
      const v4 = this.v4;
      for (let i = 0; i < v4.length; i += 2) {
        if ((address & (v4[i + 1] as number)) >>> 0 === v4[i]) return true;
      }
      return false;
    }
    if (family === 0) return false;
    const v6 = this.v6;
    const w0 = words[0] as number;
    const w1 = words[1] as number;
    const w2 = words[2] as number;
    const w3 = words[3] as number;
    for (let i = 0; i < v6.length; i += 8) {
      if (
        (w0 & (v6[i + 4] as number)) >>> 0 === v6[i] &&
        (w1 & (v6[i + 5] as number)) >>> 0 === v6[i + 1] &&
        (w2 & (v6[i + 6] as number)) >>> 0 === v6[i + 2] &&
        (w3 & (v6[i + 7] as number)) >>> 0 === v6[i + 3]
      ) {
        return true;
      }
    }
    return false;
  }
}
