import type { SubscriptionProductRecord } from '../entities/subscription.js';
import { periodOf } from '../monetization/periods.js';
import { planRuns, runAt, runLimitsOf } from '../monetization/plan-history.js';
import type { Repositories } from '../ports/repositories.js';

/**
 * Records when each subscription product's chosen rate plan takes effect: a product added with a
 * plan, or a plan chosen where none is in effect (never one, or its run ended), at once (`now`, or
 * the plan's start if later); a different plan, or no plan, from the start of the next billing
 * period of the plan in effect, so a period is always rated by one plan. Choosing again before
 * then replaces the pending change; choosing the plan in effect cancels it.
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
    const plans = new Map<string, Awaited<ReturnType<typeof repos.ratePlans.get>>>();
    for (const change of history) {
      if (change.ratePlanId !== null && !plans.has(change.ratePlanId))
        plans.set(change.ratePlanId, await repos.ratePlans.get(change.ratePlanId));
    }
    const runs = planRuns(history, (id) => {
      const plan = plans.get(id);
      return plan === undefined ? undefined : runLimitsOf(plan);
    });
    const current = runAt(runs, now);
    const plan = current === undefined ? undefined : plans.get(current.ratePlanId);
    if (plan?.id === entry.ratePlanId) {
      // Back to the plan in effect: a change to it continues its run and drops the pending change.
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
