import type { Figures } from './analytics-query';
import { formatMs, formatShare, formatWhole } from './scale';

/** The totals of a window: calls, errors by class, and end-to-end latency. */
export function SummaryFigures({ totals }: { totals: Figures }) {
  const share = (count: number) => (totals.hits === 0 ? '' : formatShare(count / totals.hits));
  const figures: Array<{ label: string; value: string; note?: string }> = [
    { label: 'Hits', value: formatWhole(totals.hits) },
    { label: '4xx', value: formatWhole(totals.errors4xx), note: share(totals.errors4xx) },
    { label: '5xx', value: formatWhole(totals.errors5xx), note: share(totals.errors5xx) },
    { label: 'Latency avg', value: formatMs(totals.latency.avg) },
    { label: 'p50', value: formatMs(totals.latency.p50) },
    { label: 'p95', value: formatMs(totals.latency.p95) },
    { label: 'p99', value: formatMs(totals.latency.p99) },
  ];
  return (
    <dl className="figures" aria-label="Totals">
      {figures.map((figure) => (
        <div key={figure.label} className="figure">
          <dt>{figure.label}</dt>
          <dd>
            {figure.value}
            {figure.note !== undefined && figure.note !== '' && <span className="muted"> {figure.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
