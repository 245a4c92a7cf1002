import { ChartFrame, type Plot } from './chart-frame';
import { Legend, type SeriesChartProps } from './legend';

/** The path of one series; a null value breaks the line (no calls: no latency to draw). */
function linePath(values: ReadonlyArray<number | null>, plot: Plot): string {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${plot.x(index).toFixed(1)},${plot.y(value).toFixed(1)}`;
    drawing = true;
  });
  return path;
}

/** The area under a series that has a value in every bucket. */
function areaPath(values: ReadonlyArray<number | null>, plot: Plot): string {
  const line = linePath(values, plot);
  if (line === '' || values.length === 0) return '';
  return `${line}L${plot.x(values.length - 1).toFixed(1)},${plot.bottom}L${plot.x(0).toFixed(1)},${plot.bottom}Z`;
}

/**
 * Series over time as lines (with the area filled when there is one series, as for hits); a
 * single bucket shows as a dot, which a line of one point would not.
 */
export function LineChart({ title, times, interval, series, formatValue }: SeriesChartProps) {
  const max = Math.max(0, ...series.flatMap((item) => item.values.filter((value): value is number => value !== null)));
  const area = series.length === 1;
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      <ChartFrame
        title={title}
        times={times}
        interval={interval}
        max={max}
        formatValue={formatValue}
        tooltip={(index) =>
          series.map((item) => `${item.label}: ${item.values[index] == null ? '–' : formatValue(item.values[index] ?? 0)}`).join('\n')
        }
      >
        {(plot) =>
          series.map((item) => (
            <g key={item.label}>
              {area && <path d={areaPath(item.values, plot)} fill={item.color} fillOpacity={0.15} stroke="none" />}
              <path d={linePath(item.values, plot)} fill="none" stroke={item.color} strokeWidth={2} strokeLinejoin="round" />
              {item.values.map((value, index) =>
                value !== null && item.values[index - 1] == null && item.values[index + 1] == null ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional; the index is their identity.
                  <circle key={index} cx={plot.x(index)} cy={plot.y(value)} r={3} fill={item.color} />
                ) : null,
              )}
            </g>
          ))
        }
      </ChartFrame>
      {series.length > 1 && <Legend series={series} />}
    </figure>
  );
}
