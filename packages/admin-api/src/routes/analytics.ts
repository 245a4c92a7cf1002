import {
  type AnalyticsFigures,
  type AnalyticsQuery,
  AnalyticsQuerySchema,
  AnalyticsSummarySchema,
  AnalyticsTimeseriesSchema,
  type AnalyticsTopQuery,
  AnalyticsTopQuerySchema,
  AnalyticsTopSchema,
  type Services,
} from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { BEARER, ERROR_RESPONSES, sendCsv } from './common.js';

/** The CSV columns of a set of figures, after the row's key column. */
const FIGURE_COLUMNS = [
  'hits',
  'errors4xx',
  'errors5xx',
  'errorRate',
  'latencyAvg',
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'backendLatencyAvg',
  'backendLatencyP50',
  'backendLatencyP95',
  'backendLatencyP99',
  'bytesIn',
  'bytesOut',
];

function figureCells(f: AnalyticsFigures): Array<number> {
  const { latency: l, backendLatency: b } = f;
  return [f.hits, f.errors4xx, f.errors5xx, f.errorRate, l.avg, l.p50, l.p95, l.p99, b.avg, b.p50, b.p95, b.p99, f.bytesIn, f.bytesOut];
}

const TAGS = ['Analytics'];
const WINDOW_NOTE =
  'The window is `period` (ending at `to`, default now) or `from`–`to`, rounded out to whole buckets of `interval` (UTC). ' +
  'Filters combine with AND. `format=csv` answers the same figures as a CSV download.';

/** The analytics query API: summary, time series and top-N, each as JSON or CSV. */
export function registerAnalyticsRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/analytics/summary',
    {
      config: { permission: 'VIEW_ANALYTICS' },
      schema: {
        tags: TAGS,
        summary: 'Totals over a window: hits, errors, latency percentiles, bytes',
        description: WINDOW_NOTE,
        operationId: 'getAnalyticsSummary',
        security: BEARER,
        querystring: AnalyticsQuerySchema,
        response: { 200: AnalyticsSummarySchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const query = request.query as AnalyticsQuery;
      const summary = await services.analytics.summary(query);
      if (query.format !== 'csv') return summary;
      return sendCsv(
        reply,
        'analytics-summary',
        ['from', 'to', ...FIGURE_COLUMNS],
        [[summary.from, summary.to, ...figureCells(summary.totals)]],
      );
    },
  );

  app.get(
    '/analytics/timeseries',
    {
      config: { permission: 'VIEW_ANALYTICS' },
      schema: {
        tags: TAGS,
        summary: 'The same figures per time bucket, every bucket of the window present (zeros without calls)',
        description: WINDOW_NOTE,
        operationId: 'getAnalyticsTimeseries',
        security: BEARER,
        querystring: AnalyticsQuerySchema,
        response: { 200: AnalyticsTimeseriesSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const query = request.query as AnalyticsQuery;
      const series = await services.analytics.timeseries(query);
      if (query.format !== 'csv') return series;
      return sendCsv(
        reply,
        'analytics-timeseries',
        ['start', ...FIGURE_COLUMNS],
        series.buckets.map((bucket) => [bucket.start, ...figureCells(bucket)]),
      );
    },
  );

  app.get(
    '/analytics/top',
    {
      config: { permission: 'VIEW_ANALYTICS' },
      schema: {
        tags: TAGS,
        summary: 'The values of one dimension with the most calls, with their figures',
        description: `${WINDOW_NOTE} \`by\` names the dimension; \`limit\` (1–100, default 10) how many values.`,
        operationId: 'getAnalyticsTop',
        security: BEARER,
        querystring: AnalyticsTopQuerySchema,
        response: { 200: AnalyticsTopSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const query = request.query as AnalyticsTopQuery;
      const top = await services.analytics.top(query);
      if (query.format !== 'csv') return top;
      return sendCsv(
        reply,
        `analytics-top-${query.by}`,
        [query.by, ...FIGURE_COLUMNS],
        top.items.map((item) => [item.value ?? '', ...figureCells(item)]),
      );
    },
  );
}
