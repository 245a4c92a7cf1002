import { BlockList, isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddress } from './address.js';
import { AddressSet, parseCidr } from './cidr.js';

/** The family and canonical text of an address, or 0 when it does not parse. */
function parsed(text: string, allowZone = false): [number, string] | 0 {
  const words = new Uint32Array(4);
  const family = parseAddress(text, words, allowZone);
  return family === 0 ? 0 : [family, formatAddress(family, words)];
}

/** Whether `address` lies in one of `cidrs`. */
function inSet(cidrs: string[], address: string): boolean {
  const words = new Uint32Array(4);
  return AddressSet.compile(cidrs).has(parseAddress(address, words, true), words);
}

describe('ip-filter: addresses', () => {
  it.each([
    ['0.0.0.0', [4, '0.0.0.0']],
    ['255.255.255.255', [4, '255.255.255.255']],
    ['192.0.2.1', [4, '192.0.2.1']],
    ['::', [6, '::']],
    ['::1', [6, '::1']],
    ['1::', [6, '1::']],
    ['2001:DB8::0:1', [6, '2001:db8::1']],
    ['2001:db8:0:0:1:0:0:1', [6, '2001:db8::1:0:0:1']],
    ['1:2:3:4:5:6:7:8', [6, '1:2:3:4:5:6:7:8']],
    ['1:2:3:4:5:6:7::', [6, '1:2:3:4:5:6:7:0']],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', [6, 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']],
    ['64:ff9b::192.0.2.33', [6, '64:ff9b::c000:221']],
    // IPv4-mapped IPv6 is the IPv4 address, in either spelling.
    ['::ffff:192.0.2.1', [4, '192.0.2.1']],
    ['::FFFF:c000:0201', [4, '192.0.2.1']],
    ['0:0:0:0:0:ffff:192.0.2.1', [4, '192.0.2.1']],
  ])('reads %s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '01.2.3.4',
    '1.2.3.4 ',
    '1..3.4',
    '1.2.3.4:80',
    '[::1]',
    ':',
    ':::',
    ':1',
    '1:',
    '::1:',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::',
    'g::1',
    '::ffff:1.2.3',
    '1:2:3:4:5:6:7:1.2.3.4',
    'localhost',
  ])('refuses %j', (text) => {
    expect(parsed(text)).toBe(0);
    // The strict reading agrees with Node's own parser on what is an address.
    if (!text.includes('%')) expect(isIP(text)).toBe(0);
  });

  it('accepts a zone id (link-local peers) only where asked to, and ignores it', () => {
    expect(parsed('fe80::1%eth0', true)).toEqual([6, 'fe80::1']);
    expect(parsed('fe80::1%eth0')).toBe(0);
    expect(parsed('fe80::1%', true)).toBe(0);
  });
});

describe('ip-filter: CIDR blocks', () => {
  it('reads a bare address as a single-address block', () => {
    expect(inSet(['192.0.2.1'], '192.0.2.1')).toBe(true);
    expect(inSet(['192.0.2.1'], '192.0.2.2')).toBe(false);
    expect(inSet(['2001:db8::1'], '2001:db8::1')).toBe(true);
    expect(inSet(['2001:db8::1'], '2001:db8::2')).toBe(false);
  });

  it('matches every address of an IPv4 block and nothing outside it', () => {
    const block = ['10.20.0.0/15'];
    expect(inSet(block, '10.20.0.0')).toBe(true);
    expect(inSet(block, '10.21.255.255')).toBe(true);
    expect(inSet(block, '10.19.255.255')).toBe(false);
    expect(inSet(block, '10.22.0.0')).toBe(false);
  });

  it('matches blocks whose mask crosses 32-bit words, and /0', () => {
    const block = ['2001:db8:8000::/33'];
    expect(inSet(block, '2001:db8:8000::1')).toBe(true);
    expect(inSet(block, '2001:db8:ffff:ffff::')).toBe(true);
    expect(inSet(block, '2001:db8:7fff::')).toBe(false);
    expect(inSet(['2001:db8::/127'], '2001:db8::1')).toBe(true);
    expect(inSet(['2001:db8::/127'], '2001:db8::2')).toBe(false);
    expect(inSet(['0.0.0.0/0'], '203.0.113.9')).toBe(true);
    expect(inSet(['::/0'], '2001:db8::1')).toBe(true);
  });

  it('matches an IPv4-mapped client against IPv4 blocks, and an IPv4-mapped block against IPv4 clients', () => {
    expect(inSet(['192.0.2.0/24'], '::ffff:192.0.2.77')).toBe(true);
    expect(inSet(['192.0.2.0/24'], '::ffff:198.51.100.1')).toBe(false);
    expect(inSet(['::ffff:192.0.2.0/120'], '192.0.2.77')).toBe(true);
    expect(inSet(['::ffff:192.0.2.0/120'], '192.0.3.1')).toBe(false);
    expect(inSet(['::ffff:0:0/96'], '8.8.8.8')).toBe(true);
  });

  it('keeps the families apart otherwise: ::/0 is every IPv6 client, not every IPv4 one', () => {
    expect(inSet(['::/0'], '192.0.2.1')).toBe(false);
    expect(inSet(['0.0.0.0/0'], '2001:db8::1')).toBe(false);
  });

  it.each([
    ['10.0.0.0/33', "not a CIDR: '10.0.0.0/33' (the prefix must be a number from 0 to 32)"],
    ['2001:db8::/129', "not a CIDR: '2001:db8::/129' (the prefix must be a number from 0 to 128)"],
    ['10.0.0.0/', "not a CIDR: '10.0.0.0/' (the prefix must be a number from 0 to 32)"],
    ['10.0.0.0/08', "not a CIDR: '10.0.0.0/08' (the prefix must be a number from 0 to 32)"],
    ['10.0.0.0/8/8', "not a CIDR: '10.0.0.0/8/8' (the prefix must be a number from 0 to 32)"],
    ['10.0.0.0/-1', "not a CIDR: '10.0.0.0/-1' (the prefix must be a number from 0 to 32)"],
    ['10.0.0/8', "not a CIDR: '10.0.0/8' (not an IPv4 or IPv6 address)"],
    ['fe80::/10%eth0', "not a CIDR: 'fe80::/10%eth0' (the prefix must be a number from 0 to 128)"],
    ['fe80::%eth0/10', "not a CIDR: 'fe80::%eth0/10' (not an IPv4 or IPv6 address)"],
    ['10.1.0.0/8', "not a CIDR: '10.1.0.0/8' (bits are set past the prefix; the block is 10.0.0.0/8)"],
    ['2001:db8::1/64', "not a CIDR: '2001:db8::1/64' (bits are set past the prefix; the block is 2001:db8::/64)"],
    ['::ffff:10.1.0.0/104', "not a CIDR: '::ffff:10.1.0.0/104' (bits are set past the prefix; the block is ::ffff:10.0.0.0/104)"],
    ['::ffff:10.0.0.0/80', "not a CIDR: '::ffff:10.0.0.0/80' (bits are set past the prefix; the block is ::/80)"],
  ])('refuses %s', (text, reason) => {
    expect(parseCidr(text)).toEqual({ ok: false, reason });
    expect(() => AddressSet.compile([text])).toThrow(reason);
  });

  it('reads an IPv4-mapped block as the IPv4 block it maps', () => {
    const result = parseCidr('::ffff:10.0.0.0/104');
    expect(result.ok && [result.cidr.family, result.cidr.prefix]).toEqual([4, 8]);
  });
});

describe('ip-filter: agreement with node:net', () => {
  // A fixed-seed generator: the same cases on every run.
  let seed = 0x2545f491;
  const random = (bound: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % bound;
  };
  // Small middle words, so zero runs (and '::') are common.
  const randomWords = (family: 4 | 6) => {
    const words = Uint32Array.from([
      random(2 ** 16) * 2 ** 16 + random(2 ** 16),
      random(4),
      random(3),
      random(2 ** 16) * 2 ** 16 + random(2 ** 16),
    ]);
    if (family === 4) words.set([0, 0, 0xffff]);
    return words;
  };

  it('formats and re-reads 2,000 random addresses identically, as Node reads them', () => {
    for (let i = 0; i < 2_000; i++) {
      const family = i % 2 === 0 ? 4 : 6;
      const words = randomWords(family);
      const text = formatAddress(family, words);
      expect(isIP(text), text).toBe(family);
      const again = new Uint32Array(4);
      parseAddress(text, again);
      expect([...again], text).toEqual([...words]);
    }
  });

  it('decides membership of 2,000 random addresses in random blocks as net.BlockList does', () => {
    for (let i = 0; i < 2_000; i++) {
      const family = i % 2 === 0 ? 4 : 6;
      const prefix = random(family === 4 ? 33 : 129);
      const network = randomWords(family);
      const mask = new Uint32Array(4);
      for (let w = 0; w < 4; w++) {
        const bits = (family === 4 ? prefix + 96 : prefix) - 32 * w;
        mask[w] = bits <= 0 ? 0 : bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
        network[w] = ((network[w] as number) & (mask[w] as number)) >>> 0;
      }
      // Half the addresses inside the block: the network with random host bits.
      const address = randomWords(family);
      if (random(2) === 0)
        for (let w = 0; w < 4; w++) address[w] = ((network[w] as number) | ((address[w] as number) & ~(mask[w] as number))) >>> 0;
      const block = `${formatAddress(family, network)}/${prefix}`;
      const client = formatAddress(family, address);
      const reference = new BlockList();
      reference.addSubnet(formatAddress(family, network), prefix, family === 4 ? 'ipv4' : 'ipv6');
      expect(inSet([block], client), `${client} in ${block}`).toBe(reference.check(client, family === 4 ? 'ipv4' : 'ipv6'));
    }
  });
});
