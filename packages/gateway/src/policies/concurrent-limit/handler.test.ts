import Value from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupCounters } from '../../counters/group-counters.js';
import { RedisCounters } from '../../counters/redis.js';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange, makePolicyKit } from '../../testing/policy-kit.js';
import type { PolicyHandler, Rejection } from '../kit.js';
import { concurrentLimit } from './index.js';

/** The verdict of one call; with memory counters the policy decides synchronously. */
function call(handler: PolicyHandler, exchange: Exchange = makeExchange()): Rejection | undefined {
  const verdict = handler.onRequest?.(exchange);
  if (verdict instanceof Promise) throw new Error('concurrent-limit must decide synchronously on memory counters');
  return verdict as Rejection | undefined;
}

/** Starts `count` calls that stay in flight; returns the admitted ones. */
function start(handler: PolicyHandler, count: number, exchangeOf: () => Exchange = () => makeExchange()): Exchange[] {
  const inFlight: Exchange[] = [];
  for (let i = 0; i < count; i++) {
    const exchange = exchangeOf();
    if (call(handler, exchange) === undefined) inFlight.push(exchange);
  }
  return inFlight;
}

const BUSY = { code: 'RATE_LIMITED', detail: 'more than 2 calls are in flight', headers: { 'retry-after': '1' } };

describe('policy: concurrent-limit', () => {
  describe('schema', () => {
    it('fills the defaults: one counter for the project, 300 s lease, local fallback', () => {
      expect(Value.Default(concurrentLimit.schema, { limit: 5 })).toEqual({
        limit: 5,
        identifier: 'project',
        leaseSeconds: 300,
        onStoreFailure: 'local',
      });
    });

    it.each([
      ['no limit', {}],
      ['a limit of 0', { limit: 0 }],
      ['a limit above 10^6', { limit: 1_000_001 }],
      ['a lease of 0 s', { limit: 5, leaseSeconds: 0 }],
      ['a lease longer than a day', { limit: 5, leaseSeconds: 86_401 }],
      ['an unknown identifier', { limit: 5, identifier: 'header:' }],
      ['an unknown field', { limit: 5, windowSeconds: 1 }],
    ])('refuses %s', (_case, config) => {
      expect(acceptsConfig(concurrentLimit, config)).toBe(false);
    });
  });

  describe('slots', () => {
    it('admits limit calls in flight, then answers RATE_LIMITED with Retry-After: 1 and no RateLimit-* headers', () => {
      const handler = instantiate(concurrentLimit, { limit: 2 });
      const inFlight = start(handler, 2);
      expect(inFlight).toHaveLength(2);
      const refused = makeExchange();
      expect(call(handler, refused)).toEqual(BUSY);
      expect(refused.responseHeaders).toBeUndefined();
      expect(inFlight.every((exchange) => exchange.responseHeaders === undefined)).toBe(true);
    });

    it('frees a slot when the exchange completes, and not before', () => {
      const kit = makePolicyKit();
      const handler = instantiate(concurrentLimit, { limit: 2 }, kit);
      const [first] = start(handler, 2) as [Exchange, Exchange];
      // Time alone (short of the lease) frees nothing.
      kit.clock.now += 60_000;
      expect(call(handler)).toEqual(BUSY);
      first.complete();
      expect(start(handler, 2)).toHaveLength(1);
    });

    it('holds the slot of an admitted call until completion; a refused call holds none', () => {
      const handler = instantiate(concurrentLimit, { limit: 1 });
      const admitted = makeExchange();
      call(handler, admitted);
      expect(admitted.awaitsCompletion).toBe(true);
      const refused = makeExchange();
      expect(call(handler, refused)?.code).toBe('RATE_LIMITED');
      expect(refused.awaitsCompletion).toBe(false);
      refused.complete();
      expect(call(handler)?.code).toBe('RATE_LIMITED');
    });

    it('frees one slot per completed call, once (completing twice frees nothing more)', () => {
      const handler = instantiate(concurrentLimit, { limit: 2 });
      const [first] = start(handler, 2) as [Exchange, Exchange];
      first.complete();
      first.complete();
      expect(start(handler, 3)).toHaveLength(1);
    });

    it('frees the slot of a call never completed once its lease ends', () => {
      const kit = makePolicyKit();
      const handler = instantiate(concurrentLimit, { limit: 1, leaseSeconds: 30 }, kit);
      start(handler, 1);
      kit.clock.now += 29_999;
      expect(call(handler)?.code).toBe('RATE_LIMITED');
      kit.clock.now += 1;
      expect(call(handler)).toBeUndefined();
    });
  });

  describe('identifiers and instances', () => {
    it('counts per header value with header:x-user, per address without the header', () => {
      const handler = instantiate(concurrentLimit, { limit: 1, identifier: 'header:x-user' });
      expect(start(handler, 2, () => makeExchange({ headers: { 'x-user': 'u1' } }))).toHaveLength(1);
      expect(start(handler, 2, () => makeExchange({ headers: { 'x-user': 'u2' } }))).toHaveLength(1);
      expect(start(handler, 2, () => makeExchange({ clientAddress: '10.0.0.1' }))).toHaveLength(1);
      expect(start(handler, 2, () => makeExchange({ clientAddress: '10.0.0.2' }))).toHaveLength(1);
    });

    it('keeps separate slots per policy instance', () => {
      const kit = makePolicyKit();
      const a = instantiate(concurrentLimit, { limit: 1 }, kit);
      const b = instantiate(concurrentLimit, { limit: 1 }, makePolicyKit({ counters: kit.counters, instance: 'petstore/b' }));
      expect(start(a, 2)).toHaveLength(1);
      expect(start(b, 2)).toHaveLength(1);
    });
  });

  // Nothing listens on port 1: every take follows onStoreFailure.
  describe('Redis unreachable', () => {
    let redis: RedisCounters;
    let counters: GroupCounters;
    beforeAll(() => {
      redis = new RedisCounters({ url: 'redis://127.0.0.1:1' });
      counters = new GroupCounters(redis, () => 2);
    });
    afterAll(async () => {
      await counters.close();
    });
    const kit = (instance: string) => makePolicyKit({ counters, instance });

    it('closed: answers 503 LIMIT_STORE_UNAVAILABLE with Retry-After: 1', () => {
      const handler = instantiate(concurrentLimit, { limit: 10, onStoreFailure: 'closed' }, kit('p/closed'));
      expect(call(handler)).toEqual({
        code: 'LIMIT_STORE_UNAVAILABLE',
        detail: 'the limit counters are unavailable; try again later',
        headers: { 'retry-after': '1' },
      });
    });

    it('open: admits every call and holds no slot', () => {
      const handler = instantiate(concurrentLimit, { limit: 1, onStoreFailure: 'open' }, kit('p/open'));
      const inFlight = start(handler, 5);
      expect(inFlight).toHaveLength(5);
      expect(inFlight.some((exchange) => exchange.awaitsCompletion)).toBe(false);
    });

    it('local: this node holds its share of the slots (limit ÷ 2 nodes) and frees them on completion', () => {
      const handler = instantiate(concurrentLimit, { limit: 3, onStoreFailure: 'local' }, kit('p/local'));
      const inFlight = start(handler, 5);
      expect(inFlight).toHaveLength(2);
      inFlight[0]?.complete();
      expect(start(handler, 2)).toHaveLength(1);
    });
  });
});
