import { addDays, type BillingPeriod, periodOf } from './periods.js';
import type { PlanRun } from './plan-history.js';
import { type PeriodCharge, type PeriodUsage, type PricedPlan, ratePeriod } from './rating.js';

/** Calls of one subscription product in a window. */
export interface UsageCount {
  calls: number;
  billable: number;
}

/** Counts one subscription product's calls received in `[from, to)` (the metering ledger). */
export type UsageCounter = (from: number, to: number) => Promise<UsageCount>;

/** A rate plan as charging a run needs it. */
export interface ChargedPlan extends PricedPlan {
  billingPeriod: 'calendar-month' | 'subscription-month';
}

/** One billing period of a run, and the part of it the run covers: `[start, end)`. */
export interface RunPeriod {
  period: BillingPeriod;
  start: number;
  end: number;
}

/** What a run's period has charged up to some instant. */
export interface ChargeSoFar {
  charge: PeriodCharge;
  /** Calls in the period up to then, billable or not. */
  calls: number;
  /** The billable calls it was rated on (to project the period's charge from). */
  usage: PeriodUsage;
}

const alignmentOf = (plan: ChargedPlan) => (plan.billingPeriod === 'calendar-month' ? 'calendar' : 'subscription');

/**
 * The billing periods of `run` that overlap `[from, to)`, oldest first, each with the part the
 * run covers (a run begun or ended inside a period covers part of it).
 */
export function runPeriods(plan: ChargedPlan, run: PlanRun, from: number, to: number): RunPeriod[] {
  const first = Math.max(from, run.since);
  const last = Math.min(to, run.until ?? Number.POSITIVE_INFINITY);
  const periods: RunPeriod[] = [];
  if (first >= last) return periods;
  let period = periodOf(first, alignmentOf(plan), run.since);
  while (period.start < last) {
    periods.push({ period, start: Math.max(period.start, run.since), end: Math.min(period.end, run.until ?? period.end) });
    period = periodOf(period.end, alignmentOf(plan), run.since);
  }
  return periods;
}

/**
 * What one period of a run has charged for the calls received before `asOf`: nothing before the
 * run's part of the period starts (undefined); from then on its fees, and its calls priced by
 * `ratePeriod` with freemium counted from the run's start. The charge of the whole period is the
 * charge as of its end; what a window `[a, b)` earned is the charge as of `b` less the charge as
 * of `a`, so windows add up to the period.
 */
export async function chargeSoFar(
  plan: ChargedPlan,
  run: PlanRun,
  part: RunPeriod,
  asOf: number,
  count: UsageCounter,
): Promise<ChargeSoFar | undefined> {
  if (asOf <= part.start) return undefined;
  const upTo = Math.min(asOf, part.end);
  const inPeriod = await count(part.start, upTo);
  const callsBefore = part.start > run.since ? (await count(run.since, part.start)).billable : 0;
  const freeDaysEnd = Math.min(addDays(run.since, plan.freemium.days ?? 0), upTo);
  const callsInFreeDays = freeDaysEnd > run.since ? (await count(run.since, freeDaysEnd)).billable : 0;
  const usage: PeriodUsage = { period: part.period, planStart: run.since, callsBefore, calls: inPeriod.billable, callsInFreeDays };
  return { charge: ratePeriod(plan, usage), calls: inPeriod.calls, usage };
}
