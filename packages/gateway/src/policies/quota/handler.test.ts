import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry, makePolicyKit } from '../../testing/policy-kit.js';
import type { PolicyHandler, PolicyKit, Rejection } from '../kit.js';
import { quota } from './index.js';

/** The verdict of one call; with memory counters the policy decides synchronously. */
function call(handler: PolicyHandler, exchange: Exchange = makeExchange()): Rejection | undefined {
  const verdict = handler.onRequest?.(exchange);
  if (verdict instanceof Promise) throw new Error('quota must decide synchronously on memory counters');
  return verdict as Rejection | undefined;
}

/** How many of `calls` calls (each a fresh exchange from `fixture`) are admitted. */
function admitted(handler: PolicyHandler, calls: number, exchangeOf: () => Exchange = () => makeExchange()): number {
  let count = 0;
  for (let i = 0; i < calls; i++) if (call(handler, exchangeOf()) === undefined) count++;
  return count;
}

/** A kit whose clock reads `iso`. */
function kitAt(iso: string, overrides: Partial<PolicyKit> = {}) {
  const kit = makePolicyKit(overrides);
  kit.clock.now = Date.parse(iso);
  return kit;
}

describe('policy: quota', () => {
  describe('schema', () => {
    it('fills the defaults: per subscription product, in UTC, local fallback', () => {
      expect(Value.Default(quota.schema, { limit: 5, unit: 'day' })).toEqual({
        limit: 5,
        unit: 'day',
        identifier: 'subscription-product',
        timeZone: 'UTC',
        onStoreFailure: 'local',
      });
    });

    it('accepts every unit, a known time zone and a header identifier', () => {
      for (const unit of ['minute', 'hour', 'day', 'month']) expect(acceptsConfig(quota, { limit: 1, unit })).toBe(true);
      expect(acceptsConfig(quota, { limit: 1, unit: 'day', timeZone: 'Asia/Kolkata' })).toBe(true);
      expect(acceptsConfig(quota, { limit: 1_000_000_000_000, unit: 'month', identifier: 'header:x-user' })).toBe(true);
    });

    it('refuses an unknown time zone', () => {
      expect(acceptsConfig(quota, { limit: 1, unit: 'day', timeZone: 'Mars/Olympus_Mons' })).toBe(false);
      expect(quota.check?.({ limit: 1, unit: 'day', timeZone: 'Mars/Olympus_Mons' })).toEqual({
        timeZone: "unknown time zone 'Mars/Olympus_Mons'",
      });
    });

    it.each([
      ['no limit', { unit: 'day' }],
      ['no unit', { limit: 5 }],
      ['a limit of 0', { limit: 0, unit: 'day' }],
      ['a fractional limit', { limit: 1.5, unit: 'day' }],
      ['a limit above 10^12', { limit: 1_000_000_000_001, unit: 'day' }],
      ['a week', { limit: 5, unit: 'week' }],
      ['an unknown identifier', { limit: 5, unit: 'day', identifier: 'user' }],
      ['an upper-case header identifier', { limit: 5, unit: 'day', identifier: 'header:X-User' }],
      ['an empty header identifier', { limit: 5, unit: 'day', identifier: 'header:' }],
      ['an unknown onStoreFailure', { limit: 5, unit: 'day', onStoreFailure: 'retry' }],
      ['an empty time zone', { limit: 5, unit: 'day', timeZone: '' }],
      ['an unknown field', { limit: 5, unit: 'day', per: 'day' }],
    ])('refuses %s', (_case, config) => {
      expect(acceptsConfig(quota, config)).toBe(false);
    });
  });

  describe('counting', () => {
    it('admits exactly limit calls with RateLimit-* headers, then answers QUOTA_EXCEEDED with Retry-After', () => {
      const handler = instantiate(quota, { limit: 3, unit: 'day', identifier: 'ip' }, kitAt('2026-06-01T06:00:00Z'));
      const remaining: Array<string | undefined> = [];
      for (let i = 0; i < 3; i++) {
        const exchange = makeExchange();
        expect(call(handler, exchange)).toBeUndefined();
        expect(exchange.responseHeaders?.['ratelimit-limit']).toBe('3');
        expect(exchange.responseHeaders?.['ratelimit-reset']).toBe(String(18 * 3600));
        remaining.push(exchange.responseHeaders?.['ratelimit-remaining']);
      }
      expect(remaining).toEqual(['2', '1', '0']);

      const refused = makeExchange();
      expect(call(handler, refused)).toEqual({
        code: 'QUOTA_EXCEEDED',
        detail: 'the quota of 3 calls per day is used up',
        headers: { 'retry-after': String(18 * 3600) },
      });
      expect(refused.responseHeaders).toEqual({ 'ratelimit-limit': '3', 'ratelimit-remaining': '0', 'ratelimit-reset': String(18 * 3600) });
    });

    it('rounds Retry-After up to whole seconds, never below 1', () => {
      const kit = kitAt('2026-06-01T23:59:59.001Z');
      const handler = instantiate(quota, { limit: 1, unit: 'day', identifier: 'ip' }, kit);
      call(handler);
      expect(call(handler)?.headers).toEqual({ 'retry-after': '1' });
      kit.clock.now = Date.parse('2026-06-01T23:59:57.500Z');
      // Earlier in the same day: 2.5 s left, answered as 3.
      expect(call(handler)?.headers).toEqual({ 'retry-after': '3' });
    });

    it('starts again at the calendar month boundary, and the new period resets at the end of July', () => {
      const kit = kitAt('2026-06-30T23:59:59Z');
      const handler = instantiate(quota, { limit: 2, unit: 'month', identifier: 'ip' }, kit);
      expect(admitted(handler, 3)).toBe(2);
      expect(call(handler)?.headers).toEqual({ 'retry-after': '1' });
      kit.clock.now = Date.parse('2026-07-01T00:00:00Z');
      const exchange = makeExchange();
      expect(call(handler, exchange)).toBeUndefined();
      expect(exchange.responseHeaders).toEqual({
        'ratelimit-limit': '2',
        'ratelimit-remaining': '1',
        'ratelimit-reset': String(31 * 86_400),
      });
    });

    it('resets a February quota on 1 March (28 days in 2026)', () => {
      const kit = kitAt('2026-02-01T00:00:00Z');
      const handler = instantiate(quota, { limit: 1, unit: 'month', identifier: 'ip' }, kit);
      call(handler);
      expect(call(handler)?.headers).toEqual({ 'retry-after': String(28 * 86_400) });
    });

    it('aligns days to the configured time zone: Asia/Kolkata (+05:30) rolls over at 18:30 UTC', () => {
      const kit = kitAt('2026-06-01T18:29:59Z');
      const kolkata = instantiate(quota, { limit: 1, unit: 'day', identifier: 'ip', timeZone: 'Asia/Kolkata' }, kit);
      const utc = instantiate(quota, { limit: 1, unit: 'day', identifier: 'ip' }, makePolicyKit({ ...kit, instance: 'petstore/utc' }));
      const first = makeExchange();
      expect(call(kolkata, first)).toBeUndefined();
      expect(first.responseHeaders?.['ratelimit-reset']).toBe('1');
      expect(call(utc)).toBeUndefined();
      expect(call(kolkata)?.code).toBe('QUOTA_EXCEEDED');

      kit.clock.now = Date.parse('2026-06-01T18:30:00Z');
      const next = makeExchange();
      expect(call(kolkata, next)).toBeUndefined();
      expect(next.responseHeaders?.['ratelimit-reset']).toBe('86400');
      // Still 1 June in UTC: that quota is used up until midnight UTC.
      expect(call(utc)).toEqual(expect.objectContaining({ code: 'QUOTA_EXCEEDED', headers: { 'retry-after': String(5.5 * 3600) } }));
    });

    it('counts the 23-hour Europe/Paris day of the spring DST change as one day', () => {
      const kit = kitAt('2026-03-28T23:00:00Z');
      const handler = instantiate(quota, { limit: 1, unit: 'day', identifier: 'ip', timeZone: 'Europe/Paris' }, kit);
      call(handler);
      expect(call(handler)?.headers).toEqual({ 'retry-after': String(23 * 3600) });
      kit.clock.now = Date.parse('2026-03-29T22:00:00Z');
      expect(call(handler)).toBeUndefined();
    });
  });

  describe('identifiers', () => {
    const alice = makeKeyEntry({ subscriptionId: 'app-1', clientId: 'alice', organizationId: 'acme' });
    const aliceOtherApp = makeKeyEntry({ subscriptionId: 'app-2', clientId: 'alice', organizationId: 'acme' });
    const bob = makeKeyEntry({ subscriptionId: 'app-3', clientId: 'bob', organizationId: 'acme' });
    const carol = makeKeyEntry({ subscriptionId: 'app-4', clientId: 'carol', organizationId: null });
    const dave = makeKeyEntry({ subscriptionId: 'app-5', clientId: 'dave', organizationId: null });

    /** Whether a call as `second` is refused once `first` used a quota of 1: they share a counter. */
    function shared(identifier: string, first: Parameters<typeof makeExchange>[0], second: Parameters<typeof makeExchange>[0]): boolean {
      const handler = instantiate(quota, { limit: 1, unit: 'day', identifier }, makePolicyKit());
      expect(call(handler, makeExchange(first))).toBeUndefined();
      return call(handler, makeExchange(second))?.code === 'QUOTA_EXCEEDED';
    }

    it('subscription-product: one counter per key, and a new quota epoch counts from zero', () => {
      expect(shared('subscription-product', { identity: alice }, { identity: alice })).toBe(true);
      expect(shared('subscription-product', { identity: alice }, { identity: aliceOtherApp })).toBe(false);
      expect(shared('subscription-product', { identity: alice }, { identity: { ...alice, productId: 'silver' } })).toBe(false);
      expect(shared('subscription-product', { identity: alice }, { identity: { ...alice, quotaEpoch: 1 } })).toBe(false);
    });

    it('subscription-product: a quota reset (new epoch) restarts the count, and the old epoch stays spent', () => {
      const handler = instantiate(quota, { limit: 2, unit: 'month' }, makePolicyKit());
      expect(admitted(handler, 3, () => makeExchange({ identity: alice }))).toBe(2);
      const reset = { ...alice, quotaEpoch: alice.quotaEpoch + 1 };
      expect(admitted(handler, 3, () => makeExchange({ identity: reset }))).toBe(2);
    });

    it('subscription-product: without a recognised caller, counts per client address', () => {
      expect(shared('subscription-product', { clientAddress: '10.0.0.1' }, { clientAddress: '10.0.0.1' })).toBe(true);
      expect(shared('subscription-product', { clientAddress: '10.0.0.1' }, { clientAddress: '10.0.0.2' })).toBe(false);
    });

    it('client: every subscription of one client together', () => {
      expect(shared('client', { identity: alice }, { identity: aliceOtherApp })).toBe(true);
      expect(shared('client', { identity: alice }, { identity: bob })).toBe(false);
    });

    it('organization: every client of one organization together; no organization falls back to the address', () => {
      expect(shared('organization', { identity: alice }, { identity: bob })).toBe(true);
      expect(shared('organization', { identity: carol, clientAddress: '10.0.0.1' }, { identity: dave, clientAddress: '10.0.0.1' })).toBe(
        true,
      );
      expect(shared('organization', { identity: carol, clientAddress: '10.0.0.1' }, { identity: dave, clientAddress: '10.0.0.2' })).toBe(
        false,
      );
      expect(shared('organization', { identity: carol, clientAddress: '10.0.0.1' }, { identity: carol, clientAddress: '10.0.0.2' })).toBe(
        false,
      );
    });

    it('ip: one counter per client address, whoever calls', () => {
      expect(shared('ip', { identity: alice, clientAddress: '10.0.0.1' }, { identity: bob, clientAddress: '10.0.0.1' })).toBe(true);
      expect(shared('ip', { identity: alice, clientAddress: '10.0.0.1' }, { identity: alice, clientAddress: '10.0.0.2' })).toBe(false);
    });

    it('header:x-user: one counter per header value; without the header, per client address', () => {
      expect(
        shared(
          'header:x-user',
          { headers: { 'x-user': 'u1' }, clientAddress: '10.0.0.1' },
          { headers: { 'x-user': 'u1' }, clientAddress: '10.0.0.2' },
        ),
      ).toBe(true);
      expect(shared('header:x-user', { headers: { 'x-user': 'u1' } }, { headers: { 'x-user': 'u2' } })).toBe(false);
      expect(shared('header:x-user', { clientAddress: '10.0.0.1' }, { clientAddress: '10.0.0.1' })).toBe(true);
      expect(shared('header:x-user', { clientAddress: '10.0.0.1' }, { clientAddress: '10.0.0.2' })).toBe(false);
    });

    it('project: every caller together', () => {
      expect(shared('project', { identity: alice, clientAddress: '10.0.0.1' }, { identity: bob, clientAddress: '10.0.0.2' })).toBe(true);
      expect(shared('project', { clientAddress: '10.0.0.1' }, { identity: carol, headers: { 'x-user': 'u' } })).toBe(true);
    });
  });

  describe('instances', () => {
    it('keeps separate counters per policy instance and per server group on shared counters', () => {
      const kit = makePolicyKit();
      const config = { limit: 1, unit: 'day', identifier: 'project' };
      const first = instantiate(quota, config, kit);
      const other = instantiate(quota, config, makePolicyKit({ counters: kit.counters, instance: 'petstore/other' }));
      const otherGroup = instantiate(quota, config, makePolicyKit({ counters: kit.counters, serverGroupId: 'development' }));
      expect(call(first)).toBeUndefined();
      expect(call(first)?.code).toBe('QUOTA_EXCEEDED');
      expect(call(other)).toBeUndefined();
      expect(call(otherGroup)).toBeUndefined();
    });

    it('keeps the count across a new snapshot of the same instance (even with a new limit)', () => {
      const kit = makePolicyKit();
      expect(admitted(instantiate(quota, { limit: 2, unit: 'day', identifier: 'project' }, kit), 2)).toBe(2);
      expect(admitted(instantiate(quota, { limit: 3, unit: 'day', identifier: 'project' }, kit), 5)).toBe(1);
    });
  });
});
