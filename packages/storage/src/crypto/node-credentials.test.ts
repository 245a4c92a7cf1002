import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { API_TOKEN_PREFIX, nodeCredentialIssuer, SESSION_TOKEN_PREFIX } from './node-credentials.js';

/** A 32-byte value in base64url: 43 characters, no padding. */
const RANDOM_PART = '[A-Za-z0-9_-]{43}';

describe('nodeCredentialIssuer.issueToken', () => {
  it.each([
    ['session', SESSION_TOKEN_PREFIX],
    ['api', API_TOKEN_PREFIX],
  ] as const)('issues a %s token behind %s, with its prefix and six more characters visible', (kind, prefix) => {
    const issued = nodeCredentialIssuer.issueToken(kind);
    expect(issued.token).toMatch(new RegExp(`^${prefix}${RANDOM_PART}$`));
    expect(issued.prefix).toBe(issued.token.slice(0, prefix.length + 6));
    expect(issued.prefix).toHaveLength(prefix.length + 6);
  });

  it('uses the documented prefixes', () => {
    expect(SESSION_TOKEN_PREFIX).toBe('tg_session_');
    expect(API_TOKEN_PREFIX).toBe('tg_pat_');
  });

  it('issues a distinct token every time', () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 100; i++) {
      tokens.add(nodeCredentialIssuer.issueToken('session').token);
      tokens.add(nodeCredentialIssuer.issueToken('api').token);
    }
    expect(tokens.size).toBe(200);
  });

  it('gives as digest the SHA-256 hex of the token, what digest() gives for the presented token', () => {
    const issued = nodeCredentialIssuer.issueToken('api');
    expect(issued.digest).toBe(nodeCredentialIssuer.digest(issued.token));
    expect(issued.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.digest).toBe(createHash('sha256').update(issued.token).digest('hex'));
    expect(nodeCredentialIssuer.digest(`${issued.token}x`)).not.toBe(issued.digest);
  });
});
