import { SecretsUnavailable } from '../../credentials/consumer-secrets.js';
import type { Exchange } from '../../exchange.js';
import { callerRefusal, isLiveKey } from '../caller.js';
import { type PolicyHandler, type PolicyKit, reject, type Verdict } from '../kit.js';
import { productQuotaEnforcer } from '../product-quota.js';
import type { BasicAuthConfig } from './schema.js';

const UNAVAILABLE = reject('STORAGE_UNAVAILABLE', 'the credential store cannot be reached; try again', { 'retry-after': '1' });

/**
 * Authenticates the call by `Authorization: Basic` with a subscription product's consumer key
 * as the user name and its consumer secret as the password, and identifies the caller as
 * verify-api-key does. The secret's digest is read from the store the first time a key
 * authenticates on this node, then kept; the key itself is checked in the snapshot.
 */
export function createBasicAuth(config: BasicAuthConfig, kit: PolicyKit): PolicyHandler {
  const challenge = { 'www-authenticate': `Basic realm="${config.realm}", charset="UTF-8"` };
  const missing = reject('UNAUTHENTICATED', 'send the consumer key and secret with HTTP Basic authentication', challenge);
  // One answer for an unknown key and a wrong secret: the answer must not tell which.
  const invalid = reject('UNAUTHENTICATED', 'the consumer key or secret is not valid', challenge);
  const productQuota = productQuotaEnforcer(kit);
  return {
    onRequest(exchange: Exchange): Verdict | Promise<Verdict> {
      const credentials = basicCredentials(exchange.requestHeaders.authorization);
      if (credentials === undefined) return missing;
      delete exchange.requestHeaders.authorization;
      const entry = kit.keys.get(kit.digest(credentials.user));
      if (!isLiveKey(entry, kit.now())) return invalid;
      const admit = (matches: boolean): Verdict | Promise<Verdict> => {
        if (!matches) return invalid;
        const refusal = callerRefusal(entry, exchange);
        if (refusal !== undefined) return refusal;
        exchange.identity = entry;
        return productQuota(exchange);
      };
      let matches: boolean | Promise<boolean>;
      try {
        matches = kit.consumerSecrets.matches(entry.keyDigest, credentials.password);
      } catch (error) {
        if (error instanceof SecretsUnavailable) return UNAVAILABLE;
        throw error;
      }
      if (!(matches instanceof Promise)) return admit(matches);
      return matches.then(admit, (error: unknown) => {
        if (error instanceof SecretsUnavailable) return UNAVAILABLE;
        throw error;
      });
    },
  };
}

/** User and password of an `Authorization: Basic` header (RFC 7617), or undefined. */
export function basicCredentials(header: string | string[] | undefined): { user: string; password: string } | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
