import { type Decision, UNAVAILABLE } from '../../counters/counters.js';
import type { Exchange } from '../../exchange.js';
import { type PolicyHandler, type PolicyKit, type Rejection, reject } from '../kit.js';
import { identify } from '../traffic.js';
import type { ConcurrentLimitConfig } from './schema.js';

const BUSY_HEADERS = { 'retry-after': '1' };
const UNAVAILABLE_REJECTION = reject('LIMIT_STORE_UNAVAILABLE', 'the limit counters are unavailable; try again later', BUSY_HEADERS);

/**
 * Holds a slot from admission until the response is finished (or the client goes away); a
 * call that finds every slot taken gets 429 RATE_LIMITED with `Retry-After: 1`.
 */
export function createConcurrentLimit(config: ConcurrentLimitConfig, kit: PolicyKit): PolicyHandler {
  const identifierOf = identify(config.identifier);
  const prefix = `concurrent:${kit.serverGroupId}:${kit.instance}:`;
  const busy = reject('RATE_LIMITED', `more than ${config.limit} calls are in flight`, BUSY_HEADERS);
  const leaseMs = config.leaseSeconds * 1000;
  return {
    onRequest(exchange: Exchange) {
      const key = prefix + identifierOf(exchange);
      const member = exchange.requestId;
      const settle = (outcome: Decision | undefined | typeof UNAVAILABLE): Rejection | undefined => {
        if (outcome === undefined) return undefined;
        if (outcome === UNAVAILABLE) return UNAVAILABLE_REJECTION;
        if (!outcome.admitted) return busy;
        exchange.onComplete(() => kit.counters.release(key, member));
        return undefined;
      };
      const outcome = kit.counters.take(
        { kind: 'concurrent', key, limit: config.limit, member, leaseMs, now: kit.now() },
        config.onStoreFailure,
      );
      return outcome instanceof Promise ? outcome.then(settle) : settle(outcome);
    },
  };
}
