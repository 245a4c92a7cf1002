import { describe, expect, it } from 'vitest';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry, makePolicyKit } from '../../testing/policy-kit.js';
import type { KeyEntry, Verdict } from '../kit.js';
import { verifyAccessToken } from './index.js';

/** A kit holding `entry`, a token issued for it, and the verdict of a fresh instance on a call carrying `authorization`. */
async function setup(entry: KeyEntry, scopes: string[] = []) {
  const kit = makePolicyKit({ keys: new Map([[entry.keyDigest, entry]]), serverGroupId: 'production' });
  const token = await kit.accessTokens.issue({ keyDigest: entry.keyDigest, serverGroupId: 'production', clientId: entry.clientId, scopes });
  const decide = async (authorization: string | undefined, config: object = {}) => {
    const exchange = makeExchange({ headers: authorization === undefined ? {} : { authorization } });
    const verdict: Verdict = await instantiate(verifyAccessToken, config, kit).onRequest?.(exchange);
    return { verdict, exchange };
  };
  return { kit, token, decide };
}

describe('policy: verify-access-token', () => {
  it('defaults to no required scope and refuses malformed scopes', () => {
    expect(acceptsConfig(verifyAccessToken, {})).toBe(true);
    expect(acceptsConfig(verifyAccessToken, { scopes: ['read'] })).toBe(true);
    expect(acceptsConfig(verifyAccessToken, { scopes: ['with space'] })).toBe(false);
  });

  it('identifies the caller of a valid token and removes the token from the forwarded headers', async () => {
    const entry = makeKeyEntry();
    const { token, decide } = await setup(entry);
    const { verdict, exchange } = await decide(`Bearer ${token}`);
    expect(verdict).toBeUndefined();
    expect(exchange.identity).toBe(entry);
    expect(exchange.requestHeaders.authorization).toBeUndefined();
  });

  it('answers 401 UNAUTHENTICATED with a Bearer challenge without a token, or with another scheme', async () => {
    const { decide } = await setup(makeKeyEntry());
    for (const authorization of [undefined, 'Basic YTpi', 'Bearer']) {
      const { verdict } = await decide(authorization);
      expect(verdict).toMatchObject({ code: 'UNAUTHENTICATED', headers: { 'www-authenticate': 'Bearer realm="tollgate"' } });
    }
  });

  it('answers 401 invalid_token for a forged or expired token, or one whose key is gone', async () => {
    const entry = makeKeyEntry();
    const { kit, token, decide } = await setup(entry);
    const invalid = { code: 'UNAUTHENTICATED', headers: { 'www-authenticate': 'Bearer realm="tollgate", error="invalid_token"' } };
    expect((await decide(`Bearer ${token}x`)).verdict).toMatchObject(invalid);
    kit.clock.now += 3600 * 1000;
    expect((await decide(`Bearer ${token}`)).verdict).toMatchObject(invalid);
    const other = await setup(makeKeyEntry());
    (other.kit.keys as Map<string, KeyEntry>).clear();
    expect((await other.decide(`Bearer ${other.token}`)).verdict).toMatchObject(invalid);
  });

  it('answers 403 when the key was revoked, or its product does not hold this API', async () => {
    const revoked = await setup(makeKeyEntry({ active: false }));
    expect((await revoked.decide(`Bearer ${revoked.token}`)).verdict).toMatchObject({ code: 'SUBSCRIPTION_INACTIVE' });
    const elsewhere = await setup(makeKeyEntry({ projectIds: new Set(['other']) }));
    expect((await elsewhere.decide(`Bearer ${elsewhere.token}`)).verdict).toMatchObject({ code: 'KEY_NOT_AUTHORIZED' });
  });

  it('answers 403 FORBIDDEN insufficient_scope when the token lacks a required scope', async () => {
    const { token, decide } = await setup(makeKeyEntry(), ['read']);
    expect((await decide(`Bearer ${token}`, { scopes: ['read'] })).verdict).toBeUndefined();
    const { verdict } = await decide(`Bearer ${token}`, { scopes: ['read', 'write'] });
    expect(verdict).toMatchObject({ code: 'FORBIDDEN', headers: { 'www-authenticate': expect.stringContaining('insufficient_scope') } });
  });

  it("enforces the key's product quota", async () => {
    const { token, decide } = await setup(makeKeyEntry({ productQuota: { limit: 1, unit: 'day' } }));
    expect((await decide(`Bearer ${token}`)).verdict).toBeUndefined();
    expect((await decide(`Bearer ${token}`)).verdict).toMatchObject({ code: 'QUOTA_EXCEEDED' });
  });
});
