import type { AnalyticsEvent } from '../ports/analytics.js';

/** The dimensions analytics can filter on and break down by (besides the server group, which every row carries). */
export const ANALYTICS_DIMENSIONS = ['project', 'resource', 'product', 'client', 'subscription', 'organization', 'status', 'node'] as const;
export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number];

/** A rollup's series: all calls of a server group (`all`), or those with one value of one dimension. */
export type SeriesDimension = AnalyticsDimension | 'all';

/** Bucket sizes rollups are stored at. */
export type Resolution = 'minute' | 'hour';

/**
 * The resolutions each series is kept at. Clients, subscriptions and organizations are many and
 * their traffic is sparse: per-minute series of them would hold about one row per call (as many
 * as the raw events), so they are kept per hour only; minute-interval queries on them read the
 * raw events.
 */
export const SERIES_RESOLUTIONS: Readonly<Record<SeriesDimension, readonly Resolution[]>> = {
  all: ['minute', 'hour'],
  project: ['minute', 'hour'],
  resource: ['minute', 'hour'],
  product: ['minute', 'hour'],
  status: ['minute', 'hour'],
  node: ['minute', 'hour'],
  client: ['hour'],
  subscription: ['hour'],
  organization: ['hour'],
};

/** The series kept at a resolution. */
export const SERIES_AT: Readonly<Record<Resolution, readonly SeriesDimension[]>> = {
  minute: (Object.keys(SERIES_RESOLUTIONS) as SeriesDimension[]).filter((d) => SERIES_RESOLUTIONS[d].includes('minute')),
  hour: Object.keys(SERIES_RESOLUTIONS) as SeriesDimension[],
};

/** An event's value of a dimension; null where the call never got that far (no project, no key). */
export function dimensionValue(event: AnalyticsEvent, dimension: SeriesDimension): string | null {
  switch (dimension) {
    case 'all':
      return '';
    case 'project':
      return event.projectId;
    case 'resource':
      return event.resourceId;
    case 'product':
      return event.productId;
    case 'client':
      return event.clientId;
    case 'subscription':
      return event.subscriptionId;
    case 'organization':
      return event.organizationId;
    case 'status':
      return String(event.status);
    case 'node':
      return event.nodeId;
  }
}

/** Time buckets of queries: the two stored resolutions plus days and ISO weeks (from Monday), all in UTC. */
export type Interval = 'minute' | 'hour' | 'day' | 'week';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** 1970-01-05, the first Monday after the epoch. */
const FIRST_MONDAY = 4 * DAY;

/** Length of an interval's bucket, ms. */
export const INTERVAL_MS: Readonly<Record<Interval, number>> = { minute: MINUTE, hour: HOUR, day: DAY, week: WEEK };

/** The start (epoch ms, UTC) of the bucket holding `at`. */
export function bucketStart(interval: Interval, at: number): number {
  if (interval === 'week') return Math.floor((at - FIRST_MONDAY) / WEEK) * WEEK + FIRST_MONDAY;
  const size = INTERVAL_MS[interval];
  return Math.floor(at / size) * size;
}
