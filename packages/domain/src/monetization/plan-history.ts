import type { RatePlan } from '../entities/rate-plan.js';
import type { PlanChange } from '../ports/repositories.js';
import { addMonths, startOfDay } from './periods.js';

/** What cuts a plan's run short besides a change: its end, and how long a subscription may stay on it. */
export interface RunLimits {
  /** The plan's `endDate`, epoch ms; null: open-ended. */
  endDate: number | null;
  durationMonths: number | null;
}

/** A plan's run limits, as `planRuns` reads them. */
export const runLimitsOf = (plan: Pick<RatePlan, 'endDate' | 'durationMonths'>): RunLimits => ({
  endDate: plan.endDate === null ? null : Date.parse(plan.endDate),
  durationMonths: plan.durationMonths,
});

/** An unbroken stretch of one plan on one subscription product: `[since, until)`. */
export interface PlanRun {
  ratePlanId: string;
  since: number;
  /** Epoch ms the run ended or will end; null: open. */
  until: number | null;
}

/** When a run begun at `since` must end whatever happens: the plan's end, or `durationMonths` later. */
function hardEnd(since: number, limits: RunLimits | undefined): number | null {
  const ends: number[] = [];
  if (limits?.endDate != null) ends.push(limits.endDate);
  // Months from the start, keeping its time of day (clamped to a shorter month's last day).
  if (limits?.durationMonths) ends.push(addMonths(since, limits.durationMonths) + (since - startOfDay(since)));
  return ends.length === 0 ? null : Math.min(...ends);
}

/**
 * The runs of plans in one subscription product's history (its changes, any order). A change to
 * the plan of the run in effect continues that run (choosing it again cancels a pending change);
 * any other change ends it. A run also ends at the plan's `endDate`, or `durationMonths` after it
 * began, whichever comes first; a change to the same plan after that starts a new run. A plan
 * `limitsOf` does not know (deleted) ends nothing early.
 */
export function planRuns(history: readonly PlanChange[], limitsOf: (ratePlanId: string) => RunLimits | undefined): PlanRun[] {
  const runs: PlanRun[] = [];
  let open: { ratePlanId: string; since: number; end: number | null } | undefined;
  const close = (at: number | null) => {
    if (open === undefined) return;
    const until = at === null ? open.end : open.end === null ? at : Math.min(at, open.end);
    if (until === null || until > open.since) runs.push({ ratePlanId: open.ratePlanId, since: open.since, until });
    open = undefined;
  };
  for (const change of [...history].sort((a, b) => a.effectiveFrom - b.effectiveFrom)) {
    const continues = open?.ratePlanId === change.ratePlanId && (open.end === null || change.effectiveFrom < open.end);
    if (continues) continue;
    close(change.effectiveFrom);
    if (change.ratePlanId !== null) {
      open = {
        ratePlanId: change.ratePlanId,
        since: change.effectiveFrom,
        end: hardEnd(change.effectiveFrom, limitsOf(change.ratePlanId)),
      };
    }
  }
  close(null);
  return runs;
}

/** The run in effect at `at`, if any. */
export const runAt = (runs: readonly PlanRun[], at: number): PlanRun | undefined =>
  runs.find((run) => run.since <= at && (run.until === null || at < run.until));
