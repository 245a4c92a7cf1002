import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/** Lifetime of an access token. */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

const ISSUER = 'tollgate';

/** What an access token says: the subscription product key it was issued for, where, and its scopes. */
export interface AccessTokenClaims {
  /** Digest of the consumer key: the token works while that key does (revoking the key ends it). */
  keyDigest: string;
  /** The server group whose token endpoint issued it; other groups refuse it. */
  serverGroupId: string;
  scopes: string[];
}

/**
 * OAuth access tokens: JWTs signed with HS256 by the platform's secret, so any node verifies
 * any token offline (no store round trip, no shared session). Short-lived; revocation goes
 * through the key the token was issued for.
 */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly now: () => number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: AccessTokenClaims & { clientId: string }): Promise<string> {
    const issuedAt = Math.floor(this.now() / 1000);
    return new SignJWT({ kd: claims.keyDigest, scope: claims.scopes.join(' ') })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(claims.serverGroupId)
      .setSubject(claims.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(this.key);
  }

  /** The claims of a valid, unexpired token of `serverGroupId`; undefined for anything else. */
  async verify(token: string, serverGroupId: string): Promise<AccessTokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: serverGroupId,
        currentDate: new Date(this.now()),
      });
      if (typeof payload.kd !== 'string') return undefined;
      const scope = typeof payload.scope === 'string' ? payload.scope : '';
      return { keyDigest: payload.kd, serverGroupId, scopes: scope === '' ? [] : scope.split(' ') };
    } catch {
      return undefined;
    }
  }
}
