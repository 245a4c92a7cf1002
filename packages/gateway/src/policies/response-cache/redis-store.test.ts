import { describe, expect, it } from 'vitest';
import type { SharedCache } from '../../cache/shared-cache.js';
import type { CachedAnswer } from './lru-store.js';
import { decode, encode, RedisAnswerStore } from './redis-store.js';

const answer: CachedAnswer = {
  headers: { 'content-type': 'application/json', vary: 'accept' },
  body: Buffer.from('{"pets":["ü"]}'),
  storedAt: 1_000,
  expiresAt: 31_000,
  vary: [['accept', 'application/json']],
};

/** A shared cache in a Map (unit tests of the store's logic; the real one is tested against Redis end to end). */
function mapCache(failing = false): SharedCache & { values: Map<string, Buffer>; ttls: Map<string, number> } {
  const values = new Map<string, Buffer>();
  const ttls = new Map<string, number>();
  return {
    values,
    ttls,
    get: async (key) => {
      if (failing) throw new Error('down');
      return values.get(key);
    },
    set: async (key, value, ttlMs) => {
      if (failing) throw new Error('down');
      values.set(key, value);
      ttls.set(key, ttlMs);
    },
    close: async () => {},
  };
}

describe('response-cache: Redis answer store', () => {
  it('round-trips an answer, body bytes and headers included, and refuses a value it did not write', () => {
    expect(decode(encode(answer))).toEqual(answer);
    expect(decode(Buffer.from('garbage'))).toBeUndefined();
    expect(decode(Buffer.from([0, 0, 0, 200, 1, 2]))).toBeUndefined();
  });

  it('stores under the policy prefix with the answer lifetime as TTL and serves it until it expires', async () => {
    const cache = mapCache();
    const store = new RedisAnswerStore(cache, 'production:pets/lookup:');
    store.set('k', answer);
    await new Promise((resolve) => setImmediate(resolve));
    expect([...cache.values.keys()]).toEqual(['production:pets/lookup:k']);
    expect(cache.ttls.get('production:pets/lookup:k')).toBe(30_000);
    expect(await store.get('k', 30_999)).toEqual(answer);
    expect(await store.get('k', 31_000)).toBeUndefined();
    expect(await new RedisAnswerStore(cache, 'other:').get('k', 2_000)).toBeUndefined();
  });

  it('answers a miss, and stores nothing, while Redis fails', async () => {
    const store = new RedisAnswerStore(mapCache(true), 'p:');
    store.set('k', answer);
    expect(await store.get('k', 2_000)).toBeUndefined();
  });
});
