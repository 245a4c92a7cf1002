import type { PlanChange } from '../ports/repositories.js';

/** The plan a subscription product is on at one instant, and since when without a break. */
export interface PlanInEffect {
  ratePlanId: string;
  /** When this run of the plan began: its setup fee's period, its freemium's start, its periods' anchor. */
  since: number;
}

/**
 * The plan in effect at `at` from one subscription product's history (its changes, any order):
 * the latest change at or before `at`; undefined when there is none or it names no plan.
 */
export function planAt(history: readonly PlanChange[], at: number): PlanInEffect | undefined {
  const past = history.filter((change) => change.effectiveFrom <= at).sort((a, b) => a.effectiveFrom - b.effectiveFrom);
  const current = past.at(-1);
  if (current === undefined || current.ratePlanId === null) return undefined;
  let since = current.effectiveFrom;
  for (let index = past.length - 2; index >= 0 && past[index]?.ratePlanId === current.ratePlanId; index--) {
    since = past[index]?.effectiveFrom ?? since;
  }
  return { ratePlanId: current.ratePlanId, since };
}
