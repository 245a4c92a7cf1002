import type { ErrorCode } from '@tollgate/domain';
import { Type } from 'typebox';
import { type CounterRequest, type Decision, type StoreFailureMode, UNAVAILABLE } from '../counters/counters.js';
import type { Exchange } from '../exchange.js';
import { type PolicyKit, type Rejection, reject, type Verdict } from './kit.js';

/**
 * Shared by the traffic-control policies: what a counter is kept per (the identifier), what
 * happens when Redis is unreachable, and how a decision becomes headers and a verdict.
 */

const HEADER_TOKEN = "[a-z0-9!#$%&'*+.^_`|~-]{1,100}";

/** `identifier`: whose calls one counter counts. */
export function identifierSchema(defaultValue: string) {
  return Type.String({
    pattern: `^(project|subscription-product|client|organization|ip|header:${HEADER_TOKEN})$`,
    default: defaultValue,
    description:
      'What one counter counts: "project" (every caller together), "subscription-product" (one key), "client", ' +
      '"organization", "ip" (the client address), or "header:<name>" (the value of a request header). Without a ' +
      'recognised caller, or a caller without that attribute, calls are counted per client address.',
  });
}

/** `onStoreFailure`: what the limit does while Redis cannot be reached. */
export const OnStoreFailureSchema = Type.Enum(['local', 'open', 'closed'], {
  default: 'local',
  description:
    'With Redis counters, when Redis is unreachable: "local" (default) each node enforces its share of the limit ' +
    '(limit ÷ live nodes of the group), "open" admits every call, "closed" answers 503 LIMIT_STORE_UNAVAILABLE.',
});

/** Compiles an identifier into a function from the exchange to the counter's name part. */
export function identify(identifier: string): (exchange: Exchange) => string {
  const byAddress = (exchange: Exchange) => `ip:${exchange.clientAddress}`;
  switch (identifier) {
    case 'project':
      return () => '*';
    case 'subscription-product':
      // The quota epoch is part of the name: POST /api/v1/quotas/reset moves it, every count restarts.
      return (exchange) => {
        const identity = exchange.identity;
        return identity === undefined ? byAddress(exchange) : `sp:${identity.subscriptionId}:${identity.productId}:${identity.quotaEpoch}`;
      };
    case 'client':
      return (exchange) => (exchange.identity === undefined ? byAddress(exchange) : `client:${exchange.identity.clientId}`);
    case 'organization':
      return (exchange) => (exchange.identity?.organizationId == null ? byAddress(exchange) : `org:${exchange.identity.organizationId}`);
    case 'ip':
      return byAddress;
    default: {
      const header = identifier.slice('header:'.length);
      return (exchange) => {
        const value = exchange.request.headers[header];
        return value === undefined ? byAddress(exchange) : `h:${Array.isArray(value) ? value.join(',') : value}`;
      };
    }
  }
}

const UNAVAILABLE_REJECTION = reject('LIMIT_STORE_UNAVAILABLE', 'the limit counters are unavailable; try again later', {
  'retry-after': '1',
});

/**
 * Takes from a counter and turns the decision into a verdict: notes the `RateLimit-*` headers,
 * and on refusal answers `code` with `Retry-After`. Synchronous with memory counters.
 */
export function enforce(
  kit: PolicyKit,
  exchange: Exchange,
  request: CounterRequest,
  onStoreFailure: StoreFailureMode,
  code: ErrorCode,
  detail: string,
  /** `false`: the `RateLimit-*` headers are set only on a refusal (spike arrest: a window of one call says little). */
  reportAdmitted = true,
): Verdict | Promise<Verdict> {
  const outcome = kit.counters.take(request, onStoreFailure);
  const settle = (settled: Decision | undefined | typeof UNAVAILABLE) =>
    verdictOf(settled, exchange, request.now, code, detail, reportAdmitted);
  return outcome instanceof Promise ? outcome.then(settle) : settle(outcome);
}

function verdictOf(
  outcome: Decision | undefined | typeof UNAVAILABLE,
  exchange: Exchange,
  now: number,
  code: ErrorCode,
  detail: string,
  reportAdmitted: boolean,
): Rejection | undefined {
  if (outcome === undefined) return undefined;
  if (outcome === UNAVAILABLE) return UNAVAILABLE_REJECTION;
  const resetSeconds = Math.max(0, Math.ceil((outcome.resetAt - now) / 1000));
  if (outcome.admitted) {
    if (reportAdmitted) exchange.noteLimit(outcome.limit, outcome.remaining, resetSeconds);
    return undefined;
  }
  exchange.noteLimit(outcome.limit, 0, resetSeconds);
  return reject(code, detail, { 'retry-after': String(Math.max(1, resetSeconds)) });
}
