import { CsvExportButton } from '../csv-export';
import type { Top } from './analytics-query';
import { formatMs, formatWhole } from './scale';

/** What a null value stands for, by dimension: the calls the gateway could not attribute. */
function noValue(by: Top['by']): string {
  if (by === 'project' || by === 'resource') return '(no project matched)';
  return '(no key recognised)';
}

/**
 * One top-N list: values by hits with their errors and latency. An empty list answered from raw
 * events says why: those exist only when the gateways record them.
 */
export function TopTable({ title, column, top, csv }: { title: string; column: string; top: Top; csv: () => Promise<Blob> }) {
  const most = Math.max(1, ...top.items.map((item) => item.hits));
  return (
    <section className="top-list" aria-label={title}>
      <header className="top-header">
        <h3>{title}</h3>
        <CsvExportButton fetchCsv={csv} filename={`analytics-top-${top.by}.csv`} label="CSV" />
      </header>
      {top.items.length === 0 ? (
        <p className="muted">
          {top.source === 'events'
            ? 'This breakdown is answered from raw events, which gateways record only with --analytics full.'
            : 'No calls in this period.'}
        </p>
      ) : (
        <table className="figures-table">
          <thead>
            <tr>
              <th>{column}</th>
              <th className="number">Hits</th>
              <th className="number">4xx</th>
              <th className="number">5xx</th>
              <th className="number">p95</th>
            </tr>
          </thead>
          <tbody>
            {top.items.map((item) => (
              <tr key={item.value ?? ''}>
                <td className="value">
                  <span className="share" style={{ width: `${(item.hits / most) * 100}%` }} />
                  <span className="share-label">{item.value ?? noValue(top.by)}</span>
                </td>
                <td className="number">{formatWhole(item.hits)}</td>
                <td className="number">{formatWhole(item.errors4xx)}</td>
                <td className="number">{formatWhole(item.errors5xx)}</td>
                <td className="number">{formatMs(item.latency.p95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
