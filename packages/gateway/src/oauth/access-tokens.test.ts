import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokens } from './access-tokens.js';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const claims = { keyDigest: 'a'.repeat(64), serverGroupId: 'production', clientId: 'alice', scopes: ['read', 'write'] };

describe('access tokens', () => {
  it('verifies a token it issued and answers its key, group and scopes', async () => {
    const tokens = new AccessTokens('secret-one', () => T0);
    const token = await tokens.issue(claims);
    expect(await tokens.verify(token, 'production')).toEqual({
      keyDigest: claims.keyDigest,
      serverGroupId: 'production',
      scopes: ['read', 'write'],
    });
  });

  it('refuses a token once its lifetime is over', async () => {
    let now = T0;
    const tokens = new AccessTokens('secret-one', () => now);
    const token = await tokens.issue(claims);
    now = T0 + (ACCESS_TOKEN_TTL_SECONDS - 1) * 1000;
    expect(await tokens.verify(token, 'production')).toBeDefined();
    now = T0 + ACCESS_TOKEN_TTL_SECONDS * 1000;
    expect(await tokens.verify(token, 'production')).toBeUndefined();
  });

  it('refuses a token of another server group, another secret, or altered', async () => {
    const tokens = new AccessTokens('secret-one', () => T0);
    const token = await tokens.issue(claims);
    expect(await tokens.verify(token, 'development')).toBeUndefined();
    expect(await new AccessTokens('secret-two', () => T0).verify(token, 'production')).toBeUndefined();
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), scope: 'admin' }),
    ).toString('base64url');
    expect(await tokens.verify(`${header}.${forged}.${signature}`, 'production')).toBeUndefined();
    expect(await tokens.verify('not-a-token', 'production')).toBeUndefined();
  });
});
