import { describe, expect, it } from 'vitest';
import type { PlanChange } from '../ports/repositories.js';
import type { RateBand } from './bands.js';
import { type PlanRun, planRuns, runAt } from './plan-history.js';
import { type ChargedPlan, chargeSoFar, runPeriods, type UsageCounter } from './run-charges.js';

const at = (iso: string) => Date.parse(iso);

/** Calls 1–10 at 5, 11 and beyond at 2. */
const BANDS: RateBand[] = [
  { from: 1, to: 10, price: 5 },
  { from: 11, price: 2 },
];

const plan = (overrides: Partial<ChargedPlan> = {}): ChargedPlan => ({
  meteringType: 'UNIT',
  rates: BANDS,
  fees: {},
  freemium: {},
  billingPeriod: 'calendar-month',
  ...overrides,
});

/** A ledger of one subscription product: each call's receive time and whether it was billable. */
function ledger(calls: Array<[string, boolean]>): UsageCounter {
  const times = calls.map(([time, billable]) => ({ time: at(time), billable }));
  return async (from, to) => {
    const inWindow = times.filter((call) => call.time >= from && call.time < to);
    return { calls: inWindow.length, billable: inWindow.filter((call) => call.billable).length };
  };
}

/** `count` calls spread one minute apart from `start`, all billable unless said. */
const burst = (start: string, count: number, billable = true): Array<[string, boolean]> =>
  Array.from({ length: count }, (_, index) => [new Date(at(start) + index * 60_000).toISOString(), billable]);

/** The value, which the test knows is there. */
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

const run = (since: string, until: string | null = null): PlanRun => ({
  ratePlanId: 'p',
  since: at(since),
  until: until === null ? null : at(until),
});

describe('planRuns', () => {
  const change = (effectiveFrom: string, ratePlanId: string | null): PlanChange => ({
    subscriptionId: 's',
    productId: 'x',
    effectiveFrom: at(effectiveFrom),
    ratePlanId,
  });
  const open = () => ({ endDate: null, durationMonths: null });

  it('merges consecutive changes to one plan and ends a run at the change to another', () => {
    const history = [
      change('2026-03-01T00:00:00Z', 'b'),
      change('2026-01-10T12:00:00Z', 'a'),
      change('2026-02-01T00:00:00Z', 'a'),
      change('2026-04-01T00:00:00Z', null),
    ];
    expect(planRuns(history, open)).toEqual([
      { ratePlanId: 'a', since: at('2026-01-10T12:00:00Z'), until: at('2026-03-01T00:00:00Z') },
      { ratePlanId: 'b', since: at('2026-03-01T00:00:00Z'), until: at('2026-04-01T00:00:00Z') },
    ]);
  });

  it("ends a run at the plan's endDate, or durationMonths after it began (clamped to the month's end)", () => {
    const history = [change('2026-01-31T10:00:00Z', 'a')];
    expect(planRuns(history, () => ({ endDate: at('2026-02-15T00:00:00Z'), durationMonths: null }))[0]?.until).toBe(
      at('2026-02-15T00:00:00Z'),
    );
    expect(planRuns(history, () => ({ endDate: null, durationMonths: 1 }))[0]?.until).toBe(at('2026-02-28T10:00:00Z'));
    expect(planRuns(history, () => ({ endDate: at('2026-12-31T00:00:00Z'), durationMonths: 2 }))[0]?.until).toBe(
      at('2026-03-31T10:00:00Z'),
    );
  });

  it('starts a new run when the same plan is chosen again after its run ended (durationMonths)', () => {
    const history = [change('2026-01-20T00:00:00Z', 'a'), change('2026-03-05T00:00:00Z', 'a')];
    expect(planRuns(history, () => ({ endDate: null, durationMonths: 1 }))).toEqual([
      { ratePlanId: 'a', since: at('2026-01-20T00:00:00Z'), until: at('2026-02-20T00:00:00Z') },
      { ratePlanId: 'a', since: at('2026-03-05T00:00:00Z'), until: at('2026-04-05T00:00:00Z') },
    ]);
    // Within the run, choosing it again (a cancelled pending change) continues it.
    const again = [change('2026-01-20T00:00:00Z', 'a'), change('2026-02-10T00:00:00Z', 'a')];
    expect(planRuns(again, () => ({ endDate: null, durationMonths: 1 }))).toHaveLength(1);
  });

  it('leaves out a run whose plan ended before it began, and finds the run in effect', () => {
    const runs = planRuns([change('2026-05-01T00:00:00Z', 'a')], () => ({ endDate: at('2026-04-01T00:00:00Z'), durationMonths: null }));
    expect(runs).toEqual([]);
    const later = planRuns([change('2026-01-01T00:00:00Z', 'a'), change('2026-02-01T00:00:00Z', 'b')], open);
    expect(runAt(later, at('2026-01-31T23:59:59Z'))?.ratePlanId).toBe('a');
    expect(runAt(later, at('2026-02-01T00:00:00Z'))?.ratePlanId).toBe('b');
    expect(runAt(later, at('2025-12-31T00:00:00Z'))).toBeUndefined();
  });
});

describe('runPeriods', () => {
  it('lists the calendar months a run overlaps in the window, the first one from the run’s start', () => {
    const parts = runPeriods(plan(), run('2026-01-10T12:00:00Z'), at('2026-01-01T00:00:00Z'), at('2026-04-01T00:00:00Z'));
    expect(parts.map((part) => [new Date(part.start).toISOString(), new Date(part.end).toISOString()])).toEqual([
      ['2026-01-10T12:00:00.000Z', '2026-02-01T00:00:00.000Z'],
      ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      ['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ]);
    expect(parts[0]?.period).toEqual({ start: at('2026-01-01T00:00:00Z'), end: at('2026-02-01T00:00:00Z') });
  });

  it('anchors subscription months on the run’s start day and stops where the run ends', () => {
    const parts = runPeriods(
      plan({ billingPeriod: 'subscription-month' }),
      run('2026-01-31T09:00:00Z', '2026-04-10T00:00:00Z'),
      at('2026-01-01T00:00:00Z'),
      at('2026-12-01T00:00:00Z'),
    );
    expect(parts.map((part) => new Date(part.period.start).toISOString().slice(0, 10))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(parts.at(-1)?.end).toBe(at('2026-04-10T00:00:00Z'));
  });

  it('answers nothing for a window before the run or after its end', () => {
    expect(runPeriods(plan(), run('2026-03-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), at('2026-03-01T00:00:00Z'))).toEqual([]);
    expect(
      runPeriods(plan(), run('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), at('2026-02-01T00:00:00Z'), at('2026-05-01T00:00:00Z')),
    ).toEqual([]);
  });
});

describe('chargeSoFar', () => {
  const fees = { setup: 1000, recurring: 500 };
  const calls = ledger([
    ...burst('2026-01-12T00:00:00Z', 14),
    ...burst('2026-01-20T00:00:00Z', 3, false),
    ...burst('2026-02-03T00:00:00Z', 5),
  ]);
  const theRun = run('2026-01-10T12:00:00Z');
  const charged = plan({ fees });
  const [january, february] = runPeriods(charged, theRun, at('2026-01-01T00:00:00Z'), at('2026-03-01T00:00:00Z'));

  it('charges a whole period: setup in the first, recurring in each, 14 billable calls 10×5 + 4×2', async () => {
    const jan = await chargeSoFar(charged, theRun, must(january), at('2026-02-01T00:00:00Z'), calls);
    expect(jan?.charge.total).toBe(1000 + 500 + 58);
    expect(jan?.calls).toBe(17);
    const feb = await chargeSoFar(charged, theRun, must(february), at('2026-03-01T00:00:00Z'), calls);
    expect(feb?.charge.total).toBe(500 + 5 * 5);
  });

  it('charges nothing before the run’s part of the period starts, and windows add up to the period', async () => {
    expect(await chargeSoFar(charged, theRun, must(january), at('2026-01-10T12:00:00Z'), calls)).toBeUndefined();
    // The first 6 calls by 00:06: fees and 6×5; the other 8 calls later: 4×5 + 4×2.
    const early = await chargeSoFar(charged, theRun, must(january), at('2026-01-12T00:06:00Z'), calls);
    expect(early?.charge.total).toBe(1000 + 500 + 30);
    const whole = await chargeSoFar(charged, theRun, must(january), at('2026-02-01T00:00:00Z'), calls);
    expect((whole?.charge.total ?? 0) - (early?.charge.total ?? 0)).toBe(28);
  });

  it('gives the first freemium.calls of the plan free across periods', async () => {
    const freemium = plan({ freemium: { calls: 12 } });
    const jan = await chargeSoFar(freemium, theRun, must(january), at('2026-02-01T00:00:00Z'), calls);
    expect(jan?.charge.freeCalls).toBe(12);
    expect(jan?.charge.total).toBe(2 * 5);
    const feb = await chargeSoFar(freemium, theRun, must(february), at('2026-03-01T00:00:00Z'), calls);
    expect(feb?.charge.freeCalls).toBe(0);
    expect(feb?.charge.total).toBe(5 * 5);
  });

  it('gives the calls of the first freemium.days free, counted from the run’s start', async () => {
    // Free days 10 Jan 12:00 → 12 Jan 12:00 hold the 14 calls of 12 Jan 00:00–00:13.
    const freeDays = plan({ freemium: { days: 2 } });
    const jan = await chargeSoFar(freeDays, theRun, must(january), at('2026-02-01T00:00:00Z'), calls);
    expect(jan?.charge.freeCalls).toBe(14);
    expect(jan?.charge.total).toBe(0);
  });

  it('rates a mid-period plan change from the next period: January by plan A (UNIT), February by plan B (VOLUME)', async () => {
    const history: PlanChange[] = [
      { subscriptionId: 's', productId: 'x', effectiveFrom: at('2026-01-10T12:00:00Z'), ratePlanId: 'a' },
      { subscriptionId: 's', productId: 'x', effectiveFrom: at('2026-02-01T00:00:00Z'), ratePlanId: 'b' },
    ];
    const plans: Record<string, ChargedPlan> = { a: plan(), b: plan({ meteringType: 'VOLUME', fees: { recurring: 100 } }) };
    const both = ledger([...burst('2026-01-12T00:00:00Z', 14), ...burst('2026-02-03T00:00:00Z', 14)]);
    const totals: number[] = [];
    for (const each of planRuns(history, () => ({ endDate: null, durationMonths: null }))) {
      const eachPlan = must(plans[each.ratePlanId]);
      for (const part of runPeriods(eachPlan, each, at('2026-01-01T00:00:00Z'), at('2026-03-01T00:00:00Z'))) {
        totals.push((await chargeSoFar(eachPlan, each, part, at('2026-03-01T00:00:00Z'), both))?.charge.total ?? 0);
      }
    }
    expect(totals).toEqual([58, 14 * 2 + 100]);
  });

  it('rates a subscription-month period that ends on a short month’s last day', async () => {
    const monthly = plan({ billingPeriod: 'subscription-month', fees: { recurring: 100 } });
    const anchored = run('2026-01-31T00:00:00Z');
    const february = runPeriods(monthly, anchored, at('2026-02-10T00:00:00Z'), at('2026-02-10T00:00:01Z'))[0];
    expect(february?.period).toEqual({ start: at('2026-01-31T00:00:00Z'), end: at('2026-02-28T00:00:00Z') });
    // 11 calls on 27 Feb are in the period; 4 on 28 Feb are in the next one.
    const edge = ledger([...burst('2026-02-27T23:40:00Z', 11), ...burst('2026-02-28T00:00:00Z', 4)]);
    const charge = await chargeSoFar(monthly, anchored, must(february), at('2026-03-05T00:00:00Z'), edge);
    expect(charge?.charge.total).toBe(100 + 10 * 5 + 1 * 2);
  });
});
