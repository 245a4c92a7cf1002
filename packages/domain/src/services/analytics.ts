import { type Aggregate, addEvent, addRow, emptyAggregate, figuresOf } from '../analytics/aggregate.js';
import {
  type AnalyticsDimension,
  bucketStart,
  dimensionValue,
  INTERVAL_MS,
  type Interval,
  type Resolution,
  SERIES_RESOLUTIONS,
  type SeriesDimension,
} from '../analytics/dimensions.js';
import type {
  AnalyticsBreakdown,
  AnalyticsPeriod,
  AnalyticsQuery,
  AnalyticsSummary,
  AnalyticsTimeseries,
  AnalyticsTop,
  AnalyticsTopQuery,
} from '../entities/analytics.js';
import { invalidField } from '../errors/catalogue.js';
import type { EventFilter, PrunedRows, RetentionCutoffs, RollupFilter } from '../ports/analytics.js';
import type { ServiceContext } from './context.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long analytics data is kept, ms, per resolution. */
export interface AnalyticsRetention {
  raw: number;
  minute: number;
  hour: number;
}

/** Raw events 7 days, minute rollups 30 days, hour rollups 400 days (13 months and a bit). */
export const DEFAULT_ANALYTICS_RETENTION: AnalyticsRetention = { raw: 7 * DAY, minute: 30 * DAY, hour: 400 * DAY };

/** A timeseries longer than this many buckets is refused (ask for a larger interval). */
export const MAX_ANALYTICS_BUCKETS = 1500;

const PERIOD_MS: Readonly<Record<AnalyticsPeriod, number>> = {
  last5m: 5 * MINUTE,
  last1h: HOUR,
  last24h: DAY,
  last7d: 7 * DAY,
  last30d: 30 * DAY,
};

/** The filter parameters and the dimension each selects on. */
type FilterField = 'projectId' | 'resourceId' | 'productId' | 'clientId' | 'subscriptionId' | 'organizationId';
const FILTERS: ReadonlyArray<[AnalyticsDimension, FilterField]> = [
  ['project', 'projectId'],
  ['resource', 'resourceId'],
  ['product', 'productId'],
  ['client', 'clientId'],
  ['subscription', 'subscriptionId'],
  ['organization', 'organizationId'],
];

/** How one query is answered. */
interface Plan {
  from: number;
  to: number;
  interval: Interval;
  /** The rollup series to read; undefined: read the raw events. */
  series: SeriesDimension | undefined;
  resolution: Resolution;
  values: { min: string; max: string } | undefined;
  /** Only these values of the series (a top-N list's winners). */
  valueIn?: readonly string[];
  events: EventFilter;
}

/** The default bucket size for a window of `span` ms: at most a few hundred buckets. */
function defaultInterval(span: number): Interval {
  if (span <= HOUR) return 'minute';
  if (span <= 7 * DAY) return 'hour';
  if (span <= 92 * DAY) return 'day';
  return 'week';
}

function statusRange(status: string): { min: number; max: number } {
  const base = Number(status[0]) * 100;
  return status.endsWith('xx') ? { min: base, max: base + 99 } : { min: Number(status), max: Number(status) };
}

const days = (ms: number) => `${Math.round(ms / DAY)} days`;

/**
 * The analytics query API: totals, time series and top-N lists over any window and filters.
 * Answers come from the rollups when one stored series holds the query (no filter, or one
 * filter or breakdown on a dimension kept at the needed resolution, plus the server group),
 * otherwise from the raw events, which are kept for a shorter time (`docs/analytics.md`).
 */
export class AnalyticsService {
  private readonly retention: AnalyticsRetention;

  constructor(private readonly context: ServiceContext) {
    this.retention = context.analyticsRetention ?? DEFAULT_ANALYTICS_RETENTION;
  }

  /** Totals over the window. */
  async summary(query: AnalyticsQuery): Promise<AnalyticsSummary> {
    const plan = this.plan(query, undefined);
    const totals = (await this.collect(plan, () => 0)).get(0) ?? emptyAggregate();
    return { ...this.windowOf(plan), totals: figuresOf(totals) };
  }

  /** One entry per bucket of the window, zeros where there were no calls. */
  async timeseries(query: AnalyticsQuery): Promise<AnalyticsTimeseries> {
    const plan = this.plan(query, undefined);
    const byBucket = await this.collect(plan, (at) => bucketStart(plan.interval, at));
    const buckets: AnalyticsTimeseries['buckets'] = [];
    for (let start = plan.from; start < plan.to; start = nextBucket(plan.interval, start)) {
      buckets.push({ start: new Date(start).toISOString(), ...figuresOf(byBucket.get(start) ?? emptyAggregate()) });
    }
    return { ...this.windowOf(plan), buckets };
  }

  /** The values of one dimension with the most calls. */
  async top(query: AnalyticsTopQuery): Promise<AnalyticsTop> {
    const plan = this.plan(query, query.by);
    const limit = query.limit ?? 10;
    const keyOf =
      query.by === 'serverGroup' ? (_at: number, _value: string, group: string) => group : (_at: number, value: string) => value;
    // Ranking by hits needs no sketch: the store ranks, and only the winners' rows are read whole.
    if (plan.series === query.by) plan.valueIn = await this.context.store.analytics.topValues(this.rollupFilter(plan), limit);
    const byValue = await this.collect(plan, keyOf, query.by);
    const items = [...byValue.entries()]
      .map(([value, aggregate]) => ({ value: String(value), ...figuresOf(aggregate) }))
      // Ties by value in code-point order, as the store ranks them.
      .sort((a, b) => b.hits - a.hits || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, limit)
      .map((item) => ({ ...item, value: item.value === '' ? null : item.value }));
    return { ...this.windowOf(plan), by: query.by, items };
  }

  /** Deletes what is older than the retention (traced calls with the raw events); returns the rows deleted. */
  prune(): Promise<PrunedRows> {
    const now = this.context.clock.now().getTime();
    const cutoffs: RetentionCutoffs = {
      raw: now - this.retention.raw,
      minute: now - this.retention.minute,
      hour: now - this.retention.hour,
    };
    return this.context.store.analytics.prune(cutoffs);
  }

  private windowOf(plan: Plan) {
    return {
      from: new Date(plan.from).toISOString(),
      to: new Date(plan.to).toISOString(),
      interval: plan.interval,
      source: plan.series === undefined ? ('events' as const) : ('rollups' as const),
    };
  }

  private plan(query: AnalyticsQuery, breakdown: AnalyticsBreakdown | undefined): Plan {
    const now = this.context.clock.now().getTime();
    const end = query.to === undefined ? now : Date.parse(query.to);
    const start = query.from === undefined ? end - PERIOD_MS[query.period ?? 'last24h'] : Date.parse(query.from);
    if (start >= end) throw invalidField('from', 'must be before to');
    const interval = query.interval ?? defaultInterval(end - start);
    const from = bucketStart(interval, start);
    const to = nextBucket(interval, bucketStart(interval, end - 1));
    const count = Math.round((to - from) / INTERVAL_MS[interval]);
    if (count > MAX_ANALYTICS_BUCKETS) {
      throw invalidField('interval', `gives ${count} buckets over this window; at most ${MAX_ANALYTICS_BUCKETS}: choose a larger interval`);
    }
    const resolution: Resolution = interval === 'minute' ? 'minute' : 'hour';

    const events: EventFilter = { from, to };
    const dimensions = new Set<AnalyticsDimension>();
    let values: Plan['values'];
    if (query.serverGroupId !== undefined) events.serverGroupId = query.serverGroupId;
    for (const [dimension, field] of FILTERS) {
      const value = query[field];
      if (value === undefined) continue;
      events[field] = value;
      dimensions.add(dimension);
      values = { min: value, max: value };
    }
    if (query.status !== undefined) {
      events.status = statusRange(query.status);
      dimensions.add('status');
      values = { min: String(events.status.min), max: String(events.status.max) };
    }
    if (breakdown !== undefined && breakdown !== 'serverGroup') dimensions.add(breakdown);

    const [only] = dimensions;
    const series: SeriesDimension | undefined =
      dimensions.size === 0
        ? 'all'
        : dimensions.size === 1 && SERIES_RESOLUTIONS[only as AnalyticsDimension].includes(resolution)
          ? only
          : undefined;
    const kept = series === undefined ? this.retention.raw : this.retention[resolution];
    // The requested start, not the bucket it is rounded to: `last7d` on raw events kept 7 days is fine.
    if (start < now - kept) {
      const what =
        series === undefined
          ? `this query reads the raw events (its filters and breakdown, ${[...dimensions].join(' + ')}, at this interval are not kept in one rollup series), and they are kept ${days(kept)}`
          : `${resolution} rollups are kept ${days(kept)}`;
      throw invalidField('from', `is too far back: ${what}; start after ${new Date(now - kept).toISOString()}`);
    }
    return { from, to, interval, series, resolution, values: series === undefined ? undefined : values, events };
  }

  /** The rollup rows a plan reads. */
  private rollupFilter(plan: Plan): RollupFilter {
    return {
      resolution: plan.resolution,
      dimension: plan.series ?? 'all',
      from: plan.from,
      to: plan.to,
      ...(plan.events.serverGroupId === undefined ? {} : { serverGroupId: plan.events.serverGroupId }),
      ...(plan.values === undefined ? {} : { values: plan.values }),
      ...(plan.valueIn === undefined ? {} : { valueIn: plan.valueIn }),
    };
  }

  /** Adds the calls of the window into one aggregate per key. */
  private async collect(
    plan: Plan,
    keyOf: (at: number, value: string, serverGroupId: string) => string | number,
    breakdown?: AnalyticsBreakdown,
  ): Promise<Map<string | number, Aggregate>> {
    const groups = new Map<string | number, Aggregate>();
    const groupOf = (key: string | number) => {
      let aggregate = groups.get(key);
      if (aggregate === undefined) {
        aggregate = emptyAggregate();
        groups.set(key, aggregate);
      }
      return aggregate;
    };
    const { analytics } = this.context.store;
    if (plan.series !== undefined) {
      for await (const row of analytics.rollups(this.rollupFilter(plan))) {
        addRow(groupOf(keyOf(row.bucketStart, row.value, row.serverGroupId)), row);
      }
    } else {
      for await (const event of analytics.events(plan.events)) {
        const value = breakdown === undefined || breakdown === 'serverGroup' ? '' : (dimensionValue(event, breakdown) ?? '');
        addEvent(groupOf(keyOf(event.receivedAt, value, event.serverGroupId)), event);
      }
    }
    return groups;
  }
}

/** The start of the bucket after the one starting at `start`. */
function nextBucket(interval: Interval, start: number): number {
  return start + INTERVAL_MS[interval];
}
