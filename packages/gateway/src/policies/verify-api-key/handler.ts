import type { Exchange } from '../../exchange.js';
import { callerRefusal, isLiveKey } from '../caller.js';
import { type PolicyHandler, type PolicyKit, type Rejection, reject } from '../kit.js';
import { productQuotaEnforcer } from '../product-quota.js';
import type { VerifyApiKeyConfig } from './schema.js';

// One body for unknown and expired keys: the answer must not tell which.
const INVALID: Rejection = reject('API_KEY_INVALID', 'the API key is not valid');

/**
 * Authenticates the call by its consumer key, records who is calling and enforces the key's
 * product quota. The key is taken out of the request (header, and query parameter when
 * enabled) so it never reaches the backend.
 */
export function createVerifyApiKey(config: VerifyApiKeyConfig, kit: PolicyKit): PolicyHandler {
  const header = config.header;
  const parameter = config.queryParameter;
  const missing = reject(
    'API_KEY_MISSING',
    parameter === null
      ? `send the API key in the ${header} header`
      : `send the API key in the ${header} header or the ${parameter} query parameter`,
  );
  const productQuota = productQuotaEnforcer(kit);
  return {
    onRequest(exchange: Exchange) {
      let key = takeHeader(exchange, header);
      if (parameter !== null) {
        const fromQuery = exchange.takeQueryParameter(parameter);
        key ??= fromQuery;
      }
      if (key === undefined || key === '') return missing;
      const entry = kit.keys.get(kit.digest(key));
      if (!isLiveKey(entry, kit.now())) return INVALID;
      const refusal = callerRefusal(entry, exchange);
      if (refusal !== undefined) return refusal;
      exchange.identity = entry;
      return productQuota(exchange);
    },
  };
}

/** Removes the header from what is forwarded and returns its value (a repeated header is not a key). */
function takeHeader(exchange: Exchange, name: string): string | undefined {
  const value = exchange.requestHeaders[name];
  if (value === undefined) return undefined;
  delete exchange.requestHeaders[name];
  return typeof value === 'string' ? value : '';
}
