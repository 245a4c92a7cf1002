import { type Static, type TSchema, Type } from 'typebox';
import { ANALYTICS_DIMENSIONS } from '../analytics/dimensions.js';
import { IdSchema } from './common.js';

/** Named periods: the window ends now. */
export const ANALYTICS_PERIODS = ['last5m', 'last1h', 'last24h', 'last7d', 'last30d'] as const;
export type AnalyticsPeriod = (typeof ANALYTICS_PERIODS)[number];

const INTERVALS = ['minute', 'hour', 'day', 'week'] as const;

/** The filters and the window every analytics query takes, as query parameters. */
const queryFields = {
  period: Type.Optional(
    Type.Enum(ANALYTICS_PERIODS, { description: 'A window ending now; default `last24h`. Ignored when `from` is given.' }),
  ),
  from: Type.Optional(
    Type.String({ format: 'date-time', description: 'Window start (ISO 8601); rounded down to the start of its bucket.' }),
  ),
  to: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'Window end (ISO 8601, exclusive; default now); rounded up to the end of its bucket.',
    }),
  ),
  interval: Type.Optional(
    Type.Enum(INTERVALS, { description: 'Bucket size (UTC; weeks start on Monday). Default: by the window length.' }),
  ),
  serverGroupId: Type.Optional(IdSchema),
  projectId: Type.Optional(IdSchema),
  resourceId: Type.Optional(IdSchema),
  productId: Type.Optional(IdSchema),
  clientId: Type.Optional(IdSchema),
  subscriptionId: Type.Optional(IdSchema),
  organizationId: Type.Optional(IdSchema),
  status: Type.Optional(Type.String({ pattern: '^[1-5]([0-9][0-9]|xx)$', description: 'A status code (`404`) or class (`4xx`).' })),
  format: Type.Optional(Type.Enum(['json', 'csv'], { description: 'Answer as JSON (default) or as a CSV download.' })),
};

/** `GET /api/v1/analytics/summary` and `/timeseries`. */
export const AnalyticsQuerySchema = Type.Object(queryFields, { additionalProperties: false });
export type AnalyticsQuery = Static<typeof AnalyticsQuerySchema>;

/** What a top-N list can be broken down by. */
export const ANALYTICS_BREAKDOWNS = [...ANALYTICS_DIMENSIONS, 'serverGroup'] as const;
export type AnalyticsBreakdown = (typeof ANALYTICS_BREAKDOWNS)[number];

/** `GET /api/v1/analytics/top`. */
export const AnalyticsTopQuerySchema = Type.Object(
  {
    ...queryFields,
    by: Type.Enum(ANALYTICS_BREAKDOWNS, { description: 'The dimension to rank.' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'How many values; default 10.' })),
  },
  { additionalProperties: false },
);
export type AnalyticsTopQuery = Static<typeof AnalyticsTopQuerySchema>;

const LatencySchema = Type.Object(
  { avg: Type.Number(), p50: Type.Number(), p95: Type.Number(), p99: Type.Number() },
  { description: 'Milliseconds; percentiles within 1 % of the true value.' },
);

const figures = {
  hits: Type.Integer(),
  errors4xx: Type.Integer(),
  errors5xx: Type.Integer(),
  errorRate: Type.Number({ description: '(4xx + 5xx) / hits; 0 without hits.' }),
  latency: LatencySchema,
  backendLatency: LatencySchema,
  bytesIn: Type.Integer(),
  bytesOut: Type.Integer(),
};

/** The window a query covered, after rounding to whole buckets. */
const WindowFields = {
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  interval: Type.Enum(INTERVALS, { description: 'The bucket size used.' }),
  source: Type.Enum(['rollups', 'events'], {
    description: 'Where the figures came from: the rollups, or the raw events (filter combinations rollups do not hold).',
  }),
};

const object = <T extends Record<string, TSchema>>(fields: T) => Type.Object(fields, { additionalProperties: false });

export const AnalyticsSummarySchema = object({ ...WindowFields, totals: object(figures) });
export type AnalyticsSummary = Static<typeof AnalyticsSummarySchema>;

export const AnalyticsTimeseriesSchema = object({
  ...WindowFields,
  buckets: Type.Array(object({ start: Type.String({ format: 'date-time' }), ...figures }), {
    description: 'Every bucket of the window, oldest first; buckets without calls are all zeros.',
  }),
});
export type AnalyticsTimeseries = Static<typeof AnalyticsTimeseriesSchema>;

export const AnalyticsTopSchema = object({
  ...WindowFields,
  by: Type.Enum(ANALYTICS_BREAKDOWNS, { description: 'The dimension ranked.' }),
  items: Type.Array(
    object({
      value: Type.Union([Type.String(), Type.Null()], { description: 'null: calls without one (no project, no key).' }),
      ...figures,
    }),
    { description: 'By hits, most first (ties by value).' },
  ),
});
export type AnalyticsTop = Static<typeof AnalyticsTopSchema>;
