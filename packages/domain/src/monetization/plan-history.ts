import type { PlanChange } from '../ports/repositories.js';
import { addMonths, startOfDay } from './periods.js';

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

/** What cuts a plan's run short besides a change: its end, and how long a subscription may stay on it. */
export interface RunLimits {
  /** The plan's `endDate`, epoch ms; null: open-ended. */
  endDate: number | null;
  durationMonths: number | null;
}

/** An unbroken stretch of one plan on one subscription product: `[since, until)`. */
export interface PlanRun {
  ratePlanId: string;
  since: number;
  /** Epoch ms the run ended or will end; null: open. */
  until: number | null;
}

/**
 * The runs of plans in one subscription product's history (its changes, any order). Consecutive
 * changes to one plan are one run. A run ends at the next change to another plan (or to none),
 * at the plan's `endDate`, or `durationMonths` after it began: whichever comes first. A plan
 * `limitsOf` does not know (deleted) ends nothing early.
 */
export function planRuns(history: readonly PlanChange[], limitsOf: (ratePlanId: string) => RunLimits | undefined): PlanRun[] {
  const changes = [...history].sort((a, b) => a.effectiveFrom - b.effectiveFrom);
  const runs: PlanRun[] = [];
  for (const [index, change] of changes.entries()) {
    if (change.ratePlanId === null || changes[index - 1]?.ratePlanId === change.ratePlanId) continue;
    const next = changes.slice(index + 1).find((later) => later.ratePlanId !== change.ratePlanId);
    const limits = limitsOf(change.ratePlanId);
    const ends = [next?.effectiveFrom, limits?.endDate ?? undefined];
    if (limits?.durationMonths)
      ends.push(addMonths(change.effectiveFrom, limits.durationMonths) + (change.effectiveFrom - startOfDay(change.effectiveFrom)));
    const until = ends
      .filter((end): end is number => end !== undefined)
      .reduce<number | null>((a, b) => (a === null ? b : Math.min(a, b)), null);
    if (until !== null && until <= change.effectiveFrom) continue;
    runs.push({ ratePlanId: change.ratePlanId, since: change.effectiveFrom, until });
  }
  return runs;
}

/** The run in effect at `at`, if any. */
export const runAt = (runs: readonly PlanRun[], at: number): PlanRun | undefined =>
  runs.find((run) => run.since <= at && (run.until === null || at < run.until));
