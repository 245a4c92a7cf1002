/** The bucket sizes of the analytics API. */
export type Interval = 'minute' | 'hour' | 'day' | 'week';

/**
 * Round steps from 0 up to at least `max`, about `count` of them: 0, 25, 50, 75, 100 rather than
 * 0, 23.5, 47, … so the grid lines read at a glance.
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  const ticks: number[] = [];
  for (let index = 0; ticks.length === 0 || (ticks.at(-1) ?? 0) < max; index++) ticks.push(Number((index * step).toPrecision(12)));
  return ticks;
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const precise = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A count for an axis: 1.2K, 3.4M. */
export function formatCount(value: number): string {
  return compact.format(value);
}

/** A count in full: 12,345. */
export function formatWhole(value: number): string {
  return whole.format(value);
}

/** Milliseconds as people read them: 0.4 ms, 37 ms, 1.2 s. */
export function formatMs(value: number): string {
  if (value >= 1000) return `${precise.format(value / 1000)} s`;
  return `${value < 10 ? precise.format(value) : whole.format(value)} ms`;
}

/** A share of 1 as a percentage: 2.5 %. */
export function formatShare(value: number): string {
  return `${precise.format(value * 100)} %`;
}

/**
 * A bucket's start for an axis or a tooltip. Minutes and hours in local time, with the weekday when
 * the window spans days; days and weeks are UTC buckets, so their UTC date (a local date could be
 * the day before).
 */
export function formatBucket(start: string, interval: Interval, spansDays: boolean): string {
  const date = new Date(start);
  if (interval === 'day' || interval === 'week') {
    return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  }
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return spansDays ? `${date.toLocaleDateString(undefined, { weekday: 'short' })} ${time}` : time;
}
