import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { type CounterRequest, type Counters, type Decision, UNAVAILABLE } from '../counters/counters.js';
import { instantiate, makeExchange, makeKeyEntry, makePolicyKit } from '../testing/policy-kit.js';
import type { PolicyHandler, Rejection } from './kit.js';
import { quota } from './quota/index.js';
import { rateLimit } from './rate-limit/index.js';
import { enforce, identifierSchema, identify } from './traffic.js';

type Outcome = Decision | undefined | typeof UNAVAILABLE;

/** Counters that answer what the test says, and remember what they were asked. */
function fakeCounters(answer: (request: CounterRequest) => Outcome | Promise<Outcome>): Counters & { requests: CounterRequest[] } {
  const requests: CounterRequest[] = [];
  return {
    shared: true,
    requests,
    take(request) {
      requests.push(request);
      return answer(request);
    },
    release() {},
  };
}

const NOW = Date.parse('2026-06-01T00:00:00Z');
const FIXED: CounterRequest = { kind: 'fixed', key: 'k', limit: 5, windowEnd: NOW + 60_000, now: NOW };

describe('traffic: identifiers', () => {
  const identity = makeKeyEntry({ subscriptionId: 'app', productId: 'gold', clientId: 'alice', organizationId: 'acme', quotaEpoch: 7 });

  it('names one counter per subscription product and quota epoch', () => {
    expect(identify('subscription-product')(makeExchange({ identity }))).toBe('sp:app:gold:7');
    expect(identify('subscription-product')(makeExchange({ identity: { ...identity, quotaEpoch: 8 } }))).toBe('sp:app:gold:8');
  });

  it('names the client and the organization of the caller', () => {
    expect(identify('client')(makeExchange({ identity }))).toBe('client:alice');
    expect(identify('organization')(makeExchange({ identity }))).toBe('org:acme');
  });

  it('falls back to the client address without a caller, or for a caller without an organization', () => {
    const anonymous = makeExchange({ clientAddress: '203.0.113.9' });
    for (const identifier of ['subscription-product', 'client', 'organization', 'header:x-user']) {
      expect(identify(identifier)(anonymous)).toBe('ip:203.0.113.9');
    }
    expect(identify('organization')(makeExchange({ identity: { ...identity, organizationId: null }, clientAddress: '203.0.113.9' }))).toBe(
      'ip:203.0.113.9',
    );
  });

  it('names the address with ip, and one counter for everyone with project', () => {
    expect(identify('ip')(makeExchange({ identity, clientAddress: '2001:db8::1' }))).toBe('ip:2001:db8::1');
    expect(identify('project')(makeExchange({ identity }))).toBe(identify('project')(makeExchange({ clientAddress: '10.9.9.9' })));
  });

  it('names the value of a header as the client sent it, a repeated header joined', () => {
    expect(identify('header:x-user')(makeExchange({ headers: { 'X-User': 'u-1' } }))).toBe('h:u-1');
    expect(identify('header:x-user')(makeExchange({ headers: { 'x-user': ['a', 'b'] } }))).toBe('h:a,b');
    // A header value can never pose as an address or a caller.
    expect(identify('header:x-user')(makeExchange({ headers: { 'x-user': 'ip:10.0.0.1' } }))).not.toBe(
      identify('ip')(makeExchange({ clientAddress: '10.0.0.1' })),
    );
  });

  it('reads the header the client sent even after a policy removed it from the forwarded request', () => {
    const exchange = makeExchange({ headers: { 'x-user': 'u-1' } });
    delete exchange.requestHeaders['x-user'];
    expect(identify('header:x-user')(exchange)).toBe('h:u-1');
  });

  it('accepts exactly the documented identifiers in a schema, with the given default', () => {
    const schema = identifierSchema('project');
    expect(Value.Default(schema, undefined)).toBe('project');
    for (const valid of ['project', 'subscription-product', 'client', 'organization', 'ip', 'header:x-user', 'header:x_a.b~1']) {
      expect(Value.Check(schema, valid), valid).toBe(true);
    }
    for (const invalid of ['user', 'header:', 'header:X-User', 'header:x user', `header:${'x'.repeat(101)}`, 'ip ', 'IP']) {
      expect(Value.Check(schema, invalid), invalid).toBe(false);
    }
  });
});

describe('traffic: enforce', () => {
  const decide = (outcome: Outcome | Promise<Outcome>, reportAdmitted = true) => {
    const kit = makePolicyKit({ counters: fakeCounters(() => outcome) });
    const exchange = makeExchange();
    const verdict = enforce(kit, exchange, FIXED, 'local', 'RATE_LIMITED', 'too many', reportAdmitted);
    return { verdict, exchange, kit };
  };

  it('notes RateLimit-* from an admitting decision, the reset rounded up to whole seconds', () => {
    const { verdict, exchange } = decide({ admitted: true, limit: 5, remaining: 4, resetAt: NOW + 12_001 });
    expect(verdict).toBeUndefined();
    expect(exchange.responseHeaders).toEqual({ 'ratelimit-limit': '5', 'ratelimit-remaining': '4', 'ratelimit-reset': '13' });
  });

  it('refuses with the code, the detail, Retry-After and RateLimit-Remaining: 0', () => {
    const { verdict, exchange } = decide({ admitted: false, limit: 5, remaining: 0, resetAt: NOW + 30_000 });
    expect(verdict).toEqual({ code: 'RATE_LIMITED', detail: 'too many', headers: { 'retry-after': '30' } });
    expect(exchange.responseHeaders).toEqual({ 'ratelimit-limit': '5', 'ratelimit-remaining': '0', 'ratelimit-reset': '30' });
  });

  it('never answers Retry-After: 0, even for a reset due now', () => {
    const { verdict, exchange } = decide({ admitted: false, limit: 5, remaining: 0, resetAt: NOW - 5 });
    expect((verdict as Rejection).headers).toEqual({ 'retry-after': '1' });
    expect(exchange.responseHeaders?.['ratelimit-reset']).toBe('0');
  });

  it('sets no headers on an admitted call when reportAdmitted is false, but does on a refusal', () => {
    expect(decide({ admitted: true, limit: 1, remaining: 0, resetAt: NOW + 100 }, false).exchange.responseHeaders).toBeUndefined();
    expect(decide({ admitted: false, limit: 1, remaining: 0, resetAt: NOW + 100 }, false).exchange.responseHeaders).toEqual({
      'ratelimit-limit': '1',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '1',
    });
  });

  it('admits without headers when the store failed open, answers 503 when it failed closed', () => {
    const open = decide(undefined);
    expect(open.verdict).toBeUndefined();
    expect(open.exchange.responseHeaders).toBeUndefined();
    expect(decide(UNAVAILABLE).verdict).toEqual({
      code: 'LIMIT_STORE_UNAVAILABLE',
      detail: 'the limit counters are unavailable; try again later',
      headers: { 'retry-after': '1' },
    });
  });

  it('decides synchronously on a synchronous store and returns a promise only for an asynchronous one', async () => {
    const sync = decide({ admitted: true, limit: 5, remaining: 4, resetAt: NOW + 1_000 });
    expect(sync.verdict).not.toBeInstanceOf(Promise);
    const async = decide(Promise.resolve({ admitted: false, limit: 5, remaining: 0, resetAt: NOW + 2_000 }));
    expect(async.verdict).toBeInstanceOf(Promise);
    expect(await async.verdict).toEqual({ code: 'RATE_LIMITED', detail: 'too many', headers: { 'retry-after': '2' } });
    expect(async.exchange.responseHeaders?.['ratelimit-remaining']).toBe('0');
  });

  it("passes the policy's onStoreFailure to the counters", () => {
    const modes: string[] = [];
    const counters: Counters = {
      shared: true,
      take: (_request, mode) => {
        modes.push(mode);
        return undefined;
      },
      release() {},
    };
    const kit = makePolicyKit({ counters });
    for (const mode of ['local', 'open', 'closed'] as const) enforce(kit, makeExchange(), FIXED, mode, 'RATE_LIMITED', 'x');
    expect(modes).toEqual(['local', 'open', 'closed']);
  });
});

describe('traffic: the tightest limit is reported', () => {
  it('keeps the limit with the fewest calls remaining, whatever the order they are noted in', () => {
    const exchange = makeExchange();
    exchange.noteLimit(1000, 999, 3600);
    exchange.noteLimit(10, 3, 60);
    exchange.noteLimit(100, 50, 600);
    expect(exchange.responseHeaders).toEqual({ 'ratelimit-limit': '10', 'ratelimit-remaining': '3', 'ratelimit-reset': '60' });
  });

  it('keeps the first of two limits with as few calls remaining', () => {
    const exchange = makeExchange();
    exchange.noteLimit(10, 3, 60);
    exchange.noteLimit(20, 3, 5);
    expect(exchange.responseHeaders).toEqual({ 'ratelimit-limit': '10', 'ratelimit-remaining': '3', 'ratelimit-reset': '60' });
  });

  it('leaves other response headers alone', () => {
    const exchange = makeExchange();
    exchange.setResponseHeader('access-control-allow-origin', '*');
    exchange.noteLimit(10, 3, 60);
    expect(exchange.responseHeaders?.['access-control-allow-origin']).toBe('*');
  });

  const call = (handlers: PolicyHandler[]) => {
    const exchange = makeExchange();
    let verdict: Rejection | undefined;
    for (const handler of handlers) {
      verdict = handler.onRequest?.(exchange) as Rejection | undefined;
      if (verdict !== undefined) break;
    }
    return { verdict, exchange };
  };

  it('through policies: a rate limit of 5 a minute outranks a quota of 100 a day until the quota is the tighter', () => {
    const kit = makePolicyKit();
    const daily = instantiate(quota, { limit: 100, unit: 'day', identifier: 'ip' }, makePolicyKit({ ...kit, instance: 'petstore/q' }));
    const perMinute = instantiate(
      rateLimit,
      { limit: 5, windowSeconds: 60, identifier: 'ip' },
      makePolicyKit({ ...kit, instance: 'petstore/r' }),
    );
    for (const order of [
      [daily, perMinute],
      [perMinute, daily],
    ]) {
      kit.clock.now += 86_400_000;
      const { exchange } = call(order);
      expect(exchange.responseHeaders).toEqual({ 'ratelimit-limit': '5', 'ratelimit-remaining': '4', 'ratelimit-reset': '60' });
    }
  });

  it("through policies: a refusal's headers win over an admitting limit noted before it", () => {
    const kit = makePolicyKit();
    const daily = instantiate(quota, { limit: 100, unit: 'day', identifier: 'ip' }, makePolicyKit({ ...kit, instance: 'petstore/q' }));
    const perMinute = instantiate(
      rateLimit,
      { limit: 1, windowSeconds: 60, identifier: 'ip' },
      makePolicyKit({ ...kit, instance: 'petstore/r' }),
    );
    call([daily, perMinute]);
    const { verdict, exchange } = call([daily, perMinute]);
    expect(verdict?.code).toBe('RATE_LIMITED');
    expect(exchange.responseHeaders).toEqual({ 'ratelimit-limit': '1', 'ratelimit-remaining': '0', 'ratelimit-reset': '60' });
  });
});
