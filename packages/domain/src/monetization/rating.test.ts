import { describe, expect, it } from 'vitest';
import type { RateBand } from './bands.js';
import { type BillingPeriod, periodOf } from './periods.js';
import { type ChargeLine, type PeriodUsage, type PricedPlan, ratePeriod } from './rating.js';

const at = (iso: string) => Date.parse(iso);
const period = (start: string, end: string): BillingPeriod => ({ start: at(`${start}T00:00:00.000Z`), end: at(`${end}T00:00:00.000Z`) });

/** Calls 1–10 at 5, 11–100 at 2, 101 and beyond at 1. */
const LADDER: RateBand[] = [
  { from: 1, to: 10, price: 5 },
  { from: 11, to: 100, price: 2 },
  { from: 101, price: 1 },
];

/** Flat fees: up to 1 000 calls 2900, up to 10 000 calls 9900, beyond 24 900. */
const STEPS: RateBand[] = [
  { from: 1, to: 1000, price: 2900 },
  { from: 1001, to: 10_000, price: 9900 },
  { from: 10_001, price: 24_900 },
];

const plan = (overrides: Partial<PricedPlan> = {}): PricedPlan => ({
  meteringType: 'UNIT',
  rates: LADDER,
  fees: {},
  freemium: {},
  ...overrides,
});

const JAN = period('2027-01-01', '2027-02-01');
const FEB = period('2027-02-01', '2027-03-01');
const MAR = period('2027-03-01', '2027-04-01');
const PLAN_START = at('2027-01-10T08:00:00Z');

const usage = (overrides: Partial<PeriodUsage> = {}): PeriodUsage => ({
  period: JAN,
  planStart: PLAN_START,
  callsBefore: 0,
  calls: 0,
  callsInFreeDays: 0,
  ...overrides,
});

const SETUP = { kind: 'setup-fee', amount: 10_000 } as const;
const RECURRING = { kind: 'recurring-fee', amount: 2500 } as const;
const free = (calls: number): ChargeLine => ({ kind: 'freemium', calls, amount: 0 });
const use = (from: number, to: number | null, calls: number, price: number, amount: number): ChargeLine => ({
  kind: 'usage',
  from,
  to,
  calls,
  price,
  amount,
});

describe('ratePeriod fees', () => {
  const feePlan = plan({ fees: { setup: 10_000, recurring: 2500 } });

  it('charges the setup fee in the period the plan started, and the recurring fee', () => {
    expect(ratePeriod(feePlan, usage({ period: JAN, calls: 14 }))).toEqual({
      billableCalls: 14,
      freeCalls: 0,
      lines: [SETUP, RECURRING, use(1, 10, 10, 5, 50), use(11, 100, 4, 2, 8)], // 10 × 5 = 50, 4 × 2 = 8
      total: 12_558, // 10 000 + 2 500 + 50 + 8 = 12 558
    });
  });

  it('charges only the recurring fee in later periods', () => {
    expect(ratePeriod(feePlan, usage({ period: FEB, callsBefore: 14, calls: 14 }))).toEqual({
      billableCalls: 14,
      freeCalls: 0,
      lines: [RECURRING, use(1, 10, 10, 5, 50), use(11, 100, 4, 2, 8)], // calls counted from 1 again
      total: 2558, // 2 500 + 50 + 8 = 2 558
    });
    expect(ratePeriod(feePlan, usage({ period: MAR, callsBefore: 28, calls: 1 })).total).toBe(2505); // 2 500 + 1 × 5 = 2 505
  });

  it('treats the period as [start, end) for the setup fee', () => {
    // the plan starting exactly at the period's start: in it
    expect(ratePeriod(feePlan, usage({ period: FEB, planStart: FEB.start })).lines).toEqual([SETUP, RECURRING]);
    // the plan starting exactly at the period's end: in the next one
    expect(ratePeriod(feePlan, usage({ period: JAN, planStart: JAN.end })).lines).toEqual([RECURRING]);
    // the last ms of the period: in it
    expect(ratePeriod(feePlan, usage({ period: JAN, planStart: JAN.end - 1 })).lines).toEqual([SETUP, RECURRING]);
  });

  it('charges the fees with no calls', () => {
    expect(ratePeriod(feePlan, usage({ period: JAN, calls: 0 }))).toEqual({
      billableCalls: 0,
      freeCalls: 0,
      lines: [SETUP, RECURRING],
      total: 12_500, // 10 000 + 2 500 = 12 500
    });
    expect(ratePeriod(feePlan, usage({ period: FEB, calls: 0 }))).toEqual({
      billableCalls: 0,
      freeCalls: 0,
      lines: [RECURRING],
      total: 2500, // recurring only
    });
  });

  it('has no fee lines for zero or absent fees, and nothing at all with no calls', () => {
    expect(ratePeriod(plan({ fees: { setup: 0, recurring: 0 } }), usage({ calls: 0 }))).toEqual({
      billableCalls: 0,
      freeCalls: 0,
      lines: [],
      total: 0,
    });
    expect(ratePeriod(plan({ fees: {} }), usage({ calls: 0 }))).toEqual({ billableCalls: 0, freeCalls: 0, lines: [], total: 0 });
  });

  it('charges only the fees for no calls even with freemium left', () => {
    expect(ratePeriod(plan({ fees: { recurring: 2500 }, freemium: { calls: 100 } }), usage({ calls: 0 }))).toEqual({
      billableCalls: 0,
      freeCalls: 0, // min(0 calls, 100 − 0) = 0: no freemium line
      lines: [RECURRING],
      total: 2500,
    });
  });
});

describe('ratePeriod freemium by calls', () => {
  const freePlan = plan({ fees: { recurring: 2500 }, freemium: { calls: 100 } });

  it('makes a first period under the allowance entirely free', () => {
    expect(ratePeriod(freePlan, usage({ period: JAN, callsBefore: 0, calls: 60 }))).toEqual({
      billableCalls: 60,
      freeCalls: 60, // min(60, 100 − 0) = 60
      lines: [RECURRING, free(60)],
      total: 2500, // 2 500 + 0
    });
  });

  it('spends the rest of the allowance in the next period and charges the others from call 1', () => {
    expect(ratePeriod(freePlan, usage({ period: FEB, callsBefore: 60, calls: 70 }))).toEqual({
      billableCalls: 70,
      freeCalls: 40, // min(70, 100 − 60) = 40; 70 − 40 = 30 charged
      lines: [RECURRING, free(40), use(1, 10, 10, 5, 50), use(11, 100, 20, 2, 40)], // 10 × 5 = 50, 20 × 2 = 40
      total: 2590, // 2 500 + 50 + 40 = 2 590
    });
  });

  it('gives nothing free once the allowance is spent', () => {
    expect(ratePeriod(freePlan, usage({ period: MAR, callsBefore: 130, calls: 5 }))).toEqual({
      billableCalls: 5,
      freeCalls: 0, // max(0, 100 − 130) = 0: no freemium line
      lines: [RECURRING, use(1, 10, 5, 5, 25)], // 5 × 5 = 25
      total: 2525, // 2 500 + 25
    });
  });

  it('spends the allowance exactly at its edge', () => {
    // 100 − 0 = 100 free of 100: nothing priced
    expect(ratePeriod(freePlan, usage({ calls: 100 })).lines).toEqual([RECURRING, free(100)]);
    // 100 − 0 = 100 free of 101: 1 × 5 = 5
    expect(ratePeriod(freePlan, usage({ calls: 101 })).total).toBe(2505); // 2 500 + 5
    // 100 − 100 = 0 free
    expect(ratePeriod(freePlan, usage({ callsBefore: 100, calls: 1 })).freeCalls).toBe(0);
  });

  it('ignores callsInFreeDays when the plan has no free days', () => {
    expect(ratePeriod(freePlan, usage({ calls: 200, callsInFreeDays: 150 }))).toMatchObject({
      freeCalls: 100, // max(100, 0: no days) = 100, not 150
      total: 2730, // 200 − 100 = 100 priced: 10 × 5 + 90 × 2 = 230; 2 500 + 230 = 2 730
    });
  });
});

describe('ratePeriod freemium by days', () => {
  const freePlan = plan({ freemium: { days: 14 } });

  it('frees the calls of the first days', () => {
    expect(ratePeriod(freePlan, usage({ period: JAN, calls: 40, callsInFreeDays: 25 }))).toEqual({
      billableCalls: 40,
      freeCalls: 25, // min(40, 25 − 0) = 25; 40 − 25 = 15 charged
      lines: [free(25), use(1, 10, 10, 5, 50), use(11, 100, 5, 2, 10)], // 10 × 5 = 50, 5 × 2 = 10
      total: 60, // 50 + 10
    });
  });

  it('frees the calls of free days that fell in the previous period no more', () => {
    expect(ratePeriod(freePlan, usage({ period: FEB, callsBefore: 40, calls: 12, callsInFreeDays: 25 }))).toEqual({
      billableCalls: 12,
      freeCalls: 0, // max(0, 25 − 40) = 0
      lines: [use(1, 10, 10, 5, 50), use(11, 100, 2, 2, 4)], // 10 × 5 = 50, 2 × 2 = 4
      total: 54, // 50 + 4
    });
  });

  it('frees the calls of free days spanning two periods', () => {
    // plan from Jan 25: the 14 free days run into February; 30 calls in them, 20 of them in January
    const lateStart = at('2027-01-25T00:00:00Z');
    expect(ratePeriod(freePlan, usage({ period: JAN, planStart: lateStart, calls: 20, callsInFreeDays: 30 }))).toEqual({
      billableCalls: 20,
      freeCalls: 20, // min(20, 30 − 0) = 20
      lines: [free(20)],
      total: 0,
    });
    expect(ratePeriod(freePlan, usage({ period: FEB, planStart: lateStart, callsBefore: 20, calls: 50, callsInFreeDays: 30 }))).toEqual({
      billableCalls: 50,
      freeCalls: 10, // min(50, 30 − 20) = 10; 50 − 10 = 40 charged
      lines: [free(10), use(1, 10, 10, 5, 50), use(11, 100, 30, 2, 60)], // 10 × 5 = 50, 30 × 2 = 60
      total: 110, // 50 + 60
    });
  });
});

describe('ratePeriod with both freemium kinds', () => {
  const freePlan = plan({ freemium: { calls: 100, days: 7 } });

  it('frees the free days’ calls when they are more', () => {
    expect(ratePeriod(freePlan, usage({ calls: 200, callsInFreeDays: 150 }))).toEqual({
      billableCalls: 200,
      freeCalls: 150, // max(100, 150) = 150; 200 − 150 = 50 charged
      lines: [free(150), use(1, 10, 10, 5, 50), use(11, 100, 40, 2, 80)], // 10 × 5 = 50, 40 × 2 = 80
      total: 130, // 50 + 80
    });
  });

  it('frees the free calls when they are more', () => {
    expect(ratePeriod(freePlan, usage({ calls: 200, callsInFreeDays: 30 }))).toEqual({
      billableCalls: 200,
      freeCalls: 100, // max(100, 30) = 100; 200 − 100 = 100 charged
      lines: [free(100), use(1, 10, 10, 5, 50), use(11, 100, 90, 2, 180)], // 10 × 5 = 50, 90 × 2 = 180
      total: 230, // 50 + 180
    });
  });

  it('counts calls before the period against the larger allowance', () => {
    // max(100, 150) = 150; 150 − 120 before = 30 free of 50; 20 charged: 10 × 5 + 10 × 2 = 70
    expect(ratePeriod(freePlan, usage({ period: FEB, callsBefore: 120, calls: 50, callsInFreeDays: 150 }))).toMatchObject({
      freeCalls: 30,
      total: 70,
    });
  });
});

describe('ratePeriod per metering type', () => {
  const fees = { recurring: 1000 };

  it('UNIT charges each call at its band', () => {
    expect(ratePeriod(plan({ meteringType: 'UNIT', fees }), usage({ period: FEB, calls: 250 }))).toEqual({
      billableCalls: 250,
      freeCalls: 0,
      lines: [
        { kind: 'recurring-fee', amount: 1000 },
        use(1, 10, 10, 5, 50), // 10 × 5 = 50
        use(11, 100, 90, 2, 180), // 90 × 2 = 180
        use(101, null, 150, 1, 150), // 150 × 1 = 150
      ],
      total: 1380, // 1 000 + 50 + 180 + 150 = 1 380
    });
  });

  it('VOLUME charges every call at the band the total reaches', () => {
    expect(ratePeriod(plan({ meteringType: 'VOLUME', fees }), usage({ period: FEB, calls: 250 }))).toEqual({
      billableCalls: 250,
      freeCalls: 0,
      lines: [{ kind: 'recurring-fee', amount: 1000 }, use(101, null, 250, 1, 250)], // 250 × 1 = 250
      total: 1250, // 1 000 + 250
    });
    expect(ratePeriod(plan({ meteringType: 'VOLUME', fees }), usage({ period: FEB, calls: 14 })).total).toBe(1028); // 1 000 + 14 × 2
  });

  it('STAIR_STEP charges the flat fee of the step the total falls in', () => {
    expect(ratePeriod(plan({ meteringType: 'STAIR_STEP', rates: STEPS, fees }), usage({ period: FEB, calls: 1500 }))).toEqual({
      billableCalls: 1500,
      freeCalls: 0,
      lines: [{ kind: 'recurring-fee', amount: 1000 }, use(1001, 10_000, 1500, 9900, 9900)], // flat 9 900 for 1001–10000
      total: 10_900, // 1 000 + 9 900
    });
  });

  it('STAIR_STEP steps down when freemium takes calls off the top', () => {
    const stairs = plan({ meteringType: 'STAIR_STEP', rates: STEPS, freemium: { calls: 500 } });
    expect(ratePeriod(stairs, usage({ calls: 1200 }))).toEqual({
      billableCalls: 1200,
      freeCalls: 500, // min(1200, 500) = 500; 1200 − 500 = 700 priced: step 1–1000
      lines: [free(500), use(1, 1000, 700, 2900, 2900)],
      total: 2900,
    });
  });

  it('VOLUME prices the calls left after freemium as a total of their own', () => {
    const volume = plan({ meteringType: 'VOLUME', freemium: { calls: 5 } });
    // 16 − 5 = 11 priced: band 11–100 → 11 × 2 = 22
    expect(ratePeriod(volume, usage({ calls: 16 }))).toEqual({
      billableCalls: 16,
      freeCalls: 5,
      lines: [free(5), use(11, 100, 11, 2, 22)],
      total: 22,
    });
  });
});

describe('ratePeriod across a month end, subscription-aligned', () => {
  // plan from Jan 31 2027 14:00, periods anchored on the 31st
  const planStart = at('2027-01-31T14:00:00Z');
  const monthEndPlan = plan({ fees: { setup: 10_000, recurring: 2500 }, freemium: { calls: 50 } });

  it('has periods Jan 31 – Feb 28 and Feb 28 – Mar 31, 2027', () => {
    expect(periodOf(planStart, 'subscription', planStart)).toEqual({
      start: 1_801_353_600_000, // Jan 1 2027 (1 798 761 600 000) + 30 × 86 400 000
      end: 1_803_772_800_000, // Jan 1 2027 + 58 × 86 400 000 (Feb 28)
    });
    expect(periodOf(at('2027-03-15T00:00:00Z'), 'subscription', planStart)).toEqual({
      start: 1_803_772_800_000, // Feb 28 2027
      end: 1_806_451_200_000, // Jan 1 2027 + (31 + 28 + 30) × 86 400 000 = + 89 days (Mar 31)
    });
  });

  it('charges the setup fee in the first period, which starts at 00:00 before the plan', () => {
    const first = periodOf(planStart, 'subscription', planStart);
    expect(ratePeriod(monthEndPlan, { period: first, planStart, callsBefore: 0, calls: 30, callsInFreeDays: 0 })).toEqual({
      billableCalls: 30,
      freeCalls: 30, // min(30, 50 − 0) = 30
      lines: [SETUP, RECURRING, free(30)],
      total: 12_500, // 10 000 + 2 500
    });
  });

  it('rates the second period Feb 28 – Mar 31 without the setup fee', () => {
    const second = periodOf(at('2027-02-28T00:00:00Z'), 'subscription', planStart);
    expect(second).toEqual(period('2027-02-28', '2027-03-31'));
    expect(ratePeriod(monthEndPlan, { period: second, planStart, callsBefore: 30, calls: 45, callsInFreeDays: 0 })).toEqual({
      billableCalls: 45,
      freeCalls: 20, // min(45, 50 − 30) = 20; 45 − 20 = 25 charged
      lines: [RECURRING, free(20), use(1, 10, 10, 5, 50), use(11, 100, 15, 2, 30)], // 10 × 5 = 50, 15 × 2 = 30
      total: 2580, // 2 500 + 50 + 30
    });
  });
});
