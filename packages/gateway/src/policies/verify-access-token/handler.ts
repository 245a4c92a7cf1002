import type { Exchange } from '../../exchange.js';
import { callerRefusal, isLiveKey } from '../caller.js';
import { type PolicyHandler, type PolicyKit, reject, type Verdict } from '../kit.js';
import { productQuotaEnforcer } from '../product-quota.js';
import type { VerifyAccessTokenConfig } from './schema.js';

const CHALLENGE = 'Bearer realm="tollgate"';
const MISSING = reject('UNAUTHENTICATED', 'send an access token: Authorization: Bearer <token> (from POST /oauth/token)', {
  'www-authenticate': CHALLENGE,
});
const INVALID = reject('UNAUTHENTICATED', 'the access token is not valid or has expired', {
  'www-authenticate': `${CHALLENGE}, error="invalid_token"`,
});

/**
 * Authenticates the call by an OAuth access token from this group's token endpoint: the
 * signature and expiry are checked offline, then the token's key must still open this API
 * (a revoked key ends its tokens within a second). Records the caller, enforces the
 * product quota and removes the token from what is forwarded.
 */
export function createVerifyAccessToken(config: VerifyAccessTokenConfig, kit: PolicyKit): PolicyHandler {
  const required = config.scopes;
  const insufficient = reject('FORBIDDEN', `the access token lacks a required scope (${required.join(' ')})`, {
    'www-authenticate': `${CHALLENGE}, error="insufficient_scope", scope="${required.join(' ')}"`,
  });
  const productQuota = productQuotaEnforcer(kit);
  return {
    onRequest(exchange: Exchange): Verdict | Promise<Verdict> {
      const authorization = exchange.requestHeaders.authorization;
      if (typeof authorization !== 'string') return MISSING;
      const match = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization);
      if (match?.[1] === undefined) return MISSING;
      delete exchange.requestHeaders.authorization;
      return kit.accessTokens.verify(match[1], kit.serverGroupId).then((claims): Verdict | Promise<Verdict> => {
        if (claims === undefined) return INVALID;
        const entry = kit.keys.get(claims.keyDigest);
        if (!isLiveKey(entry, kit.now())) return INVALID;
        const refusal = callerRefusal(entry, exchange);
        if (refusal !== undefined) return refusal;
        if (!required.every((scope) => claims.scopes.includes(scope))) return insufficient;
        exchange.identity = entry;
        return productQuota(exchange);
      });
    },
  };
}
