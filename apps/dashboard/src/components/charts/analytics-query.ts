import { type Answer, type operations, unwrap } from '@tollgate/api-client';
import { api } from '../../api';
import type { Interval } from './scale';

/** The window and filters every analytics route takes. */
export type AnalyticsQuery = NonNullable<operations['getAnalyticsSummary']['parameters']['query']>;
/** A window ending now. */
export type Period = NonNullable<AnalyticsQuery['period']>;
/** A dimension a top-N list ranks. */
export type TopDimension = operations['getAnalyticsTop']['parameters']['query']['by'];

export type Summary = Answer<'getAnalyticsSummary'>;
export type Timeseries = Answer<'getAnalyticsTimeseries'>;
export type Top = Answer<'getAnalyticsTop'>;
/** The figures every answer carries for a set of calls. */
export type Figures = Summary['totals'];

/** The periods of the picker, shortest first. */
export const PERIODS: ReadonlyArray<{ id: Period; label: string }> = [
  { id: 'last5m', label: 'Last 5 minutes' },
  { id: 'last1h', label: 'Last hour' },
  { id: 'last24h', label: 'Last 24 hours' },
  { id: 'last7d', label: 'Last 7 days' },
  { id: 'last30d', label: 'Last 30 days' },
];
/** The API's default; by hour, so every entity is answered from the rollups. */
export const DEFAULT_PERIOD: Period = 'last24h';

/** `auto` leaves the bucket size to the API (by the window's length). */
export type IntervalChoice = Interval | 'auto';
export const INTERVALS: ReadonlyArray<{ id: IntervalChoice; label: string }> = [
  { id: 'auto', label: 'Automatic' },
  { id: 'minute', label: 'Minute' },
  { id: 'hour', label: 'Hour' },
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
];

/** The top lists of the panel, by what an operator asks first: which statuses, which APIs, who. */
export const TOP_DIMENSIONS: ReadonlyArray<{ by: TopDimension; label: string; column: string }> = [
  { by: 'status', label: 'Status codes', column: 'Status' },
  { by: 'project', label: 'API projects', column: 'Project' },
  { by: 'product', label: 'Products', column: 'Product' },
  { by: 'client', label: 'Clients', column: 'Client' },
];

/** Everything the panel shows, from one round of calls. */
export interface AnalyticsView {
  summary: Summary;
  series: Timeseries;
  tops: Top[];
}

/** Reads the summary, the time series and each top list of one query, in parallel. */
export async function loadAnalytics(query: AnalyticsQuery, dimensions: ReadonlyArray<TopDimension>): Promise<AnalyticsView> {
  const [summary, series, tops] = await Promise.all([
    unwrap(api.GET('/api/v1/analytics/summary', { params: { query } })),
    unwrap(api.GET('/api/v1/analytics/timeseries', { params: { query } })),
    Promise.all(dimensions.map((by) => unwrap(api.GET('/api/v1/analytics/top', { params: { query: { ...query, by } } })))),
  ]);
  return { summary, series, tops };
}

/** The time series of a query as the API's CSV (`format=csv`). */
export function timeseriesCsv(query: AnalyticsQuery): Promise<Blob> {
  return unwrap(api.GET('/api/v1/analytics/timeseries', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' }));
}

/** A top list of a query as the API's CSV. */
export function topCsv(query: AnalyticsQuery, by: TopDimension): Promise<Blob> {
  return unwrap(api.GET('/api/v1/analytics/top', { params: { query: { ...query, by, format: 'csv' } }, parseAs: 'blob' }));
}
