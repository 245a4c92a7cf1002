import { ChartFrame } from './chart-frame';
import { Legend, type SeriesChartProps } from './legend';

/** Series over time as stacked bars, first series at the bottom: the parts of a whole per bucket. */
export function StackedBarChart({ title, times, interval, series, formatValue }: SeriesChartProps) {
  const totals = times.map((_, index) => series.reduce((sum, item) => sum + (item.values[index] ?? 0), 0));
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      <ChartFrame
        title={title}
        times={times}
        interval={interval}
        max={Math.max(0, ...totals)}
        formatValue={formatValue}
        tooltip={(index) => series.map((item) => `${item.label}: ${formatValue(item.values[index] ?? 0)}`).join('\n')}
      >
        {(plot) => {
          // A gap between bars while they are wide enough to spare one.
          const width = Math.max(1, plot.band > 4 ? plot.band * 0.8 : plot.band);
          return times.map((time, index) => {
            let base = 0;
            return (
              <g key={time}>
                {series.map((item) => {
                  const value = item.values[index] ?? 0;
                  const from = base;
                  base += value;
                  if (value === 0) return null;
                  return (
                    <rect
                      key={item.label}
                      x={plot.x(index) - width / 2}
                      y={plot.y(base)}
                      width={width}
                      height={Math.max(0.5, plot.y(from) - plot.y(base))}
                      fill={item.color}
                    />
                  );
                })}
              </g>
            );
          });
        }}
      </ChartFrame>
      <Legend series={series} />
    </figure>
  );
}
