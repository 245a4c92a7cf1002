import type { ReactNode } from 'react';
import { formatBucket, type Interval, niceTicks } from './scale';
import { useWidth } from './use-width';

/** Where a chart draws: the plot area and its scales, in pixels. */
export interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The width of one bucket. */
  band: number;
  /** The centre of bucket `index`. */
  x(index: number): number;
  /** The height of `value` (0 at the bottom). */
  y(value: number): number;
}

const HEIGHT = 200;
const MARGIN = { left: 56, right: 12, top: 10, bottom: 26 };
/** Room one time label needs, so labels never overlap. */
const LABEL_WIDTH = 84;

/**
 * A time chart's frame: the axes, grid and time labels, one hover target per bucket with its
 * figures as a tooltip, and the series drawn by `children` on the plot it is given.
 */
export function ChartFrame({
  title,
  times,
  interval,
  max,
  formatValue,
  tooltip,
  children,
}: {
  title: string;
  times: ReadonlyArray<string>;
  interval: Interval;
  max: number;
  formatValue: (value: number) => string;
  tooltip: (index: number) => string;
  children: (plot: Plot) => ReactNode;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const ticks = niceTicks(max);
  const top = ticks.at(-1) ?? 1;
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const band = plotWidth / Math.max(1, times.length);
  const plot: Plot = {
    left: MARGIN.left,
    right: MARGIN.left + plotWidth,
    top: MARGIN.top,
    bottom: HEIGHT - MARGIN.bottom,
    band,
    x: (index) => MARGIN.left + band * (index + 0.5),
    y: (value) => HEIGHT - MARGIN.bottom - (value / top) * (HEIGHT - MARGIN.top - MARGIN.bottom),
  };
  const first = times[0];
  const last = times.at(-1);
  const spansDays = first !== undefined && last !== undefined && new Date(first).toDateString() !== new Date(last).toDateString();
  const every = Math.max(1, Math.ceil(times.length / Math.max(1, Math.floor(plotWidth / LABEL_WIDTH))));

  return (
    <div ref={ref} className="chart">
      <svg width={width} height={HEIGHT} role="img" aria-label={title}>
        <title>{title}</title>
        {ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={plot.left} x2={plot.right} y1={plot.y(tick)} y2={plot.y(tick)} />
            <text x={plot.left - 6} y={plot.y(tick)} dy="0.32em" textAnchor="end">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {children(plot)}
        {times.map((time, index) =>
          index % every === 0 ? (
            <text key={time} className="chart-time" x={plot.x(index)} y={HEIGHT - 8} textAnchor="middle">
              {formatBucket(time, interval, spansDays)}
            </text>
          ) : null,
        )}
        {times.map((time, index) => (
          <rect key={time} className="chart-hover" x={plot.left + band * index} y={plot.top} width={band} height={plot.bottom - plot.top}>
            <title>{`${formatBucket(time, interval, spansDays)}\n${tooltip(index)}`}</title>
          </rect>
        ))}
      </svg>
    </div>
  );
}
