import type { SubscriptionProductRecord } from '../entities/subscription.js';
import { periodOf } from '../monetization/periods.js';
import { planAt } from '../monetization/plan-history.js';
import type { Repositories } from '../ports/repositories.js';

/**
 * Records when each subscription product's chosen rate plan takes effect: a product added with a
 * plan, or a plan chosen where there was none, at once (`now`, or the plan's start if later); a
 * different plan, or no plan, from the start of the next billing period of the plan in effect, so
 * a period is always rated by one plan. Choosing again before then replaces the pending change.
 */
export async function schedulePlanChanges(
  repos: Pick<Repositories, 'planChanges' | 'ratePlans'>,
  subscriptionId: string,
  before: readonly SubscriptionProductRecord[],
  after: readonly SubscriptionProductRecord[],
  now: number,
): Promise<void> {
  for (const entry of after) {
    const previous = before.find((candidate) => candidate.productId === entry.productId);
    if (previous !== undefined && previous.ratePlanId === entry.ratePlanId) continue;
    const history = await repos.planChanges.history(subscriptionId, entry.productId);
    const current = planAt(history, now);
    const plan = current === undefined ? undefined : await repos.ratePlans.get(current.ratePlanId);
    if (plan?.id === entry.ratePlanId) {
      // Back to the plan in effect: drop the pending change.
      await repos.planChanges.schedule({ subscriptionId, productId: entry.productId, effectiveFrom: now + 1, ratePlanId: plan.id });
      continue;
    }
    let effectiveFrom = now;
    if (current !== undefined && plan !== undefined) {
      effectiveFrom = periodOf(now, plan.billingPeriod === 'calendar-month' ? 'calendar' : 'subscription', current.since).end;
    }
    if (entry.ratePlanId !== null) {
      const chosen = await repos.ratePlans.get(entry.ratePlanId);
      if (chosen !== undefined) effectiveFrom = Math.max(effectiveFrom, Date.parse(chosen.startDate));
    }
    const pending = history.some((change) => change.effectiveFrom > now);
    if (current === undefined && entry.ratePlanId === null && !pending) continue;
    await repos.planChanges.schedule({ subscriptionId, productId: entry.productId, effectiveFrom, ratePlanId: entry.ratePlanId });
  }
}
