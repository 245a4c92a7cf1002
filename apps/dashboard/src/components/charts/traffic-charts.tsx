import type { Timeseries } from './analytics-query';
import { LineChart } from './line-chart';
import { formatCount, formatMs } from './scale';
import { StackedBarChart } from './stacked-bar-chart';

/** Colours of the status classes: calm for answered calls, warm for client errors, red for failures. */
const COLORS = { hits: '#2456c5', ok: '#12b76a', client: '#f79009', server: '#d92d20', p50: '#2456c5', p95: '#7a5af8', p99: '#d92d20' };

/** The charts of a time series: hits, status classes and latency percentiles per bucket. */
export function TrafficCharts({ series }: { series: Timeseries }) {
  const times = series.buckets.map((bucket) => bucket.start);
  // A bucket without calls has no latency: a gap, not a drop to zero.
  const latency = (pick: (bucket: Timeseries['buckets'][number]) => number) =>
    series.buckets.map((bucket) => (bucket.hits === 0 ? null : pick(bucket)));
  return (
    <div className="charts">
      <LineChart
        title="Hits"
        times={times}
        interval={series.interval}
        formatValue={formatCount}
        series={[{ label: 'Hits', color: COLORS.hits, values: series.buckets.map((bucket) => bucket.hits) }]}
      />
      <StackedBarChart
        title="Status classes"
        times={times}
        interval={series.interval}
        formatValue={formatCount}
        series={[
          {
            label: '1xx–3xx',
            color: COLORS.ok,
            values: series.buckets.map((bucket) => bucket.hits - bucket.errors4xx - bucket.errors5xx),
          },
          { label: '4xx', color: COLORS.client, values: series.buckets.map((bucket) => bucket.errors4xx) },
          { label: '5xx', color: COLORS.server, values: series.buckets.map((bucket) => bucket.errors5xx) },
        ]}
      />
      <LineChart
        title="Latency percentiles"
        times={times}
        interval={series.interval}
        formatValue={formatMs}
        series={[
          { label: 'p50', color: COLORS.p50, values: latency((bucket) => bucket.latency.p50) },
          { label: 'p95', color: COLORS.p95, values: latency((bucket) => bucket.latency.p95) },
          { label: 'p99', color: COLORS.p99, values: latency((bucket) => bucket.latency.p99) },
        ]}
      />
    </div>
  );
}
