import type { Exchange } from '../../exchange.js';
import type { PolicyHandler, PolicyKit } from '../kit.js';
import { enforce, identify } from '../traffic.js';
import { MAX_SLIDING_LIMIT, type RateLimitConfig } from './schema.js';

/** At most `limit` calls per window per identifier; the next gets 429 RATE_LIMITED. */
export function createRateLimit(config: RateLimitConfig, kit: PolicyKit): PolicyHandler {
  const windowMs = config.windowSeconds * 1000;
  const identifierOf = identify(config.identifier);
  const prefix = `rate:${kit.serverGroupId}:${kit.instance}:`;
  const detail = `the rate limit of ${config.limit} calls per ${config.windowSeconds} s is reached`;
  const { limit, onStoreFailure } = config;
  if (config.algorithm === 'sliding') {
    return {
      onRequest(exchange: Exchange) {
        const key = `${prefix}${identifierOf(exchange)}`;
        const request = { kind: 'sliding', key, limit, windowMs, member: exchange.requestId, now: kit.now() } as const;
        return enforce(kit, exchange, request, onStoreFailure, 'RATE_LIMITED', detail);
      },
    };
  }
  return {
    onRequest(exchange: Exchange) {
      const now = kit.now();
      const start = now - (now % windowMs);
      const key = `${prefix}${identifierOf(exchange)}:${start}`;
      return enforce(
        kit,
        exchange,
        { kind: 'fixed', key, limit, windowEnd: start + windowMs, now },
        onStoreFailure,
        'RATE_LIMITED',
        detail,
      );
    },
  };
}

/** A sliding window remembers every call: its limit is capped. */
export function checkRateLimit(config: unknown): Record<string, string> {
  const { algorithm, limit } = config as RateLimitConfig;
  return algorithm === 'sliding' && limit > MAX_SLIDING_LIMIT
    ? { limit: `must be at most ${MAX_SLIDING_LIMIT} with the sliding algorithm` }
    : {};
}
