import type { Interval } from './scale';

/** One line, area or bar series of a chart. */
export interface Series {
  label: string;
  color: string;
  /** One value per bucket; null where there is nothing to show (a latency without calls). */
  values: ReadonlyArray<number | null>;
}

/** What every time chart of series takes: its title, the buckets' starts, and one value per bucket in each series. */
export interface SeriesChartProps {
  title: string;
  times: ReadonlyArray<string>;
  interval: Interval;
  series: ReadonlyArray<Series>;
  formatValue: (value: number) => string;
}

/** The colour key of a chart's series. */
export function Legend({ series }: { series: ReadonlyArray<Series> }) {
  return (
    <ul className="chart-legend">
      {series.map((item) => (
        <li key={item.label}>
          <span className="swatch" style={{ background: item.color }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
