import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange, makePolicyKit } from '../../testing/policy-kit.js';
import type { PolicyHandler, Rejection } from '../kit.js';
import { spikeArrest } from './index.js';

/** The verdict of one call; with memory counters the policy decides synchronously. */
function call(handler: PolicyHandler, exchange: Exchange = makeExchange()): Rejection | undefined {
  const verdict = handler.onRequest?.(exchange);
  if (verdict instanceof Promise) throw new Error('spike-arrest must decide synchronously on memory counters');
  return verdict as Rejection | undefined;
}

function admitted(handler: PolicyHandler, calls: number, exchangeOf: () => Exchange = () => makeExchange()): number {
  let count = 0;
  for (let i = 0; i < calls; i++) if (call(handler, exchangeOf()) === undefined) count++;
  return count;
}

describe('policy: spike-arrest', () => {
  describe('schema', () => {
    it('fills the defaults: per second, no burst, one counter for the project, local fallback', () => {
      expect(Value.Default(spikeArrest.schema, { rate: 10 })).toEqual({
        rate: 10,
        per: 'second',
        burst: 0,
        identifier: 'project',
        onStoreFailure: 'local',
      });
    });

    it.each([
      ['no rate', {}],
      ['a rate of 0', { rate: 0 }],
      ['a fractional rate', { rate: 2.5 }],
      ['a rate above 10^6', { rate: 1_000_001 }],
      ['a rate per hour', { rate: 10, per: 'hour' }],
      ['a negative burst', { rate: 10, burst: -1 }],
      ['an unknown identifier', { rate: 10, identifier: 'everyone' }],
      ['an unknown onStoreFailure', { rate: 10, onStoreFailure: 'ignore' }],
      ['an unknown field', { rate: 10, windowSeconds: 1 }],
    ])('refuses %s', (_case, config) => {
      expect(acceptsConfig(spikeArrest, config)).toBe(false);
    });
  });

  describe('spacing', () => {
    it('admits a call, refuses one arriving within the interval with Retry-After, admits one a full interval later', () => {
      const kit = makePolicyKit();
      const t0 = kit.clock.now;
      const handler = instantiate(spikeArrest, { rate: 10 }, kit);
      const first = makeExchange();
      expect(call(handler, first)).toBeUndefined();
      // A window of one call says little: admitted calls carry no RateLimit-* headers.
      expect(first.responseHeaders).toBeUndefined();

      const refused = makeExchange();
      expect(call(handler, refused)).toEqual({
        code: 'RATE_LIMITED',
        detail: 'calls come faster than 10 per second',
        headers: { 'retry-after': '1' },
      });
      expect(refused.responseHeaders).toEqual({ 'ratelimit-limit': '1', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' });
      kit.clock.now = t0 + 99;
      expect(call(handler)?.code).toBe('RATE_LIMITED');
      kit.clock.now = t0 + 100;
      expect(call(handler)).toBeUndefined();
    });

    it('admits every call of a flow that keeps the pace, and half of a flow twice as fast', () => {
      const kit = makePolicyKit();
      const t0 = kit.clock.now;
      const handler = instantiate(spikeArrest, { rate: 10 }, kit);
      let passed = 0;
      for (let t = 0; t < 1_000; t += 100) {
        kit.clock.now = t0 + t;
        passed += admitted(handler, 1);
      }
      expect(passed).toBe(10);
      passed = 0;
      for (let t = 1_000; t < 2_000; t += 50) {
        kit.clock.now = t0 + t;
        passed += admitted(handler, 1);
      }
      expect(passed).toBe(10);
    });

    it('spaces calls per minute: 2 per minute is one every 30 s', () => {
      const kit = makePolicyKit();
      const t0 = kit.clock.now;
      const handler = instantiate(spikeArrest, { rate: 2, per: 'minute' }, kit);
      expect(call(handler)).toBeUndefined();
      kit.clock.now = t0 + 10_000;
      const refused = makeExchange();
      expect(call(handler, refused)).toEqual(expect.objectContaining({ code: 'RATE_LIMITED', headers: { 'retry-after': '20' } }));
      expect(refused.responseHeaders?.['ratelimit-reset']).toBe('20');
      kit.clock.now = t0 + 30_000;
      expect(call(handler)).toBeUndefined();
    });
  });

  describe('burst', () => {
    it('admits burst + 1 calls at once, then one per interval; the refusal reports a limit of burst + 1', () => {
      const kit = makePolicyKit();
      const t0 = kit.clock.now;
      const handler = instantiate(spikeArrest, { rate: 10, burst: 4 }, kit);
      expect(admitted(handler, 5)).toBe(5);
      const refused = makeExchange();
      expect(call(handler, refused)?.headers).toEqual({ 'retry-after': '1' });
      expect(refused.responseHeaders).toEqual({ 'ratelimit-limit': '5', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' });
      kit.clock.now = t0 + 100;
      expect(admitted(handler, 3)).toBe(1);
    });

    it('refills the burst after a quiet spell', () => {
      const kit = makePolicyKit();
      const handler = instantiate(spikeArrest, { rate: 10, burst: 2 }, kit);
      expect(admitted(handler, 5)).toBe(3);
      kit.clock.now += 200;
      expect(admitted(handler, 5)).toBe(2);
      kit.clock.now += 10_000;
      expect(admitted(handler, 5)).toBe(3);
    });
  });

  describe('identifiers and instances', () => {
    it('smooths the whole project by default; with identifier ip, each address separately', () => {
      const project = instantiate(spikeArrest, { rate: 1 });
      expect(call(project, makeExchange({ clientAddress: '10.0.0.1' }))).toBeUndefined();
      expect(call(project, makeExchange({ clientAddress: '10.0.0.2' }))?.code).toBe('RATE_LIMITED');
      const perIp = instantiate(spikeArrest, { rate: 1, identifier: 'ip' });
      expect(call(perIp, makeExchange({ clientAddress: '10.0.0.1' }))).toBeUndefined();
      expect(call(perIp, makeExchange({ clientAddress: '10.0.0.2' }))).toBeUndefined();
      expect(call(perIp, makeExchange({ clientAddress: '10.0.0.1' }))?.code).toBe('RATE_LIMITED');
    });

    it('keeps separate counters per policy instance', () => {
      const kit = makePolicyKit();
      const a = instantiate(spikeArrest, { rate: 1 }, kit);
      const b = instantiate(spikeArrest, { rate: 1 }, makePolicyKit({ counters: kit.counters, instance: 'petstore/b' }));
      expect(call(a)).toBeUndefined();
      expect(call(a)?.code).toBe('RATE_LIMITED');
      expect(call(b)).toBeUndefined();
    });
  });
});
