import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry, makePolicyKit } from '../../testing/policy-kit.js';
import type { PolicyHandler, Rejection } from '../kit.js';
import { rateLimit } from './index.js';
import { MAX_SLIDING_LIMIT } from './schema.js';

/** The verdict of one call; with memory counters the policy decides synchronously. */
function call(handler: PolicyHandler, exchange: Exchange = makeExchange()): Rejection | undefined {
  const verdict = handler.onRequest?.(exchange);
  if (verdict instanceof Promise) throw new Error('rate-limit must decide synchronously on memory counters');
  return verdict as Rejection | undefined;
}

function admitted(handler: PolicyHandler, calls: number, exchangeOf: () => Exchange = () => makeExchange()): number {
  let count = 0;
  for (let i = 0; i < calls; i++) if (call(handler, exchangeOf()) === undefined) count++;
  return count;
}

/** The `RateLimit-*` headers one call leaves on its exchange. */
function headersOf(handler: PolicyHandler): Record<string, string> | undefined {
  const exchange = makeExchange();
  call(handler, exchange);
  return exchange.responseHeaders;
}

const at = (iso: string) => Date.parse(iso);

describe('policy: rate-limit', () => {
  describe('schema', () => {
    it('fills the defaults: fixed window, per subscription product, local fallback', () => {
      expect(Value.Default(rateLimit.schema, { limit: 10, windowSeconds: 60 })).toEqual({
        limit: 10,
        windowSeconds: 60,
        algorithm: 'fixed',
        identifier: 'subscription-product',
        onStoreFailure: 'local',
      });
    });

    it(`caps the sliding limit at ${MAX_SLIDING_LIMIT} (each call is remembered), not the fixed one`, () => {
      expect(acceptsConfig(rateLimit, { limit: 10_000, windowSeconds: 60, algorithm: 'sliding' })).toBe(true);
      expect(acceptsConfig(rateLimit, { limit: 10_001, windowSeconds: 60, algorithm: 'sliding' })).toBe(false);
      expect(rateLimit.check?.({ limit: 10_001, windowSeconds: 60, algorithm: 'sliding' })).toEqual({
        limit: 'must be at most 10000 with the sliding algorithm',
      });
      expect(acceptsConfig(rateLimit, { limit: 10_001, windowSeconds: 60 })).toBe(true);
    });

    it.each([
      ['no limit', { windowSeconds: 60 }],
      ['no window', { limit: 10 }],
      ['a limit of 0', { limit: 0, windowSeconds: 60 }],
      ['a window of 0 s', { limit: 10, windowSeconds: 0 }],
      ['a window longer than a day', { limit: 10, windowSeconds: 86_401 }],
      ['a fractional window', { limit: 10, windowSeconds: 1.5 }],
      ['an unknown algorithm', { limit: 10, windowSeconds: 60, algorithm: 'leaky-bucket' }],
      ['an unknown identifier', { limit: 10, windowSeconds: 60, identifier: 'session' }],
      ['an unknown field', { limit: 10, windowSeconds: 60, burst: 2 }],
    ])('refuses %s', (_case, config) => {
      expect(acceptsConfig(rateLimit, config)).toBe(false);
    });
  });

  describe('fixed window', () => {
    it('admits exactly limit calls per window, then answers RATE_LIMITED with Retry-After to the window end', () => {
      const kit = makePolicyKit();
      kit.clock.now = at('2026-06-01T00:00:10Z');
      const handler = instantiate(rateLimit, { limit: 3, windowSeconds: 60, identifier: 'ip' }, kit);
      expect([headersOf(handler), headersOf(handler), headersOf(handler)]).toEqual(
        ['2', '1', '0'].map((remaining) => ({ 'ratelimit-limit': '3', 'ratelimit-remaining': remaining, 'ratelimit-reset': '50' })),
      );
      const refused = makeExchange();
      expect(call(handler, refused)).toEqual({
        code: 'RATE_LIMITED',
        detail: 'the rate limit of 3 calls per 60 s is reached',
        headers: { 'retry-after': '50' },
      });
      expect(refused.responseHeaders).toEqual({ 'ratelimit-limit': '3', 'ratelimit-remaining': '0', 'ratelimit-reset': '50' });
    });

    it('starts a new count when the clock reaches the next window', () => {
      const kit = makePolicyKit();
      kit.clock.now = at('2026-06-01T00:00:10Z');
      const handler = instantiate(rateLimit, { limit: 2, windowSeconds: 60, identifier: 'ip' }, kit);
      expect(admitted(handler, 3)).toBe(2);
      kit.clock.now = at('2026-06-01T00:00:59.999Z');
      expect(call(handler)?.headers).toEqual({ 'retry-after': '1' });
      kit.clock.now = at('2026-06-01T00:01:00Z');
      expect(headersOf(handler)).toEqual({ 'ratelimit-limit': '2', 'ratelimit-remaining': '1', 'ratelimit-reset': '60' });
    });

    it('aligns windows on the clock, so up to 2 × limit calls pass across a boundary', () => {
      const kit = makePolicyKit();
      kit.clock.now = at('2026-06-01T00:00:59.999Z');
      const handler = instantiate(rateLimit, { limit: 3, windowSeconds: 60, identifier: 'ip' }, kit);
      expect(admitted(handler, 3)).toBe(3);
      kit.clock.now = at('2026-06-01T00:01:00Z');
      expect(admitted(handler, 4)).toBe(3);
    });
  });

  describe('sliding window', () => {
    it('admits limit calls in any window ending now; Retry-After is when the oldest call leaves it', () => {
      const kit = makePolicyKit();
      const t0 = kit.clock.now;
      const handler = instantiate(rateLimit, { limit: 2, windowSeconds: 10, algorithm: 'sliding', identifier: 'ip' }, kit);
      expect(headersOf(handler)).toEqual({ 'ratelimit-limit': '2', 'ratelimit-remaining': '1', 'ratelimit-reset': '10' });
      kit.clock.now = t0 + 4_000;
      expect(headersOf(handler)).toEqual({ 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': '6' });
      kit.clock.now = t0 + 5_000;
      const refused = makeExchange();
      expect(call(handler, refused)).toEqual({
        code: 'RATE_LIMITED',
        detail: 'the rate limit of 2 calls per 10 s is reached',
        headers: { 'retry-after': '5' },
      });
      expect(refused.responseHeaders).toEqual({ 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': '5' });
      // The first call leaves the window at t0 + 10 s; the second holds it until t0 + 14 s.
      kit.clock.now = t0 + 10_000;
      expect(headersOf(handler)).toEqual({ 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': '4' });
      kit.clock.now = t0 + 11_000;
      expect(call(handler)?.headers).toEqual({ 'retry-after': '3' });
    });

    it('has no boundary burst: limit calls at the end of a minute hold the next one', () => {
      const kit = makePolicyKit();
      kit.clock.now = at('2026-06-01T00:00:59.999Z');
      const handler = instantiate(rateLimit, { limit: 3, windowSeconds: 60, algorithm: 'sliding', identifier: 'ip' }, kit);
      expect(admitted(handler, 3)).toBe(3);
      kit.clock.now = at('2026-06-01T00:01:00Z');
      expect(admitted(handler, 3)).toBe(0);
      kit.clock.now = at('2026-06-01T00:01:59.999Z');
      expect(admitted(handler, 4)).toBe(3);
    });
  });

  describe('identifiers and instances', () => {
    it('counts per client with identifier client, per subscription product by default', () => {
      const alice1 = makeKeyEntry({ subscriptionId: 'app-1', clientId: 'alice' });
      const alice2 = makeKeyEntry({ subscriptionId: 'app-2', clientId: 'alice' });
      const byClient = instantiate(rateLimit, { limit: 1, windowSeconds: 60, identifier: 'client' });
      expect(call(byClient, makeExchange({ identity: alice1 }))).toBeUndefined();
      expect(call(byClient, makeExchange({ identity: alice2 }))?.code).toBe('RATE_LIMITED');
      const byDefault = instantiate(rateLimit, { limit: 1, windowSeconds: 60 });
      expect(call(byDefault, makeExchange({ identity: alice1 }))).toBeUndefined();
      expect(call(byDefault, makeExchange({ identity: alice2 }))).toBeUndefined();
      expect(call(byDefault, makeExchange({ identity: { ...alice2, quotaEpoch: 9 } }))).toBeUndefined();
      expect(call(byDefault, makeExchange({ identity: alice1 }))?.code).toBe('RATE_LIMITED');
    });

    it('keeps separate counters per policy instance, fixed and sliding alike', () => {
      for (const algorithm of ['fixed', 'sliding']) {
        const kit = makePolicyKit();
        const config = { limit: 1, windowSeconds: 60, algorithm, identifier: 'project' };
        const a = instantiate(rateLimit, config, kit);
        const b = instantiate(rateLimit, config, makePolicyKit({ counters: kit.counters, instance: 'petstore/b' }));
        expect(call(a)).toBeUndefined();
        expect(call(a)?.code).toBe('RATE_LIMITED');
        expect(call(b)).toBeUndefined();
      }
    });
  });
});
