import { describe, expect, it } from 'vitest';
import { type CachedAnswer, LruStore } from './lru-store.js';

const answer = (body: string, expiresAt = 1_000): CachedAnswer => ({
  headers: {},
  body: Buffer.from(body),
  storedAt: 0,
  expiresAt,
  vary: [],
});

describe('response-cache: LRU store', () => {
  it('evicts the least recently used entry past maxEntries', () => {
    const store = new LruStore(2, 1_000);
    store.set('a', answer('a'));
    store.set('b', answer('b'));
    expect(store.get('a', 0)).toBeDefined(); // a is now more recent than b
    store.set('c', answer('c'));
    expect([store.get('a', 0) !== undefined, store.get('b', 0) !== undefined, store.get('c', 0) !== undefined]).toEqual([
      true,
      false,
      true,
    ]);
    expect(store.size).toBe(2);
  });

  it('evicts the least recently used entries past maxBytes, and never keeps an entry larger than the whole budget', () => {
    const store = new LruStore(100, 10);
    store.set('a', answer('aaaa'));
    store.set('b', answer('bbbb'));
    store.set('c', answer('cccc'));
    expect([store.size, store.bytes]).toEqual([2, 8]);
    expect(store.get('a', 0)).toBeUndefined();
    store.set('huge', answer('x'.repeat(11)));
    expect([store.size, store.bytes, store.get('huge', 0)]).toEqual([2, 8, undefined]);
  });

  it('replaces an entry under the same key, counting its bytes once', () => {
    const store = new LruStore(10, 100);
    store.set('a', answer('1234'));
    store.set('a', answer('12'));
    expect([store.size, store.bytes, String(store.get('a', 0)?.body)]).toEqual([1, 2, '12']);
  });

  it('drops an entry once it expires, and frees its bytes', () => {
    const store = new LruStore(10, 100);
    store.set('a', answer('1234', 50));
    expect(store.get('a', 49)).toBeDefined();
    expect(store.get('a', 50)).toBeUndefined();
    expect([store.size, store.bytes]).toEqual([0, 0]);
  });
});
