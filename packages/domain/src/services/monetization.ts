import type { SubscriptionMonetization, SubscriptionProductPlan } from '../entities/monetization.js';
import { periodOf } from '../monetization/periods.js';
import { planAt } from '../monetization/plan-history.js';
import { require, type ServiceContext } from './context.js';

const iso = (at: number) => new Date(at).toISOString();

/** What the Monetization tabs show of clients and subscriptions. */
export class MonetizationService {
  constructor(private readonly context: ServiceContext) {}

  /** Each subscribed product's plan in effect, the pending change, and the running period. */
  async subscription(id: string): Promise<SubscriptionMonetization> {
    const store = this.context.store;
    const subscription = await require(store.subscriptions.get(id), 'subscription', id);
    const now = this.context.clock.now().getTime();
    const history = await store.planChanges.history(id);
    const products: SubscriptionProductPlan[] = [];
    for (const { productId } of subscription.products) {
      const own = history.filter((change) => change.productId === productId);
      const current = planAt(own, now);
      const plan = current === undefined ? undefined : await store.ratePlans.get(current.ratePlanId);
      const pending = own.filter((change) => change.effectiveFrom > now).sort((a, b) => a.effectiveFrom - b.effectiveFrom)[0];
      const period =
        current === undefined || plan === undefined
          ? null
          : periodOf(now, plan.billingPeriod === 'calendar-month' ? 'calendar' : 'subscription', current.since);
      products.push({
        productId,
        ratePlan: current === undefined || plan === undefined ? null : { id: plan.id, name: plan.name, since: iso(current.since) },
        next:
          pending === undefined || pending.ratePlanId === current?.ratePlanId
            ? null
            : { ratePlanId: pending.ratePlanId, from: iso(pending.effectiveFrom) },
        period: period === null ? null : { start: iso(period.start), end: iso(period.end) },
      });
    }
    return { subscriptionId: id, products };
  }
}
