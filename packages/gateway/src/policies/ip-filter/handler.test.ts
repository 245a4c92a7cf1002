import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { acceptsConfig, instantiate, makeExchange, rejectionOf } from '../../testing/policy-kit.js';
import { ipFilter } from './index.js';
import { MAX_CIDRS } from './schema.js';

/** The verdict for a call from `clientAddress` (the socket peer), with optional X-Forwarded-For. */
function verdict(config: object, clientAddress: string, forwardedFor?: string) {
  const handler = instantiate(ipFilter, config);
  const headers: Record<string, string> = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return rejectionOf(handler.onRequest?.(makeExchange({ clientAddress, headers })));
}

/** Whether a call from `clientAddress` passes. */
function passes(config: object, clientAddress: string, forwardedFor?: string): boolean {
  const rejection = verdict(config, clientAddress, forwardedFor);
  if (rejection !== undefined) expect(rejection.code).toBe('IP_DENIED');
  return rejection === undefined;
}

describe('policy: ip-filter', () => {
  describe('schema', () => {
    it('fills empty lists by default', () => {
      expect(Value.Default(ipFilter.schema, { deny: ['10.0.0.0/8'] })).toEqual({ allow: [], deny: ['10.0.0.0/8'], trustedProxies: [] });
    });

    it('accepts IPv4 and IPv6 blocks and bare addresses in every list', () => {
      expect(
        acceptsConfig(ipFilter, {
          allow: ['10.0.0.0/8', '2001:db8::/32', '192.0.2.1', '::1', '::ffff:198.51.100.0/120'],
          deny: ['0.0.0.0/0'],
          trustedProxies: ['172.16.0.0/12', 'fd00::/8'],
        }),
      ).toBe(true);
    });

    it.each([
      ['an unknown field', { deny: ['10.0.0.0/8'], block: ['10.0.0.0/8'] }],
      ['a list that is not an array', { deny: '10.0.0.0/8' }],
      ['an empty entry', { deny: [''] }],
      ['an entry longer than 64 characters', { deny: [`${'1'.repeat(63)}/8`] }],
      ['more entries than the limit', { deny: Array.from({ length: MAX_CIDRS + 1 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`) }],
    ])('refuses %s', (_case, config) => {
      expect(Value.Check(ipFilter.schema, Value.Default(ipFilter.schema, config))).toBe(false);
    });

    it('names every entry that is not a CIDR, by list and index', () => {
      const config = Value.Default(ipFilter.schema, {
        allow: ['10.0.0.0/8', '192.0.2.0/24', 'example.com'],
        deny: ['10.1.0.0/8'],
        trustedProxies: ['::1', '2001:db8::/200'],
      });
      expect(ipFilter.check?.(config)).toEqual({
        'allow.2': "not a CIDR: 'example.com' (not an IPv4 or IPv6 address)",
        'deny.0': "not a CIDR: '10.1.0.0/8' (bits are set past the prefix; the block is 10.0.0.0/8)",
        'trustedProxies.1': "not a CIDR: '2001:db8::/200' (the prefix must be a number from 0 to 128)",
      });
    });

    it('refuses a filter without any allow or deny entry: it would admit everyone', () => {
      expect(ipFilter.check?.(Value.Default(ipFilter.schema, {}))).toEqual({ '': 'list at least one CIDR block in allow or deny' });
      expect(acceptsConfig(ipFilter, { trustedProxies: ['10.0.0.0/8'] })).toBe(false);
    });
  });

  describe('allow and deny', () => {
    it('with a deny list only, refuses listed addresses with 403 IP_DENIED and admits the rest', () => {
      const config = { deny: ['203.0.113.0/24', '2001:db8:bad::/48'] };
      expect(verdict(config, '203.0.113.9')).toEqual({ code: 'IP_DENIED', detail: 'the client address 203.0.113.9 is not allowed' });
      expect(passes(config, '2001:db8:bad:1::5')).toBe(false);
      expect(passes(config, '203.0.114.1')).toBe(true);
      expect(passes(config, '2001:db8:bae::1')).toBe(true);
    });

    it('with an allow list, admits only listed addresses', () => {
      const config = { allow: ['10.0.0.0/8', '2001:db8::/32'] };
      expect(passes(config, '10.200.3.4')).toBe(true);
      expect(passes(config, '2001:db8:1::1')).toBe(true);
      expect(passes(config, '11.0.0.1')).toBe(false);
      expect(passes(config, '2001:db9::1')).toBe(false);
    });

    it('lets deny win over allow', () => {
      const config = { allow: ['10.0.0.0/8'], deny: ['10.0.5.0/24'] };
      expect(passes(config, '10.0.4.255')).toBe(true);
      expect(passes(config, '10.0.5.1')).toBe(false);
    });

    it('matches IPv4 rules against IPv4-mapped peers (a dual-stack socket reports ::ffff:a.b.c.d)', () => {
      expect(passes({ deny: ['192.0.2.0/24'] }, '::ffff:192.0.2.10')).toBe(false);
      expect(passes({ allow: ['192.0.2.0/24'] }, '::ffff:192.0.2.10')).toBe(true);
      expect(passes({ allow: ['192.0.2.0/24'] }, '::ffff:198.51.100.1')).toBe(false);
    });

    it('matches link-local peers reported with a zone id', () => {
      expect(passes({ deny: ['fe80::/10'] }, 'fe80::1%eth0')).toBe(false);
    });

    it('refuses a peer address it cannot read, even with a deny list only', () => {
      expect(verdict({ deny: ['10.0.0.0/8'] }, '')).toEqual({ code: 'IP_DENIED', detail: "the client address '' is not an IP address" });
    });
  });

  describe('trusted proxies', () => {
    const behindBalancer = { deny: ['203.0.113.0/24'], trustedProxies: ['10.0.0.0/8'] };

    it('reads the client from X-Forwarded-For when the peer is a trusted proxy', () => {
      expect(passes(behindBalancer, '10.0.0.2', '203.0.113.9')).toBe(false);
      expect(verdict(behindBalancer, '10.0.0.2', '203.0.113.9')?.detail).toBe('the client address 203.0.113.9 is not allowed');
      expect(passes(behindBalancer, '10.0.0.2', '198.51.100.1')).toBe(true);
    });

    it('ignores X-Forwarded-For from a peer that is not a trusted proxy (a client cannot name another address)', () => {
      expect(passes(behindBalancer, '203.0.113.9', '198.51.100.1')).toBe(false);
      expect(passes({ allow: ['198.51.100.0/24'], trustedProxies: ['10.0.0.0/8'] }, '203.0.113.9', '198.51.100.1')).toBe(false);
    });

    it('takes the right-most entry that is not a trusted proxy: entries left of it are the caller’s and may be forged', () => {
      // The caller forged 198.51.100.1; the balancer appended the real 203.0.113.9; an inner proxy 10.0.0.7.
      expect(passes(behindBalancer, '10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.7')).toBe(false);
      // The forged entry cannot hide a denied address, nor open an allow list.
      const allowList = { allow: ['198.51.100.0/24'], trustedProxies: ['10.0.0.0/8'] };
      expect(passes(allowList, '10.0.0.2', '198.51.100.1, 203.0.113.9')).toBe(false);
      expect(passes(allowList, '10.0.0.2', '203.0.113.9, 198.51.100.1')).toBe(true);
    });

    it('reads repeated X-Forwarded-For headers as one list, in order', () => {
      const handler = instantiate(ipFilter, behindBalancer);
      const exchange = makeExchange({ clientAddress: '10.0.0.2', headers: { 'x-forwarded-for': ['198.51.100.1', '203.0.113.9'] } });
      expect(rejectionOf(handler.onRequest?.(exchange))?.code).toBe('IP_DENIED');
    });

    it('uses the left-most entry when every entry is a trusted proxy, and the peer when there is no header', () => {
      const config = { deny: ['10.0.0.1'], trustedProxies: ['10.0.0.0/8'] };
      expect(passes(config, '10.0.0.2', '10.0.0.1, 10.0.0.3')).toBe(false);
      expect(passes(config, '10.0.0.2', '10.0.0.4, 10.0.0.3')).toBe(true);
      expect(passes(config, '10.0.0.1')).toBe(false);
      expect(passes(config, '10.0.0.2', ' , ')).toBe(true);
    });

    it('drops ports and brackets some proxies add, and matches IPv6 and IPv4-mapped entries', () => {
      expect(passes(behindBalancer, '10.0.0.2', '203.0.113.9:5123')).toBe(false);
      expect(passes({ deny: ['2001:db8::/32'], trustedProxies: ['10.0.0.0/8'] }, '10.0.0.2', '[2001:db8::1]:443')).toBe(false);
      expect(passes({ deny: ['2001:db8::/32'], trustedProxies: ['10.0.0.0/8'] }, '10.0.0.2', '[2001:db8::1]')).toBe(false);
      expect(passes(behindBalancer, '::ffff:10.0.0.2', '::ffff:203.0.113.9')).toBe(false);
    });

    it('refuses an X-Forwarded-For client entry that is not an address (fails closed)', () => {
      expect(verdict(behindBalancer, '10.0.0.2', '198.51.100.1, unknown')).toEqual({
        code: 'IP_DENIED',
        detail: "the client address 'unknown' is not an IP address",
      });
    });
  });
});
