/** Tables and verdicts of the analytics query bench, as printed and quoted in docs/benchmarks.md. */
import { fmt } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';

/** Issue 5: a 30-day hourly series with one filter over 10 million calls in ≤ 200 ms on SQLite. */
export const TARGET_MS = 200;

/** @param {Awaited<ReturnType<typeof import('./main.mjs').runAnalyticsBench>>} result */
export function analyticsReport(result) {
  const table = markdownTable(
    ['query', 'API ms (median)', 'API ms (p95)', 'SQL floor ms', 'API / SQL floor', 'hits in the answer'],
    result.results.map((r) => [r.label, fmt(r.apiMs, 1), fmt(r.apiP95Ms, 1), fmt(r.sqlMs, 1), fmt(r.apiMs / r.sqlMs, 1), fmt(r.hits)]),
  );
  const setup = markdownTable(
    ['generated', 'value'],
    [
      ['calls', fmt(result.events)],
      ['rollup rows written', fmt(result.generated.rows)],
      ['generation (node rollup code + store writes)', `${fmt(result.generated.seconds, 1)} s`],
      ['SQLite file', `${fmt(result.fileMiB, 1)} MiB`],
    ],
  );
  const target = result.results.find((r) => r.id === 'product');
  const targets = markdownTable(
    ['target', 'measured', 'verdict'],
    [
      [
        `30-day hourly series, one filter, ${fmt(result.events)} calls, ≤ ${TARGET_MS} ms on SQLite`,
        `${fmt(target?.apiMs ?? Number.NaN, 1)} ms (p95 ${fmt(target?.apiP95Ms ?? Number.NaN, 1)} ms)`,
        (target?.apiP95Ms ?? Number.POSITIVE_INFINITY) <= TARGET_MS ? 'met' : 'NOT met',
      ],
    ],
  );
  return { setup, table, targets };
}
