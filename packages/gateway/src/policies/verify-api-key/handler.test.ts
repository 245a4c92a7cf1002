import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { sha256Hex } from '../../snapshot/snapshot.js';
import { instantiate, makeExchange, makeKeyEntry, makePolicyKit, rejectionOf } from '../../testing/policy-kit.js';
import type { KeyEntry, Rejection } from '../kit.js';
import { verifyApiKey } from './index.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');

function makeKey(over: Partial<KeyEntry> & { projects?: string[] } = {}): [string, KeyEntry] {
  const raw = `tg_k_${Math.random().toString(36).slice(2)}`;
  const { projects = ['petstore'], ...rest } = over;
  return [raw, makeKeyEntry({ keyDigest: sha256Hex(raw), projectIds: new Set(projects), ...rest })];
}

function exchangeWith(headers: Record<string, string | string[]>, query = ''): Exchange {
  return makeExchange({ headers, query });
}

/** The verdict of a fresh instance; this policy is synchronous, so a promise is a failure. */
function verify(config: Record<string, unknown>, keys: KeyEntry[], exchange: Exchange): Rejection | undefined {
  const kit = makePolicyKit({ keys: new Map(keys.map((k) => [k.keyDigest, k])) });
  kit.clock.now = NOW;
  const handler = instantiate(verifyApiKey, config, kit);
  return rejectionOf(handler.onRequest?.(exchange));
}

describe('policy: verify-api-key', () => {
  it('defaults to the x-api-key header and no query parameter', () => {
    expect(Value.Default(verifyApiKey.schema, {})).toEqual({ header: 'x-api-key', queryParameter: null });
    expect(Value.Check(verifyApiKey.schema, { header: 'X-Bad Header' })).toBe(false);
    expect(Value.Check(verifyApiKey.schema, { header: 'x-key', extra: 1 })).toBe(false);
  });

  it('identifies the caller of a valid key and removes the key from the forwarded headers', () => {
    const [raw, key] = makeKey();
    const exchange = exchangeWith({ 'x-api-key': raw, accept: 'text/plain' });
    expect(verify({}, [key], exchange)).toBeUndefined();
    expect(exchange.identity).toBe(key);
    expect(exchange.requestHeaders).toEqual({ accept: 'text/plain' });
  });

  it('answers API_KEY_MISSING without a key, and for an empty or repeated header', () => {
    const [, key] = makeKey();
    const cases: Array<Record<string, string | string[]>> = [{}, { 'x-api-key': '' }, { 'x-api-key': ['a', 'b'] }];
    for (const headers of cases) {
      expect(verify({}, [key], exchangeWith(headers))?.code).toBe('API_KEY_MISSING');
    }
  });

  it('answers API_KEY_INVALID with one body for an unknown key and an expired predecessor', () => {
    const [raw, expired] = makeKey({ expiresAt: NOW });
    const unknown = verify({}, [expired], exchangeWith({ 'x-api-key': 'tg_k_unknown' }));
    const outOfGrace = verify({}, [expired], exchangeWith({ 'x-api-key': raw }));
    expect(unknown).toEqual({ code: 'API_KEY_INVALID', detail: 'the API key is not valid' });
    expect(outOfGrace).toEqual(unknown);
  });

  it('accepts a predecessor key until its grace period ends', () => {
    const [raw, key] = makeKey({ expiresAt: NOW + 1 });
    expect(verify({}, [key], exchangeWith({ 'x-api-key': raw }))).toBeUndefined();
  });

  it('answers SUBSCRIPTION_INACTIVE for a key that is not active', () => {
    const [raw, key] = makeKey({ active: false });
    expect(verify({}, [key], exchangeWith({ 'x-api-key': raw }))?.code).toBe('SUBSCRIPTION_INACTIVE');
  });

  it('answers KEY_NOT_AUTHORIZED when the product lacks the project or is not offered in the group', () => {
    const [otherProject, a] = makeKey({ projects: ['other'] });
    const [notHere, b] = makeKey({ offeredHere: false });
    expect(verify({}, [a, b], exchangeWith({ 'x-api-key': otherProject }))?.code).toBe('KEY_NOT_AUTHORIZED');
    expect(verify({}, [a, b], exchangeWith({ 'x-api-key': notHere }))?.code).toBe('KEY_NOT_AUTHORIZED');
  });

  it('reads a configured header name', () => {
    const [raw, key] = makeKey();
    expect(verify({ header: 'apikey' }, [key], exchangeWith({ apikey: raw }))).toBeUndefined();
    expect(verify({ header: 'apikey' }, [key], exchangeWith({ 'x-api-key': raw }))?.code).toBe('API_KEY_MISSING');
  });

  it('reads the query parameter only when enabled, and removes it from the forwarded query', () => {
    const [raw, key] = makeKey();
    expect(verify({}, [key], exchangeWith({}, `apikey=${raw}`))?.code).toBe('API_KEY_MISSING');
    const exchange = exchangeWith({}, `page=2&apikey=${raw}`);
    expect(verify({ queryParameter: 'apikey' }, [key], exchange)).toBeUndefined();
    expect(exchange.query).toBe('page=2');
    const encoded = exchangeWith({}, `q=a%20b&apikey=${raw}&tag=c+d&x`);
    expect(verify({ queryParameter: 'apikey' }, [key], encoded)).toBeUndefined();
    expect(encoded.query).toBe('q=a%20b&tag=c+d&x');
  });
});
