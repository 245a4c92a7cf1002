import type { IncomingMessage } from 'node:http';
import type { GatewayKey, Project } from '@tollgate/domain';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { Exchange } from '../../exchange.js';
import type { CompiledProject } from '../../snapshot/snapshot.js';
import { sha256Hex } from '../../snapshot/snapshot.js';
import type { KeyEntry, PolicyKit, Rejection } from '../kit.js';
import { verifyApiKey } from './index.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const PROJECT = { id: 'petstore', contextPath: '/petstore' } as Project;

function makeKey(over: Partial<GatewayKey & { offeredHere: boolean; projects: string[] }> = {}): [string, KeyEntry] {
  const raw = `tg_k_${Math.random().toString(36).slice(2)}`;
  const { projects = ['petstore'], offeredHere = true, ...rest } = over;
  const key: KeyEntry = {
    keyDigest: sha256Hex(raw),
    subscriptionId: 'app',
    clientId: 'alice',
    organizationId: null,
    productId: 'gold',
    active: true,
    expiresAt: null,
    projectIds: new Set(projects),
    offeredHere,
    ...rest,
  };
  return [raw, key];
}

function makeKit(keys: KeyEntry[]): PolicyKit {
  return { now: () => NOW, digest: sha256Hex, keys: new Map(keys.map((k) => [k.keyDigest, k])), serverGroupId: 'production' };
}

function makeExchange(headers: Record<string, string | string[]>, query = ''): Exchange {
  const compiled = { project: PROJECT } as CompiledProject;
  return new Exchange({} as IncomingMessage, 'req-1', 'GET', '/petstore/x', query, compiled, undefined, '/x', { ...headers });
}

/** The verdict of a fresh instance; this policy is synchronous, so a promise is a failure. */
function verify(config: Record<string, unknown>, keys: KeyEntry[], exchange: Exchange): Rejection | undefined {
  const handler = verifyApiKey.create(Value.Default(verifyApiKey.schema, config) as never, makeKit(keys));
  const verdict = handler.onRequest?.(exchange);
  if (verdict instanceof Promise) throw new Error('verify-api-key must decide synchronously');
  return verdict;
}

describe('policy: verify-api-key', () => {
  it('defaults to the x-api-key header and no query parameter', () => {
    expect(Value.Default(verifyApiKey.schema, {})).toEqual({ header: 'x-api-key', queryParameter: null });
    expect(Value.Check(verifyApiKey.schema, { header: 'X-Bad Header' })).toBe(false);
    expect(Value.Check(verifyApiKey.schema, { header: 'x-key', extra: 1 })).toBe(false);
  });

  it('identifies the caller of a valid key and removes the key from the forwarded headers', () => {
    const [raw, key] = makeKey();
    const exchange = makeExchange({ 'x-api-key': raw, accept: 'text/plain' });
    expect(verify({}, [key], exchange)).toBeUndefined();
    expect(exchange.identity).toBe(key);
    expect(exchange.requestHeaders).toEqual({ accept: 'text/plain' });
  });

  it('answers API_KEY_MISSING without a key, and for an empty or repeated header', () => {
    const [, key] = makeKey();
    const cases: Array<Record<string, string | string[]>> = [{}, { 'x-api-key': '' }, { 'x-api-key': ['a', 'b'] }];
    for (const headers of cases) {
      expect(verify({}, [key], makeExchange(headers))?.code).toBe('API_KEY_MISSING');
    }
  });

  it('answers API_KEY_INVALID with one body for an unknown key and an expired predecessor', () => {
    const [raw, expired] = makeKey({ expiresAt: NOW });
    const unknown = verify({}, [expired], makeExchange({ 'x-api-key': 'tg_k_unknown' }));
    const outOfGrace = verify({}, [expired], makeExchange({ 'x-api-key': raw }));
    expect(unknown).toEqual({ code: 'API_KEY_INVALID', detail: 'the API key is not valid' });
    expect(outOfGrace).toEqual(unknown);
  });

  it('accepts a predecessor key until its grace period ends', () => {
    const [raw, key] = makeKey({ expiresAt: NOW + 1 });
    expect(verify({}, [key], makeExchange({ 'x-api-key': raw }))).toBeUndefined();
  });

  it('answers SUBSCRIPTION_INACTIVE for a key that is not active', () => {
    const [raw, key] = makeKey({ active: false });
    expect(verify({}, [key], makeExchange({ 'x-api-key': raw }))?.code).toBe('SUBSCRIPTION_INACTIVE');
  });

  it('answers KEY_NOT_AUTHORIZED when the product lacks the project or is not offered in the group', () => {
    const [otherProject, a] = makeKey({ projects: ['other'] });
    const [notHere, b] = makeKey({ offeredHere: false });
    expect(verify({}, [a, b], makeExchange({ 'x-api-key': otherProject }))?.code).toBe('KEY_NOT_AUTHORIZED');
    expect(verify({}, [a, b], makeExchange({ 'x-api-key': notHere }))?.code).toBe('KEY_NOT_AUTHORIZED');
  });

  it('reads a configured header name', () => {
    const [raw, key] = makeKey();
    expect(verify({ header: 'apikey' }, [key], makeExchange({ apikey: raw }))).toBeUndefined();
    expect(verify({ header: 'apikey' }, [key], makeExchange({ 'x-api-key': raw }))?.code).toBe('API_KEY_MISSING');
  });

  it('reads the query parameter only when enabled, and removes it from the forwarded query', () => {
    const [raw, key] = makeKey();
    expect(verify({}, [key], makeExchange({}, `apikey=${raw}`))?.code).toBe('API_KEY_MISSING');
    const exchange = makeExchange({}, `page=2&apikey=${raw}`);
    expect(verify({ queryParameter: 'apikey' }, [key], exchange)).toBeUndefined();
    expect(exchange.query).toBe('page=2');
  });
});
