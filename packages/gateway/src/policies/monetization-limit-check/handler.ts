import type { GatewayPlanRun } from '@tollgate/domain';
import type { Exchange } from '../../exchange.js';
import { balanceKey, type KeyEntry, type PolicyHandler, type PolicyKit, type Rejection, reject } from '../kit.js';
import type { MonetizationLimitCheckConfig } from './schema.js';

const NO_PLAN = reject('PAYMENT_REQUIRED', 'the subscription has no rate plan for this product');

/**
 * Refuses, with 402 PAYMENT_REQUIRED, the calls of a monetized product that nobody would pay
 * for: no rate plan in effect, or a prepaid plan whose balance is used up. Calls without an
 * identified key pass: refusing unknown callers is the verify policies' job.
 */
export function createMonetizationLimitCheck(_config: MonetizationLimitCheckConfig, kit: PolicyKit): PolicyHandler {
  return {
    onRequest(exchange: Exchange) {
      const identity = exchange.identity;
      // Not monetized (no rate plans): its calls are not billed, so there is nothing to check.
      if (identity === undefined || identity.productBilling === null) return undefined;
      return limitRefusal(identity, kit.now(), kit.exhaustedBalances);
    },
  };
}

/**
 * Why a monetized key may not call at `now`, or undefined when it may. One pass over the key's
 * runs (a handful), without sorting: the store's order is not relied on.
 */
export function limitRefusal(identity: KeyEntry, now: number, exhausted: ReadonlySet<string>): Rejection | undefined {
  let next: GatewayPlanRun | undefined;
  let ended: GatewayPlanRun | undefined;
  for (const run of identity.planRuns) {
    if (run.since > now) {
      if (next === undefined || run.since < next.since) next = run;
    } else if (run.until === null || now < run.until) {
      return balanceRefusal(identity, run, exhausted);
    } else if (ended === undefined || run.until > (ended.until ?? 0)) {
      ended = run;
    }
  }
  // A later run says when calls work again, which is more useful than the plan that ended.
  if (next !== undefined) return reject('PAYMENT_REQUIRED', `the rate plan starts at ${new Date(next.since).toISOString()}`);
  if (ended !== undefined) return reject('PAYMENT_REQUIRED', `the rate plan ${ended.ratePlanId} has ended`);
  return NO_PLAN;
}

/** A postpaid run is billed afterwards whatever it costs; only a prepaid one stops at its balance. */
function balanceRefusal(identity: KeyEntry, run: GatewayPlanRun, exhausted: ReadonlySet<string>): Rejection | undefined {
  // Most snapshots have no used-up balance: skip building the key then.
  if (run.mode !== 'prepaid' || exhausted.size === 0) return undefined;
  if (!exhausted.has(balanceKey(identity.clientId, run.currency))) return undefined;
  return reject('PAYMENT_REQUIRED', `the prepaid balance in ${run.currency} is used up`);
}
