import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, type BillingPeriod, periodOf, startOfDay } from './periods.js';

const at = (iso: string) => Date.parse(iso);
/** The period `[start, end)` from two UTC dates, both at 00:00. */
const period = (start: string, end: string): BillingPeriod => ({ start: at(`${start}T00:00:00.000Z`), end: at(`${end}T00:00:00.000Z`) });

const DAY = 86_400_000; // 24 × 60 × 60 × 1000

describe('the hand-computed epoch values the other tests rely on', () => {
  it('agree with Date.parse', () => {
    // 1970–2026 is 57 years, 14 of them leap (1972, 1976, …, 2024): 57 × 365 + 14 = 20 819 days
    expect(at('2027-01-01T00:00:00Z')).toBe(20_819 * DAY); // 20 819 × 86 400 000 = 1 798 761 600 000
    expect(at('2027-01-01T00:00:00Z')).toBe(1_798_761_600_000);
  });
});

describe('periodOf, calendar', () => {
  const calendar = (iso: string) => periodOf(at(iso), 'calendar', 0);

  it('is the calendar month holding a mid-month instant', () => {
    expect(calendar('2027-03-15T12:34:56.789Z')).toEqual(period('2027-03-01', '2027-04-01'));
  });

  it('starts a new period exactly at the 1st 00:00', () => {
    expect(calendar('2027-03-01T00:00:00.000Z')).toEqual(period('2027-03-01', '2027-04-01'));
    // 1 ms earlier is the previous month
    expect(calendar('2027-02-28T23:59:59.999Z')).toEqual(period('2027-02-01', '2027-03-01'));
  });

  it('holds the last ms of a month in that month', () => {
    expect(calendar('2027-04-30T23:59:59.999Z')).toEqual(period('2027-04-01', '2027-05-01'));
    expect(calendar('2028-02-29T23:59:59.999Z')).toEqual(period('2028-02-01', '2028-03-01')); // leap year
  });

  it('crosses from December into January of the next year', () => {
    expect(calendar('2026-12-31T23:59:59.999Z')).toEqual(period('2026-12-01', '2027-01-01'));
    expect(calendar('2027-01-01T00:00:00.000Z')).toEqual(period('2027-01-01', '2027-02-01'));
    // as epoch ms: Dec 1 2026 = Jan 1 2027 − 31 days; Jan 1 2027 = 1 798 761 600 000
    expect(calendar('2026-12-15T08:00:00Z')).toEqual({ start: 1_798_761_600_000 - 31 * DAY, end: 1_798_761_600_000 });
  });

  it('ignores the anchor', () => {
    expect(periodOf(at('2027-03-15T00:00:00Z'), 'calendar', at('2027-01-20T10:00:00Z'))).toEqual(period('2027-03-01', '2027-04-01'));
  });
});

describe('periodOf, subscription-aligned', () => {
  describe('anchored on the 15th (at 09:30)', () => {
    const anchor = at('2027-01-15T09:30:00Z');
    const aligned = (iso: string) => periodOf(at(iso), 'subscription', anchor);

    it('starts the first period at 00:00 of the anchor day, ignoring its time of day', () => {
      expect(aligned('2027-01-15T09:30:00Z')).toEqual(period('2027-01-15', '2027-02-15'));
      // before 09:30 on the anchor day is still in the period starting that day at 00:00
      expect(aligned('2027-01-15T00:00:00Z')).toEqual(period('2027-01-15', '2027-02-15'));
    });

    it('holds an instant on or after the 15th in the period starting that month', () => {
      expect(aligned('2027-03-15T00:00:00Z')).toEqual(period('2027-03-15', '2027-04-15'));
      expect(aligned('2027-03-31T23:59:59.999Z')).toEqual(period('2027-03-15', '2027-04-15'));
    });

    it('holds an instant before the 15th in the period that started the month before', () => {
      expect(aligned('2027-03-14T23:59:59.999Z')).toEqual(period('2027-02-15', '2027-03-15'));
      expect(aligned('2027-03-01T00:00:00Z')).toEqual(period('2027-02-15', '2027-03-15'));
    });

    it('crosses from December into January of the next year', () => {
      expect(aligned('2027-12-20T00:00:00Z')).toEqual(period('2027-12-15', '2028-01-15'));
      expect(aligned('2028-01-10T00:00:00Z')).toEqual(period('2027-12-15', '2028-01-15'));
      expect(aligned('2028-01-15T00:00:00Z')).toEqual(period('2028-01-15', '2028-02-15'));
    });
  });

  describe('anchored on the 31st', () => {
    const anchor = at('2027-01-31T14:00:00Z');
    const aligned = (iso: string) => periodOf(at(iso), 'subscription', anchor);

    it('runs Jan 31 → Feb 28 in 2027 (no Feb 31: its last day)', () => {
      expect(aligned('2027-01-31T14:00:00Z')).toEqual(period('2027-01-31', '2027-02-28'));
      expect(aligned('2027-02-27T23:59:59.999Z')).toEqual(period('2027-01-31', '2027-02-28'));
      // as epoch ms: Jan 31 = Jan 1 + 30 days; Feb 28 = Jan 1 + 31 + 27 = 58 days
      expect(aligned('2027-02-01T00:00:00Z')).toEqual({
        start: 1_798_761_600_000 + 30 * DAY, // 1 798 761 600 000 + 2 592 000 000 = 1 801 353 600 000
        end: 1_798_761_600_000 + 58 * DAY, // 1 798 761 600 000 + 5 011 200 000 = 1 803 772 800 000
      });
    });

    it('runs Feb 28 → Mar 31 (back to the 31st once the month has one)', () => {
      expect(aligned('2027-02-28T00:00:00Z')).toEqual(period('2027-02-28', '2027-03-31'));
      expect(aligned('2027-03-01T00:00:00Z')).toEqual(period('2027-02-28', '2027-03-31'));
      expect(aligned('2027-03-30T23:59:59.999Z')).toEqual(period('2027-02-28', '2027-03-31'));
    });

    it('runs Mar 31 → Apr 30 → May 31', () => {
      expect(aligned('2027-03-31T00:00:00Z')).toEqual(period('2027-03-31', '2027-04-30'));
      expect(aligned('2027-04-29T23:59:59.999Z')).toEqual(period('2027-03-31', '2027-04-30'));
      expect(aligned('2027-04-30T00:00:00Z')).toEqual(period('2027-04-30', '2027-05-31'));
      expect(aligned('2027-05-01T00:00:00Z')).toEqual(period('2027-04-30', '2027-05-31'));
    });

    it('uses Feb 29 in the leap year 2028', () => {
      expect(aligned('2028-02-28T23:59:59.999Z')).toEqual(period('2028-01-31', '2028-02-29'));
      expect(aligned('2028-02-29T00:00:00Z')).toEqual(period('2028-02-29', '2028-03-31'));
      expect(aligned('2028-03-15T00:00:00Z')).toEqual(period('2028-02-29', '2028-03-31'));
    });
  });

  describe('anchored on the 29th or 30th in February', () => {
    it('starts on Feb 28 in 2027 when anchored on the 29th', () => {
      const anchor = at('2027-01-29T00:00:00Z');
      expect(periodOf(at('2027-02-27T12:00:00Z'), 'subscription', anchor)).toEqual(period('2027-01-29', '2027-02-28'));
      expect(periodOf(at('2027-02-28T00:00:00Z'), 'subscription', anchor)).toEqual(period('2027-02-28', '2027-03-29'));
      expect(periodOf(at('2027-03-28T23:59:59.999Z'), 'subscription', anchor)).toEqual(period('2027-02-28', '2027-03-29'));
    });

    it('starts on Feb 29 in 2028 when anchored on the 29th', () => {
      const anchor = at('2028-01-29T18:00:00Z');
      expect(periodOf(at('2028-02-28T23:59:59.999Z'), 'subscription', anchor)).toEqual(period('2028-01-29', '2028-02-29'));
      expect(periodOf(at('2028-02-29T00:00:00Z'), 'subscription', anchor)).toEqual(period('2028-02-29', '2028-03-29'));
    });

    it('starts on Feb 28 (2027) or Feb 29 (2028) when anchored on the 30th', () => {
      const anchor = at('2026-11-30T06:00:00Z');
      expect(periodOf(at('2027-02-10T00:00:00Z'), 'subscription', anchor)).toEqual(period('2027-01-30', '2027-02-28'));
      expect(periodOf(at('2027-02-28T00:00:00Z'), 'subscription', anchor)).toEqual(period('2027-02-28', '2027-03-30'));
      expect(periodOf(at('2028-02-29T00:00:00Z'), 'subscription', anchor)).toEqual(period('2028-02-29', '2028-03-30'));
    });
  });

  it('on the 1st is the calendar month', () => {
    const anchor = at('2027-01-01T23:00:00Z');
    expect(periodOf(at('2027-06-30T23:59:59.999Z'), 'subscription', anchor)).toEqual(period('2027-06-01', '2027-07-01'));
  });
});

describe('addMonths', () => {
  it('lands at 00:00 on the same day of a later month', () => {
    expect(addMonths(at('2027-03-15T13:45:00Z'), 1)).toBe(at('2027-04-15T00:00:00Z'));
    expect(addMonths(at('2027-03-15T13:45:00Z'), 0)).toBe(at('2027-03-15T00:00:00Z'));
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths(at('2027-01-31T15:00:00Z'), 1)).toBe(at('2027-02-28T00:00:00Z'));
    expect(addMonths(at('2028-01-31T15:00:00Z'), 1)).toBe(at('2028-02-29T00:00:00Z')); // leap year
    expect(addMonths(at('2027-01-31T00:00:00Z'), 3)).toBe(at('2027-04-30T00:00:00Z'));
    expect(addMonths(at('2027-11-30T00:00:00Z'), 3)).toBe(at('2028-02-29T00:00:00Z'));
    expect(addMonths(at('2028-02-29T00:00:00Z'), 12)).toBe(at('2029-02-28T00:00:00Z'));
  });

  it('does not clamp when the target month has the day', () => {
    expect(addMonths(at('2027-01-31T00:00:00Z'), 2)).toBe(at('2027-03-31T00:00:00Z'));
  });

  it('clamps from the day it is given, not from an earlier anchor', () => {
    // Jan 31 + 1 month = Feb 28; Feb 28 + 1 month = Mar 28 (not Mar 31)
    expect(addMonths(addMonths(at('2027-01-31T00:00:00Z'), 1), 1)).toBe(at('2027-03-28T00:00:00Z'));
  });

  it('crosses years both ways', () => {
    expect(addMonths(at('2027-12-15T08:00:00Z'), 1)).toBe(at('2028-01-15T00:00:00Z'));
    expect(addMonths(at('2027-03-31T00:00:00Z'), -1)).toBe(at('2027-02-28T00:00:00Z'));
    expect(addMonths(at('2027-01-15T00:00:00Z'), -2)).toBe(at('2026-11-15T00:00:00Z'));
  });
});

describe('startOfDay', () => {
  it('is 00:00 UTC of the day', () => {
    expect(startOfDay(at('2027-03-15T13:45:12.345Z'))).toBe(at('2027-03-15T00:00:00Z'));
    expect(startOfDay(at('2027-03-15T00:00:00Z'))).toBe(at('2027-03-15T00:00:00Z'));
    expect(startOfDay(at('2027-03-15T23:59:59.999Z'))).toBe(at('2027-03-15T00:00:00Z'));
    // 1 798 761 600 000 + 5 h 1 ms → 1 798 761 600 000
    expect(startOfDay(1_798_761_600_000 + 5 * 3_600_000 + 1)).toBe(1_798_761_600_000);
  });

  it('floors instants before 1970 to their own day', () => {
    expect(startOfDay(at('1969-12-31T12:00:00Z'))).toBe(-DAY); // Dec 31 1969 00:00 = −86 400 000
  });
});

describe('addDays', () => {
  it('adds whole days, keeping the time of day', () => {
    expect(addDays(at('2027-02-27T10:00:00Z'), 2)).toBe(at('2027-03-01T10:00:00Z')); // Feb 27 + 2 = Mar 1 (2027: 28 days)
    expect(addDays(at('2028-02-28T10:00:00Z'), 1)).toBe(at('2028-02-29T10:00:00Z')); // leap year
    expect(addDays(at('2027-01-31T00:00:00Z'), 30)).toBe(at('2027-03-02T00:00:00Z')); // Jan 31 + 28 = Feb 28, + 2 = Mar 2
    expect(addDays(at('2027-01-01T00:00:00Z'), -1)).toBe(at('2026-12-31T00:00:00Z'));
    expect(addDays(at('2027-01-01T00:00:00Z'), 0)).toBe(at('2027-01-01T00:00:00Z'));
    expect(addDays(1_798_761_600_000, 14)).toBe(1_798_761_600_000 + 1_209_600_000); // 14 × 86 400 000 = 1 209 600 000
  });
});

describe('in a process whose local time zone is not UTC', () => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: 2027-01-31T14:00Z is Feb 1, 04:00 local
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('still anchors on the UTC day and starts periods at 00:00 UTC', () => {
    const anchor = at('2027-01-31T14:00:00Z');
    expect(new Date(anchor).getDate()).toBe(1); // the zone is in effect: locally it is Feb 1
    expect(periodOf(at('2027-02-28T00:00:00Z'), 'subscription', anchor)).toEqual(period('2027-02-28', '2027-03-31'));
    expect(periodOf(at('2027-03-15T12:00:00Z'), 'calendar', 0)).toEqual(period('2027-03-01', '2027-04-01'));
    expect(addMonths(anchor, 1)).toBe(at('2027-02-28T00:00:00Z'));
    expect(startOfDay(at('2027-03-15T13:00:00Z'))).toBe(at('2027-03-15T00:00:00Z'));
  });
});
