import { type GatewayPlanRun, type PlanChange, planRuns, type RunLimits } from '@tollgate/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../sql/schema.js';
import { planChangeRepository } from './plan-changes.js';

/**
 * What a key of a subscription product without a plan history gets: one frozen array shared by
 * all of them (100,000 keys need not keep 100,000 empty arrays; frozen, no one can fill it for all).
 */
const NO_RUNS = Object.freeze([]) as unknown as GatewayPlanRun[];

/**
 * The plan runs of every subscription product, from two queries whatever the number of keys: every
 * plan change and every rate plan. Runs are the domain's `planRuns` of each history, cut short by
 * each plan's end and duration; each subscription product's array is shared by its keys (current
 * and predecessor).
 */
export async function loadPlanRuns(db: Kysely<Database>): Promise<(subscriptionId: string, productId: string) => GatewayPlanRun[]> {
  const plans = new Map(
    (await db.selectFrom('rate_plans').select(['id', 'end_date', 'duration_months', 'mode', 'currency']).execute()).map((row) => [
      row.id,
      row,
    ]),
  );
  const limitsOf = (ratePlanId: string): RunLimits | undefined => {
    const plan = plans.get(ratePlanId);
    if (plan === undefined) return undefined;
    return {
      endDate: plan.end_date === null ? null : Number(plan.end_date),
      durationMonths: plan.duration_months === null ? null : Number(plan.duration_months),
    };
  };
  const histories = new Map<string, PlanChange[]>();
  for (const change of await planChangeRepository(db).all()) {
    const key = keyOf(change.subscriptionId, change.productId);
    const history = histories.get(key);
    if (history === undefined) histories.set(key, [change]);
    else history.push(change);
  }
  const runs = new Map<string, GatewayPlanRun[]>();
  for (const [key, history] of histories) {
    const gatewayRuns: GatewayPlanRun[] = [];
    for (const run of planRuns(history, limitsOf)) {
      // A plan in a history cannot be deleted (REFERENCED), so every run's plan is there.
      const plan = plans.get(run.ratePlanId);
      if (plan === undefined) continue;
      const mode = plan.mode as GatewayPlanRun['mode'];
      gatewayRuns.push({ ratePlanId: run.ratePlanId, since: run.since, until: run.until, mode, currency: plan.currency });
    }
    runs.set(key, gatewayRuns);
  }
  return (subscriptionId, productId) => runs.get(keyOf(subscriptionId, productId)) ?? NO_RUNS;
}

/** NUL cannot occur in an id: the pair's key is unambiguous. */
const keyOf = (subscriptionId: string, productId: string) => `${subscriptionId}\u0000${productId}`;
