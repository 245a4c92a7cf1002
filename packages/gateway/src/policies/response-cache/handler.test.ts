import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, type ExchangeFixture, instantiate, makeExchange, makeKeyEntry, makePolicyKit } from '../../testing/policy-kit.js';
import { isReply, type Reply } from '../kit.js';
import { responseCache } from './index.js';

const ALICE = makeKeyEntry({ clientId: 'alice', subscriptionId: 'alice-app' });
const BOB = makeKeyEntry({ clientId: 'bob', subscriptionId: 'bob-app' });

/** Both halves of one configured cache, a movable clock, and a call helper. */
function cacheWith(config: object = {}) {
  const kit = makePolicyKit();
  const lookup = instantiate(responseCache, config, kit);
  const storer = instantiate(responseCache, {}, kit);
  /**
   * One call: the lookup, then (on a miss) the backend's answer through the storing half.
   * Answers the cached reply on a hit, or the answer as the client gets it on a miss.
   */
  const call = (
    fixture: ExchangeFixture = { identity: ALICE },
    backend: { status?: number; headers?: Record<string, string>; body?: string } = {},
  ): { hit: boolean; status: number; headers: Record<string, unknown>; body: string; exchange: Exchange } => {
    const exchange = makeExchange(fixture);
    const verdict = lookup.onRequest?.(exchange);
    if (verdict !== undefined) {
      if (verdict instanceof Promise || !isReply(verdict)) throw new Error('expected a reply or nothing');
      const reply = verdict as Reply;
      return { hit: true, status: reply.status, headers: reply.headers, body: String(reply.body), exchange };
    }
    exchange.response = {
      status: backend.status ?? 200,
      headers: { 'content-type': 'text/plain', 'content-length': '4', 'x-request-id': exchange.requestId, ...backend.headers },
      body: Buffer.from(backend.body ?? 'body'),
    };
    expect(storer.onResponse?.(exchange)).toBeUndefined();
    return {
      hit: false,
      status: exchange.response.status,
      headers: exchange.response.headers,
      body: String(exchange.response.body),
      exchange,
    };
  };
  return { kit, lookup, storer, call };
}

describe('policy: response-cache', () => {
  describe('config', () => {
    it('defaults to 60 s, private, in memory, 1,000 entries, 1 MiB per answer, 32 MiB in all', () => {
      expect(Value.Default(responseCache.schema, {})).toEqual({
        ttlSeconds: 60,
        keyHeaders: [],
        shared: false,
        store: 'memory',
        maxEntries: 1_000,
        maxEntryBytes: 1_048_576,
        maxBytes: 33_554_432,
      });
    });

    it('refuses out-of-range sizes and times, bad header names, unknown fields', () => {
      const refused = [
        { ttlSeconds: 0 },
        { ttlSeconds: 86_401 },
        { maxEntries: 0 },
        { maxBytes: 10 },
        { keyHeaders: ['a b'] },
        { keyHeaders: ['a', 'a'] },
        { redis: 'x' },
      ];
      for (const config of refused) expect(acceptsConfig(responseCache, config), JSON.stringify(config)).toBe(false);
    });
  });

  it('stores a 200 answer and serves it again without the backend, with Age and X-Cache', () => {
    const { kit, call } = cacheWith();
    const miss = call({ identity: ALICE }, { body: 'first', headers: { etag: '"1"' } });
    kit.clock.now += 12_500;
    const hit = call({ identity: ALICE }, { body: 'second' });

    expect(miss.hit).toBe(false);
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(hit).toMatchObject({ hit: true, status: 200, body: 'first' });
    // Per-call headers are not replayed: the gateway sets its own length and request id.
    expect(hit.headers).toEqual({ 'content-type': 'text/plain', etag: '"1"', age: '12', 'x-cache': 'HIT' });
  });

  it('serves an answer until its TTL ends, then asks the backend again', () => {
    const { kit, call } = cacheWith({ ttlSeconds: 60 });
    call();
    kit.clock.now += 59_999;
    expect(call().hit).toBe(true);
    kit.clock.now += 1;
    expect(call({ identity: ALICE }, { body: 'fresh' })).toMatchObject({ hit: false, body: 'fresh' });
    expect(call()).toMatchObject({ hit: true, body: 'fresh' });
  });

  it("keeps an answer no longer than the backend's max-age (s-maxage when shared)", () => {
    const privateCache = cacheWith({ ttlSeconds: 60 });
    privateCache.call({ identity: ALICE }, { headers: { 'cache-control': 'max-age=5, s-maxage=50' } });
    privateCache.kit.clock.now += 5_000;
    expect(privateCache.call().hit).toBe(false);

    const sharedCache = cacheWith({ ttlSeconds: 60, shared: true });
    sharedCache.call({}, { headers: { 'cache-control': 'max-age=5, s-maxage=50' } });
    sharedCache.kit.clock.now += 49_000;
    expect(sharedCache.call({}).hit).toBe(true);
  });

  it('never stores answers the backend forbids, other statuses, cookies, Vary: * or bodies over the entry limit', () => {
    const refused: Array<{ status?: number; headers?: Record<string, string>; body?: string }> = [
      { headers: { 'cache-control': 'no-store' } },
      { headers: { 'cache-control': 'public, no-cache' } },
      { headers: { 'cache-control': 'max-age=0' } },
      { status: 404 },
      { status: 206 },
      { headers: { 'set-cookie': 'session=1' } },
      { headers: { vary: 'Accept, *' } },
      { body: 'x'.repeat(101) },
    ];
    for (const backend of refused) {
      const { call } = cacheWith({ maxEntryBytes: 100 });
      const first = call({ identity: ALICE }, backend);
      expect(first.headers['x-cache'], JSON.stringify(backend)).toBeUndefined();
      expect(call().hit, JSON.stringify(backend)).toBe(false);
    }
  });

  describe('who shares an answer', () => {
    it('keeps answers per caller by default, and does not cache anonymous calls', () => {
      const { call } = cacheWith();
      call({ identity: ALICE }, { body: 'for alice' });
      expect(call({ identity: BOB }, { body: 'for bob' })).toMatchObject({ hit: false, body: 'for bob' });
      expect(call({ identity: ALICE })).toMatchObject({ hit: true, body: 'for alice' });

      const anonymous = call({}, { body: 'anon' });
      expect(anonymous.headers['x-cache']).toBeUndefined();
      expect(call({}).hit).toBe(false);
    });

    it('keeps a private answer privately, but a shared cache never stores one', () => {
      expect(cacheWith().call({ identity: ALICE }, { headers: { 'cache-control': 'private' } }).headers['x-cache']).toBe('MISS');
      expect(cacheWith({ shared: true }).call({}, { headers: { 'cache-control': 'private' } }).headers['x-cache']).toBeUndefined();
    });

    it('shares answers between callers when shared, except for calls with an Authorization header', () => {
      const { call } = cacheWith({ shared: true });
      call({ identity: ALICE }, { body: 'public' });
      expect(call({ identity: BOB })).toMatchObject({ hit: true, body: 'public' });
      expect(call({})).toMatchObject({ hit: true, body: 'public' });
      expect(call({ headers: { authorization: 'Bearer t' } }, { body: 'personal' })).toMatchObject({ hit: false, body: 'personal' });
      expect(call({ headers: { authorization: 'Bearer t' } }).hit).toBe(false);
    });
  });

  describe('the key', () => {
    it('is the method, path, query and the configured headers, nothing else', () => {
      const { call } = cacheWith({ keyHeaders: ['Accept-Language'] });
      call({ identity: ALICE, remainder: '/pets', query: 'page=1', headers: { 'accept-language': 'fr', 'x-other': '1' } });
      expect(call({ identity: ALICE, remainder: '/pets', query: 'page=1', headers: { 'accept-language': 'fr', 'x-other': '2' } }).hit).toBe(
        true,
      );
      expect(call({ identity: ALICE, remainder: '/pets', query: 'page=2', headers: { 'accept-language': 'fr' } }).hit).toBe(false);
      expect(call({ identity: ALICE, remainder: '/dogs', query: 'page=1', headers: { 'accept-language': 'fr' } }).hit).toBe(false);
      expect(call({ identity: ALICE, remainder: '/pets', query: 'page=1', headers: { 'accept-language': 'de' } }).hit).toBe(false);
    });

    it('only caches GET', () => {
      const { call } = cacheWith();
      const post = call({ identity: ALICE, method: 'POST' });
      expect(post.headers['x-cache']).toBeUndefined();
      expect(call({ identity: ALICE, method: 'POST' }).hit).toBe(false);
    });

    it("serves an answer only to calls that match it on the headers the backend's Vary names", () => {
      const { call } = cacheWith();
      call(
        { identity: ALICE, headers: { 'accept-encoding': 'gzip' } },
        { headers: { vary: 'Accept-Encoding', 'content-encoding': 'gzip' } },
      );
      expect(call({ identity: ALICE, headers: { 'accept-encoding': 'gzip' } }).hit).toBe(true);
      expect(call({ identity: ALICE }, { body: 'plain' })).toMatchObject({ hit: false, body: 'plain' });
    });
  });

  it('stores nothing in a response flow for a call the lookup did not mark', () => {
    const { storer } = cacheWith();
    const exchange = makeExchange({ identity: ALICE });
    exchange.response = { status: 200, headers: {}, body: Buffer.from('x') };
    storer.onResponse?.(exchange);
    expect(exchange.response.headers).toEqual({});
    expect(storer.readsResponseBody).toBe(true);
  });
});
