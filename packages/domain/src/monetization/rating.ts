import { type BandCharge, type MeteringType, priceCalls, type RateBand } from './bands.js';
import type { BillingPeriod } from './periods.js';

/** What rating needs of a rate plan. */
export interface PricedPlan {
  meteringType: MeteringType;
  rates: readonly RateBand[];
  fees: { setup?: number | undefined; recurring?: number | undefined };
  freemium: { calls?: number | undefined; days?: number | undefined };
}

/** One subscription product's billable calls, as rating needs them for one period. */
export interface PeriodUsage {
  period: BillingPeriod;
  /** When the subscription product started on the plan: the setup fee's period, freemium's start. */
  planStart: number;
  /** Billable calls since `planStart` before the period starts. */
  callsBefore: number;
  /** Billable calls in the period. */
  calls: number;
  /** Billable calls in the plan's first `freemium.days` days (since `planStart`, all of them). */
  callsInFreeDays: number;
}

/** A line of a period's charge: a fee, the free calls, or the calls of one band. */
export type ChargeLine =
  | { kind: 'setup-fee' | 'recurring-fee'; amount: number }
  | { kind: 'freemium'; calls: number; amount: 0 }
  | ({ kind: 'usage' } & BandCharge);

/** What one subscription product owes for one period. */
export interface PeriodCharge {
  /** Billable calls in the period, free ones included. */
  billableCalls: number;
  freeCalls: number;
  lines: ChargeLine[];
  /** Minor units: the sum of the lines. */
  total: number;
}

/**
 * Rates one period of one subscription product:
 * - the **setup fee** in the period the plan started in, the **recurring fee** in every period;
 * - **freemium**: counting the plan's billable calls in time order from its start, call number
 *   `i` is free when `i ≤ freemium.calls` or it came within the first `freemium.days` days, so the
 *   free calls are the first `max(freemium.calls, callsInFreeDays)` of the plan;
 * - the period's other calls priced by the bands (`priceCalls`), counted from 1 in each period.
 */
export function ratePeriod(plan: PricedPlan, usage: PeriodUsage): PeriodCharge {
  const lines: ChargeLine[] = [];
  const { period } = usage;
  if ((plan.fees.setup ?? 0) > 0 && period.start <= usage.planStart && usage.planStart < period.end) {
    lines.push({ kind: 'setup-fee', amount: plan.fees.setup ?? 0 });
  }
  if ((plan.fees.recurring ?? 0) > 0) lines.push({ kind: 'recurring-fee', amount: plan.fees.recurring ?? 0 });
  const freePrefix = Math.max(plan.freemium.calls ?? 0, (plan.freemium.days ?? 0) > 0 ? usage.callsInFreeDays : 0);
  const freeCalls = Math.min(usage.calls, Math.max(0, freePrefix - usage.callsBefore));
  if (freeCalls > 0) lines.push({ kind: 'freemium', calls: freeCalls, amount: 0 });
  const priced = priceCalls(plan.meteringType, plan.rates, usage.calls - freeCalls);
  lines.push(...priced.bands.map((band) => ({ kind: 'usage' as const, ...band })));
  return { billableCalls: usage.calls, freeCalls, lines, total: lines.reduce((sum, line) => sum + line.amount, 0) };
}
