import { describe, expect, it } from 'vitest';
import { CalendarPeriods, type PeriodUnit } from './periods.js';

const at = (iso: string) => Date.parse(iso);
/** The period as ISO instants, for readable failures. */
const periodAt = (unit: PeriodUnit, instant: string, timeZone?: string) => {
  const period = new CalendarPeriods(unit, timeZone).at(at(instant));
  return [new Date(period.start).toISOString(), new Date(period.end).toISOString()];
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('calendar periods: UTC', () => {
  it('aligns minutes, hours, days and months on the clock', () => {
    expect(periodAt('minute', '2026-06-01T10:20:30.400Z')).toEqual(['2026-06-01T10:20:00.000Z', '2026-06-01T10:21:00.000Z']);
    expect(periodAt('hour', '2026-06-01T10:20:30.400Z')).toEqual(['2026-06-01T10:00:00.000Z', '2026-06-01T11:00:00.000Z']);
    expect(periodAt('day', '2026-06-01T10:20:30.400Z')).toEqual(['2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z']);
    expect(periodAt('month', '2026-06-17T10:20:30.400Z')).toEqual(['2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z']);
  });

  it('puts the boundary instant in the new period and the millisecond before it in the old one', () => {
    const periods = new CalendarPeriods('day');
    expect(periods.at(at('2026-06-01T23:59:59.999Z')).end).toBe(at('2026-06-02T00:00:00Z'));
    expect(periods.at(at('2026-06-02T00:00:00.000Z')).start).toBe(at('2026-06-02T00:00:00Z'));
    // Backwards again (an out-of-order call): the cache must not answer the newer period.
    expect(periods.at(at('2026-06-01T23:59:59.999Z')).start).toBe(at('2026-06-01T00:00:00Z'));
  });

  it('follows month lengths: 31, 30, 28 and 29 (leap year) days, and the turn of the year', () => {
    const length = (instant: string) => {
      const { start, end } = new CalendarPeriods('month').at(at(instant));
      return (end - start) / DAY;
    };
    expect(length('2026-01-15T00:00:00Z')).toBe(31);
    expect(length('2026-04-15T00:00:00Z')).toBe(30);
    expect(length('2026-02-15T00:00:00Z')).toBe(28);
    expect(length('2028-02-15T00:00:00Z')).toBe(29);
    expect(length('2100-02-15T00:00:00Z')).toBe(28);
    expect(length('2000-02-15T00:00:00Z')).toBe(29);
    expect(periodAt('month', '2026-12-31T23:59:59Z')).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(periodAt('day', '2028-02-28T12:00:00Z')).toEqual(['2028-02-28T00:00:00.000Z', '2028-02-29T00:00:00.000Z']);
    expect(periodAt('day', '2028-02-29T12:00:00Z')).toEqual(['2028-02-29T00:00:00.000Z', '2028-03-01T00:00:00.000Z']);
  });

  it('answers the same period object within a period (cached)', () => {
    const periods = new CalendarPeriods('hour');
    const first = periods.at(at('2026-06-01T10:00:00Z'));
    expect(periods.at(at('2026-06-01T10:59:59.999Z'))).toBe(first);
    expect(periods.at(at('2026-06-01T11:00:00Z'))).not.toBe(first);
  });
});

describe('calendar periods: time zones', () => {
  it('aligns days on local midnight in Asia/Kolkata (+05:30)', () => {
    expect(periodAt('day', '2026-06-01T18:29:59Z', 'Asia/Kolkata')).toEqual(['2026-05-31T18:30:00.000Z', '2026-06-01T18:30:00.000Z']);
    expect(periodAt('day', '2026-06-01T18:30:00Z', 'Asia/Kolkata')).toEqual(['2026-06-01T18:30:00.000Z', '2026-06-02T18:30:00.000Z']);
  });

  it('aligns hours on the local hour in Asia/Kathmandu (+05:45)', () => {
    expect(periodAt('hour', '2026-06-01T10:20:00Z', 'Asia/Kathmandu')).toEqual(['2026-06-01T10:15:00.000Z', '2026-06-01T11:15:00.000Z']);
  });

  it('aligns months on the local first of the month', () => {
    expect(periodAt('month', '2026-02-28T23:30:00Z', 'Europe/Paris')).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    expect(periodAt('month', '2026-02-28T22:30:00Z', 'Europe/Paris')).toEqual(['2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z']);
    expect(periodAt('month', '2026-06-30T20:00:00Z', 'America/New_York')).toEqual(['2026-06-01T04:00:00.000Z', '2026-07-01T04:00:00.000Z']);
  });

  it('makes the Europe/Paris spring-forward day 23 hours long (last Sunday of March)', () => {
    expect(periodAt('day', '2026-03-29T12:00:00Z', 'Europe/Paris')).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(periodAt('day', '2026-03-28T12:00:00Z', 'Europe/Paris')).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z']);
  });

  it('makes the Europe/Paris fall-back day 25 hours long (last Sunday of October)', () => {
    expect(periodAt('day', '2026-10-25T12:00:00Z', 'Europe/Paris')).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
  });

  it('skips the missing hour of spring-forward: 01:00 CET is followed by 03:00 CEST', () => {
    expect(periodAt('hour', '2026-03-29T00:30:00Z', 'Europe/Paris')).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z']);
    expect(periodAt('hour', '2026-03-29T01:00:00Z', 'Europe/Paris')).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']);
  });

  it('counts the hour repeated by fall-back (02:00–03:00 twice) as one period of two hours', () => {
    const repeated = ['2026-10-25T00:00:00.000Z', '2026-10-25T02:00:00.000Z'];
    expect(periodAt('hour', '2026-10-25T00:30:00Z', 'Europe/Paris')).toEqual(repeated);
    expect(periodAt('hour', '2026-10-25T01:30:00Z', 'Europe/Paris')).toEqual(repeated);
    expect(periodAt('hour', '2026-10-24T23:30:00Z', 'Europe/Paris')).toEqual(['2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z']);
  });

  it('keeps the two readings of a repeated minute apart (they are not contiguous)', () => {
    expect(periodAt('minute', '2026-10-25T00:30:30Z', 'Europe/Paris')).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T00:31:00.000Z']);
    expect(periodAt('minute', '2026-10-25T01:30:30Z', 'Europe/Paris')).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-25T01:31:00.000Z']);
  });

  it('starts a day at 01:00 where midnight does not exist (America/Santiago spring-forward at 00:00)', () => {
    expect(periodAt('day', '2026-09-05T23:00:00Z', 'America/Santiago')).toEqual(['2026-09-05T04:00:00.000Z', '2026-09-06T04:00:00.000Z']);
    expect(periodAt('day', '2026-09-06T12:00:00Z', 'America/Santiago')).toEqual(['2026-09-06T04:00:00.000Z', '2026-09-07T03:00:00.000Z']);
  });

  it('refuses a time zone the runtime does not know', () => {
    expect(() => new CalendarPeriods('day', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  // Whatever the zone and the DST change: every instant is in its period, the periods tile time
  // without gap or overlap, and a fresh instance agrees with one whose cache holds another period.
  const transitions: Array<[string, string]> = [
    ['Europe/Paris', '2026-03-29T01:00:00Z'],
    ['Europe/Paris', '2026-10-25T01:00:00Z'],
    ['America/New_York', '2026-03-08T07:00:00Z'],
    ['America/New_York', '2026-11-01T06:00:00Z'],
    ['America/Santiago', '2026-04-05T03:00:00Z'],
    ['America/Santiago', '2026-09-06T04:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
  ];
  const steps: Array<[PeriodUnit, number, number]> = [
    ['minute', 7 * 60_000 + 13_000, 3 * HOUR],
    ['hour', 11 * 60_000, 30 * HOUR],
    ['day', 47 * 60_000, 3 * DAY],
    ['month', 13 * HOUR, 40 * DAY],
  ];
  it.each(transitions)('tiles time consistently around the DST change in %s at %s', (zone, change) => {
    for (const [unit, step, span] of steps) {
      const cached = new CalendarPeriods(unit, zone);
      for (let now = at(change) - span; now <= at(change) + span; now += step) {
        const period = cached.at(now);
        const context = `${zone} ${unit} at ${new Date(now).toISOString()}`;
        expect(now >= period.start && now < period.end, `${context}: outside its period`).toBe(true);
        expect(new CalendarPeriods(unit, zone).at(now), `${context}: fresh and cached disagree`).toEqual(period);
        const probe = new CalendarPeriods(unit, zone);
        expect(probe.at(period.end - 1), `${context}: its last millisecond is elsewhere`).toEqual(period);
        expect(probe.at(period.end).start, `${context}: a gap or overlap after it`).toBe(period.end);
        expect(probe.at(period.start - 1).end, `${context}: a gap or overlap before it`).toBe(period.start);
      }
    }
  });
});
