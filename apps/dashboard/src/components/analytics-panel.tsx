import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useServerGroup } from '../shell/server-group';
import {
  type AnalyticsQuery,
  type AnalyticsView,
  DEFAULT_PERIOD,
  INTERVALS,
  loadAnalytics,
  PERIODS,
  TOP_DIMENSIONS,
  type TopDimension,
  timeseriesCsv,
  topCsv,
} from './charts/analytics-query';
import { SummaryFigures } from './charts/summary-figures';
import { TopTable } from './charts/top-table';
import { TrafficCharts } from './charts/traffic-charts';
import { CsvExportButton } from './csv-export';
import { Field } from './field';
import { ProblemBanner, useProblem } from './problem';

/** What an Analytics tab narrows the charts to (with the chosen server group). */
export interface AnalyticsFilter {
  projectId?: string;
  productId?: string;
  clientId?: string;
  subscriptionId?: string;
  organizationId?: string;
}

/** The top list each filter makes pointless: ranking the one value it keeps. */
const DIMENSION_OF: Record<keyof AnalyticsFilter, TopDimension> = {
  projectId: 'project',
  productId: 'product',
  clientId: 'client',
  subscriptionId: 'subscription',
  organizationId: 'organization',
};

/** Calls show up within seconds; an open panel reads again by itself this often. */
const REFRESH_MS = 30_000;

/**
 * The charts of one entity's Analytics tab (and of the Analytics section): totals, hits, status
 * classes and latency percentiles over time, and top lists, for the chosen server group and
 * `filter`. Period and interval are query parameters, so a deep link keeps them.
 */
export function AnalyticsPanel({ filter }: { filter: AnalyticsFilter }) {
  const [group] = useServerGroup();
  const [params, setParams] = useSearchParams();
  const period = PERIODS.find((item) => item.id === params.get('period'))?.id ?? DEFAULT_PERIOD;
  const interval = INTERVALS.find((item) => item.id === params.get('interval'))?.id ?? 'auto';
  const { projectId, productId, clientId, subscriptionId, organizationId } = filter;
  const query = useMemo<AnalyticsQuery>(
    () => ({
      projectId,
      productId,
      clientId,
      subscriptionId,
      organizationId,
      serverGroupId: group,
      period,
      interval: interval === 'auto' ? undefined : interval,
    }),
    [projectId, productId, clientId, subscriptionId, organizationId, group, period, interval],
  );
  const dimensions = useMemo(() => {
    const narrowed = (Object.keys(DIMENSION_OF) as Array<keyof AnalyticsFilter>)
      .filter((key) => query[key] !== undefined)
      .map((key) => DIMENSION_OF[key]);
    return TOP_DIMENSIONS.filter((item) => !narrowed.includes(item.by));
  }, [query]);

  const [view, setView] = useState<AnalyticsView | undefined>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const problem = useProblem();
  const show = problem.show;

  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && setRound((count) => count + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is Refresh and the timer: the same query read again.
  useEffect(() => {
    let current = true;
    setLoading(true);
    loadAnalytics(
      query,
      dimensions.map((item) => item.by),
    ).then(
      (answer) => {
        if (!current) return;
        setView(answer);
        show(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        // Figures of another query would be misread as this one's.
        setView(undefined);
        show(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [query, dimensions, round, show]);

  const choose = (name: 'period' | 'interval', value: string, fallback: string) =>
    setParams(
      (currentParams) => {
        const next = new URLSearchParams(currentParams);
        if (value === fallback) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  const periodLabel = PERIODS.find((item) => item.id === period)?.label ?? period;

  return (
    <section className="analytics" aria-busy={loading} aria-label="Analytics">
      <form className="analytics-controls" aria-label="Analytics window" onSubmit={(event) => event.preventDefault()}>
        <Field label="Period" error={problem.field('from') ?? problem.field('query.period')}>
          <select name="period" value={period} onChange={(event) => choose('period', event.target.value, DEFAULT_PERIOD)}>
            {PERIODS.map((item) => (
              <option key={item.id} value={item.id}>
                {item.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Interval" error={problem.field('interval') ?? problem.field('query.interval')}>
          <select name="interval" value={interval} onChange={(event) => choose('interval', event.target.value, 'auto')}>
            {INTERVALS.map((item) => (
              <option key={item.id} value={item.id}>
                {item.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="analytics-actions">
          <button type="button" className="secondary" onClick={() => setRound((count) => count + 1)}>
            Refresh
          </button>
          <CsvExportButton fetchCsv={() => timeseriesCsv(query)} filename="analytics-timeseries.csv" />
        </div>
      </form>
      <ProblemBanner problem={problem} />
      {view === undefined ? (
        problem.message === undefined && <p className="muted">Loading analytics…</p>
      ) : (
        <>
          <p className="muted analytics-scope">
            Server group {group} · {periodLabel} · by {view.series.interval}
            {view.summary.source === 'events' && ' · from raw events'}
          </p>
          {view.summary.totals.hits === 0 ? (
            <div className="empty">
              No calls in this period. Calls through the gateway appear here within seconds; try a longer period, or another server group.
            </div>
          ) : (
            <>
              <SummaryFigures totals={view.summary.totals} />
              <TrafficCharts series={view.series} />
              <div className="top-lists">
                {view.tops.map((top) => {
                  const dimension = dimensions.find((item) => item.by === top.by);
                  return (
                    <TopTable
                      key={top.by}
                      title={dimension?.label ?? top.by}
                      column={dimension?.column ?? top.by}
                      top={top}
                      csv={() => topCsv(query, top.by)}
                    />
                  );
                })}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
