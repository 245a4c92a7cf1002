/** Monthly billing periods, in UTC. */

/** Where the months of a plan start: on the 1st, or on the day of the month the subscription started. */
export type PeriodAlignment = 'calendar' | 'subscription';

/** A billing period: `[start, end)`, epoch ms. */
export interface BillingPeriod {
  start: number;
  end: number;
}

const DAY = 86_400_000;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * The start of month `offset` of a series anchored on `anchorDay` (1–31) from `(year, month)`,
 * at 00:00 UTC. A day the month does not have is its last day: anchored on the 31st, the periods
 * start Jan 31, Feb 28 (29), Mar 31, Apr 30, …
 */
function monthStart(year: number, month: number, offset: number, anchorDay: number): number {
  const first = new Date(Date.UTC(year, month + offset, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth();
  return Date.UTC(y, m, Math.min(anchorDay, daysIn(y, m)));
}

/**
 * The billing period holding `at`: the calendar month (UTC), or the month-long period anchored
 * on the day `anchor` falls on (its time of day is ignored: periods start at 00:00 UTC).
 */
export function periodOf(at: number, alignment: PeriodAlignment, anchor: number): BillingPeriod {
  const when = new Date(at);
  const year = when.getUTCFullYear();
  const month = when.getUTCMonth();
  const day = alignment === 'calendar' ? 1 : new Date(anchor).getUTCDate();
  // The period starting this month, or else the one that started last month.
  const offset = at >= monthStart(year, month, 0, day) ? 0 : -1;
  return { start: monthStart(year, month, offset, day), end: monthStart(year, month, offset + 1, day) };
}

/** The start of the day holding `at` (00:00 UTC). */
export const startOfDay = (at: number): number => Math.floor(at / DAY) * DAY;

/** `at` plus `days` whole days. */
export const addDays = (at: number, days: number): number => at + days * DAY;

/** 00:00 UTC of the day `months` months after the day of `at` (clamped to the month's last day). */
export function addMonths(at: number, months: number): number {
  const when = new Date(at);
  return monthStart(when.getUTCFullYear(), when.getUTCMonth(), months, when.getUTCDate());
}
