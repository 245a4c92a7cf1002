import type { InvoiceLine } from '../entities/invoice.js';
import type { RatePlan } from '../entities/rate-plan.js';
import { type PlanRun, planRuns, runLimitsOf } from '../monetization/plan-history.js';
import type { ChargeLine } from '../monetization/rating.js';
import type { UsageCounter } from '../monetization/run-charges.js';
import type { PlanChange, Store } from '../ports/repositories.js';

/** One run of a plan on one subscription product, with what charging it needs. */
export interface ChargedRun {
  subscriptionId: string;
  productId: string;
  clientId: string;
  run: PlanRun;
  plan: RatePlan;
}

/** Which runs `chargedRuns` loads: every subscription's, or one client's or subscription's. */
export interface ChargedRunFilter {
  clientId?: string | undefined;
  subscriptionId?: string | undefined;
}

/**
 * Every run of a plan on the subscription products the filter selects, by subscription, product,
 * then time. Subscriptions deleted since (their history goes with them) are not charged any more;
 * a run of a plan since deleted cannot exist (a plan in any history cannot be deleted).
 */
export async function chargedRuns(store: Store, filter: ChargedRunFilter = {}): Promise<ChargedRun[]> {
  const changes =
    filter.subscriptionId === undefined ? await store.planChanges.all() : await store.planChanges.history(filter.subscriptionId);
  const histories = new Map<string, PlanChange[]>();
  for (const change of changes) {
    const key = `${change.subscriptionId}\u0000${change.productId}`;
    histories.set(key, [...(histories.get(key) ?? []), change]);
  }
  const plans = new Map<string, RatePlan | undefined>();
  const planOf = async (id: string) => {
    if (!plans.has(id)) plans.set(id, await store.ratePlans.get(id));
    return plans.get(id);
  };
  const result: ChargedRun[] = [];
  for (const history of histories.values()) {
    const { subscriptionId, productId } = history[0] as PlanChange;
    const subscription = await store.subscriptions.get(subscriptionId);
    if (subscription === undefined || (filter.clientId !== undefined && subscription.clientId !== filter.clientId)) continue;
    for (const change of history) if (change.ratePlanId !== null) await planOf(change.ratePlanId);
    const runs = planRuns(history, (id) => {
      const plan = plans.get(id);
      return plan === undefined
        ? undefined
        : { endDate: plan.endDate === null ? null : Date.parse(plan.endDate), durationMonths: plan.durationMonths };
    });
    for (const run of runs) {
      const plan = plans.get(run.ratePlanId);
      if (plan !== undefined) result.push({ subscriptionId, productId, clientId: subscription.clientId, run, plan });
    }
  }
  return result;
}

/** Counts one subscription product's calls in the metering ledger. */
export function ledgerCounter(store: Store, subscriptionId: string, productId: string): UsageCounter {
  return async (from, to) => {
    const [usage] = await store.metering.usage({ from, to, subscriptionId, productId });
    return { calls: usage?.calls ?? 0, billable: usage?.billableCalls ?? 0 };
  };
}

/** A charge line as an invoice line of one subscription product on one plan. */
export function invoiceLine(owner: ChargedRun, line: ChargeLine): InvoiceLine {
  const base = { subscriptionId: owner.subscriptionId, productId: owner.productId, ratePlanId: owner.plan.id };
  switch (line.kind) {
    case 'usage':
      return { ...base, kind: 'usage', calls: line.calls, from: line.from, to: line.to, price: line.price, amount: line.amount };
    case 'freemium':
      return { ...base, kind: 'freemium', calls: line.calls, amount: 0 };
    default:
      return { ...base, kind: line.kind, amount: line.amount };
  }
}
