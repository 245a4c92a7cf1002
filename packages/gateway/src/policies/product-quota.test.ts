import { describe, expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { sha256Hex } from '../snapshot/snapshot.js';
import { instantiate, makeExchange, makeKeyEntry, makePolicyKit } from '../testing/policy-kit.js';
import type { KeyEntry, PolicyHandler, PolicyKit, Rejection } from './kit.js';
import { verifyApiKey } from './verify-api-key/index.js';

const RAW_KEY = 'tg_k_product_quota';

/** A key with a product quota of 3 calls a day unless overridden. */
function keyWith(overrides: Partial<KeyEntry> = {}, raw = RAW_KEY): KeyEntry {
  return makeKeyEntry({ keyDigest: sha256Hex(raw), productQuota: { limit: 3, unit: 'day' }, ...overrides });
}

/** verify-api-key as a snapshot with these keys compiles it (a new snapshot: a new call). */
function verifier(keys: KeyEntry[], overrides: Partial<PolicyKit> = {}): PolicyHandler & { kit: PolicyKit & { clock: { now: number } } } {
  const kit = makePolicyKit({ keys: new Map(keys.map((key) => [key.keyDigest, key])), ...overrides });
  return Object.assign(instantiate(verifyApiKey, {}, kit), { kit });
}

function call(handler: PolicyHandler, raw = RAW_KEY): { verdict: Rejection | undefined; exchange: Exchange } {
  const exchange = makeExchange({ headers: { 'x-api-key': raw } });
  const verdict = handler.onRequest?.(exchange);
  if (verdict instanceof Promise) throw new Error('the product quota must decide synchronously on memory counters');
  return { verdict: verdict as Rejection | undefined, exchange };
}

const admitted = (handler: PolicyHandler, calls: number, raw = RAW_KEY) =>
  Array.from({ length: calls }, () => call(handler, raw).verdict).filter((verdict) => verdict === undefined).length;

describe('product quota (enforced by verify-api-key)', () => {
  it('admits the product quota of 3 a day with RateLimit-* headers, then answers QUOTA_EXCEEDED until UTC midnight', () => {
    const handler = verifier([keyWith()]);
    handler.kit.clock.now = Date.parse('2026-06-01T20:00:00Z');
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const { verdict, exchange } = call(handler);
      expect(verdict).toBeUndefined();
      expect(exchange.responseHeaders?.['ratelimit-limit']).toBe('3');
      expect(exchange.responseHeaders?.['ratelimit-reset']).toBe(String(4 * 3600));
      remaining.push(exchange.responseHeaders?.['ratelimit-remaining']);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const { verdict, exchange } = call(handler);
    expect(verdict).toEqual({
      code: 'QUOTA_EXCEEDED',
      detail: "the product's quota of 3 calls per day is used up",
      headers: { 'retry-after': String(4 * 3600) },
    });
    expect(exchange.responseHeaders).toEqual({ 'ratelimit-limit': '3', 'ratelimit-remaining': '0', 'ratelimit-reset': String(4 * 3600) });
    // The caller was recognised before the quota refused the call.
    expect(exchange.identity?.keyDigest).toBe(sha256Hex(RAW_KEY));
  });

  it('starts again on the next UTC day', () => {
    const handler = verifier([keyWith()]);
    handler.kit.clock.now = Date.parse('2026-06-01T23:59:59Z');
    expect(admitted(handler, 4)).toBe(3);
    handler.kit.clock.now = Date.parse('2026-06-02T00:00:00Z');
    expect(admitted(handler, 4)).toBe(3);
  });

  it('restarts the count when the quota epoch changes (POST /api/v1/quotas/reset), on the same counters', () => {
    const before = verifier([keyWith({ quotaEpoch: 4 })]);
    expect(admitted(before, 4)).toBe(3);
    // The reset reaches the node as a new snapshot whose key carries the next epoch.
    const after = verifier([keyWith({ quotaEpoch: 5 })], { counters: before.kit.counters });
    expect(admitted(after, 4)).toBe(3);
    // A snapshot that still has the old epoch finds that count used up.
    const stale = verifier([keyWith({ quotaEpoch: 4 })], { counters: before.kit.counters });
    expect(admitted(stale, 1)).toBe(0);
  });

  it('keeps the count across snapshots of the same key and epoch', () => {
    const first = verifier([keyWith()]);
    expect(admitted(first, 2)).toBe(2);
    const second = verifier([keyWith()], { counters: first.kit.counters });
    expect(admitted(second, 2)).toBe(1);
  });

  it('counts each subscription of the product separately', () => {
    const other = 'tg_k_other_subscription';
    const handler = verifier([keyWith(), keyWith({ subscriptionId: 'other-app' }, other)]);
    expect(admitted(handler, 4)).toBe(3);
    expect(admitted(handler, 4, other)).toBe(3);
  });

  it('counts across server groups: the same key used in two groups shares one quota', () => {
    const production = verifier([keyWith()]);
    const development = verifier([keyWith()], {
      counters: production.kit.counters,
      serverGroupId: 'development',
      instance: 'petstore/dev',
    });
    expect(admitted(production, 2)).toBe(2);
    expect(admitted(development, 2)).toBe(1);
  });

  it('follows the unit of the product quota', () => {
    const handler = verifier([keyWith({ productQuota: { limit: 1, unit: 'minute' } })]);
    handler.kit.clock.now = Date.parse('2026-06-01T10:00:30Z');
    expect(admitted(handler, 2)).toBe(1);
    expect(call(handler).verdict?.headers).toEqual({ 'retry-after': '30' });
    handler.kit.clock.now = Date.parse('2026-06-01T10:01:00Z');
    expect(admitted(handler, 1)).toBe(1);
  });

  it('sets no limit and no headers for a product without a quota', () => {
    const handler = verifier([keyWith({ productQuota: null })]);
    for (let i = 0; i < 20; i++) {
      const { verdict, exchange } = call(handler);
      expect(verdict).toBeUndefined();
      expect(exchange.responseHeaders).toBeUndefined();
    }
  });

  it('does not count calls refused before the quota (an unknown key)', () => {
    const handler = verifier([keyWith()]);
    for (let i = 0; i < 5; i++) expect(call(handler, 'tg_k_unknown').verdict?.code).toBe('API_KEY_INVALID');
    expect(admitted(handler, 3)).toBe(3);
  });
});
