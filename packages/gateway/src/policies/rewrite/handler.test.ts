import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry } from '../../testing/policy-kit.js';
import { rewrite } from './index.js';

/** The query forwarded after a fresh instance ran on `query`. */
function forwardedQuery(config: object, query: string, fixture: Parameters<typeof makeExchange>[0] = {}): string {
  const exchange = makeExchange({ ...fixture, query });
  expect(instantiate(rewrite, config).onRequest?.(exchange)).toBeUndefined();
  return exchange.query;
}

describe('policy: rewrite', () => {
  describe('config', () => {
    it('defaults to no change, and needs one', () => {
      expect(Value.Default(rewrite.schema, {})).toEqual({ query: { remove: [], rename: {}, set: {}, add: {} } });
      expect(acceptsConfig(rewrite, {})).toBe(false);
      expect(acceptsConfig(rewrite, { query: { keepOnly: [] } })).toBe(true);
      expect(acceptsConfig(rewrite, { query: { remove: ['debug'] } })).toBe(true);
    });

    it('accepts a path rewrite alone, and refuses one that is not a regular expression', () => {
      expect(acceptsConfig(rewrite, { path: { pattern: '^/v1/(.*)$', replacement: '/v2/$1' } })).toBe(true);
      expect(rewrite.check?.(Value.Default(rewrite.schema, { path: { pattern: '(', replacement: '' } }))).toMatchObject({
        'path.pattern': expect.stringMatching(/^not a regular expression/),
      });
    });

    it('rewrites the forwarded path after the context path, keeping it absolute, and leaves unmatched paths alone', () => {
      const handler = instantiate(rewrite, { path: { pattern: '^/v1/(.*)$', replacement: 'v2/$1' } });
      const matched = makeExchange({ remainder: '/v1/pets/7' });
      handler.onRequest?.(matched);
      expect(matched.forwardRemainder).toBe('/v2/pets/7');
      expect(matched.remainder).toBe('/v1/pets/7');
      const other = makeExchange({ remainder: '/health' });
      handler.onRequest?.(other);
      expect(other.forwardRemainder).toBe('/health');
    });

    it('refuses empty names, unknown fields (a path rewrite without replacement included) and templates that do not compile', () => {
      for (const config of [
        { query: { remove: [''] } },
        { query: { set: { '': 'x' } } },
        { path: { pattern: '^/a' } },
        { query: { drop: [] } },
      ]) {
        expect(acceptsConfig(rewrite, config), JSON.stringify(config)).toBe(false);
      }
      expect(
        rewrite.check?.(Value.Default(rewrite.schema, { query: { set: { page: '{request.query}' }, add: { c: '{clientid}' } } })),
      ).toEqual({
        'query.add.c': 'unknown name {clientid}',
      });
    });
  });

  it('keeps only the allowed parameters, then removes, renames, sets and adds', () => {
    const config = {
      query: { keepOnly: ['q', 'old', 'page', 'debug'], remove: ['debug'], rename: { old: 'new' }, set: { page: '1' }, add: { src: 'gw' } },
    };
    expect(forwardedQuery(config, 'q=cats&secret=x&old=v&page=9&debug=1&page=10')).toBe('q=cats&new=v&page=1&src=gw');
  });

  it('leaves every untouched parameter byte for byte as the client encoded it', () => {
    expect(forwardedQuery({ query: { remove: ['b'] } }, 'a=x%20y+z&b=1&c=%E2%82%AC&d')).toBe('a=x%20y+z&c=%E2%82%AC&d');
    expect(forwardedQuery({ query: { remove: ['absent'] } }, 'a=1&&b=%zz')).toBe('a=1&&b=%zz');
  });

  it('matches parameters by their decoded name, and keeps renamed values as sent', () => {
    expect(forwardedQuery({ query: { rename: { 'my key': 'k' } } }, 'my+key=a%26b&my%20key=2')).toBe('k=a%26b&k=2');
    expect(forwardedQuery({ query: { remove: ['%zz'] } }, '%zz=1&a=2')).toBe('a=2');
  });

  it('renders set and add values per call, encoded, a set replacing every value where the first one was', () => {
    const config = { query: { set: { user: '{client.id}' }, add: { tag: '{request.header.x-tag}' } } };
    const query = forwardedQuery(config, 'a=1&user=spoofed&b=2&user=again', {
      identity: makeKeyEntry({ clientId: 'al ice&co' }),
      headers: { 'x-tag': 'a=b' },
    });
    expect(query).toBe('a=1&user=al%20ice%26co&b=2&tag=a%3Db');
  });

  it("removes a parameter whose set value renders empty, so a caller's own copy never gets through", () => {
    expect(forwardedQuery({ query: { set: { user: '{client.id}' }, add: { x: '{client.id}' } } }, 'user=admin&z=1')).toBe('z=1');
  });

  it('reads the query it received in templates, not the one it is building', () => {
    expect(forwardedQuery({ query: { rename: { q: 'search' }, add: { copy: '{request.query.q}' } } }, 'q=dogs')).toBe(
      'search=dogs&copy=dogs',
    );
  });

  it('answers an empty query when every parameter goes', () => {
    expect(forwardedQuery({ query: { keepOnly: [] } }, 'a=1&b=2')).toBe('');
  });
});
