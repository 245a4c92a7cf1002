/**
 * The analytics query benchmark (issue 5): a 30-day time series by hour with one filter, over
 * the rollups of 10 million generated calls (analytics/generate.mjs), answered by the real
 * management server (`tollgate start` on the generated SQLite store) over HTTP.
 *
 * Baseline, in the same run on the same file: the cheapest SQL that reads the same rows
 * (better-sqlite3, one `sum … group by bucket_start` over the series' index range). The API
 * additionally decodes and merges every row's latency sketches, computes percentiles, fills
 * empty buckets and serialises JSON; the ratio prices that.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess, stopProcess } from '../lib/processes.mjs';
import { median } from '../lib/stats.mjs';
import { generateRollups } from './generate.mjs';

const CLI = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url));
const Database = createRequire(new URL('../../packages/storage/package.json', import.meta.url))('better-sqlite3');
const TOKEN = 'bench-analytics-token';

/** The queries timed: the issue's (hourly, one filter) first, then other shapes an operator asks for. */
const QUERIES = [
  {
    id: 'product',
    label: 'timeseries, 30 days by hour, productId filter (the target)',
    path: 'timeseries',
    filter: ['product', 'p7', 'productId'],
  },
  { id: 'client', label: 'timeseries, 30 days by hour, clientId filter', path: 'timeseries', filter: ['client', 'c42', 'clientId'] },
  { id: 'all', label: 'timeseries, 30 days by hour, no filter', path: 'timeseries', filter: ['all', '', undefined] },
  { id: 'summary', label: 'summary, 30 days, organizationId filter', path: 'summary', filter: ['organization', 'o3', 'organizationId'] },
  { id: 'top', label: 'top 10 clients, 30 days', path: 'top', filter: ['client', undefined, undefined], by: 'client' },
];

const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];

/**
 * @param {{ events: number, days: number, repeats: number, log: (line: string) => void }} options
 */
export async function runAnalyticsBench({ events, days, repeats, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-analytics-bench-'));
  try {
    const dataDir = join(dir, 'data');
    log(`analytics: generating ${events.toLocaleString('en-US')} calls over ${days} days into rollups`);
    const generated = await generateRollups({ dataDir, events, days, log });
    const file = join(dataDir, 'tollgate.db');
    const fileMiB = statSync(file).size / 2 ** 20;

    const server = await startProcess(
      'tollgate start',
      process.execPath,
      [CLI, 'start', '--data', dataDir, '--port', '0', '--gateway', 'production=0'],
      {
        env: { TOLLGATE_ADMIN_TOKEN: TOKEN, TOLLGATE_LOG_LEVEL: 'warn' },
        readyLine: /Tollgate (http:\/\/\S+)\n/,
        timeoutMs: 120_000,
      },
    );
    const db = new Database(file, { readonly: true });
    const results = [];
    try {
      const api = `${server.match[1]}/api/v1/analytics`;
      const window = `from=${new Date(generated.from).toISOString()}&to=${new Date(generated.to).toISOString()}`;
      for (const query of QUERIES) {
        const [dimension, value, parameter] = query.filter;
        const url = `${api}/${query.path}?${window}&interval=hour${parameter === undefined ? '' : `&${parameter}=${value}`}${query.by === undefined ? '' : `&by=${query.by}`}`;
        const sql = db.prepare(
          `select bucket_start, sum(hits) as hits from analytics_rollups where resolution = 'hour' and dimension = ? ${
            value === undefined ? '' : 'and value = ?'
          } and bucket_start >= ? and bucket_start < ? group by ${query.by === undefined ? 'bucket_start' : 'value'}`,
        );
        const args = value === undefined ? [dimension, generated.from, generated.to] : [dimension, value, generated.from, generated.to];
        const apiMs = [];
        const sqlMs = [];
        let hits = 0;
        let rows = 0;
        for (let i = 0; i < repeats + 1; i++) {
          const t0 = performance.now();
          const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
          const body = await response.json();
          const t1 = performance.now();
          if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
          const s0 = performance.now();
          rows = sql.all(...args).length;
          const s1 = performance.now();
          // The first call of each query warms caches: measured calls are the others.
          if (i === 0) continue;
          apiMs.push(t1 - t0);
          sqlMs.push(s1 - s0);
          hits = body.totals?.hits ?? (body.buckets ?? body.items ?? []).reduce((sum, entry) => sum + entry.hits, 0);
        }
        results.push({ ...query, apiMs: median(apiMs), apiP95Ms: p95(apiMs), sqlMs: median(sqlMs), hits, rows });
        log(`analytics: ${query.id}: ${median(apiMs).toFixed(1)} ms (SQL floor ${median(sqlMs).toFixed(1)} ms)`);
      }
    } finally {
      db.close();
      await stopProcess(server.child);
    }
    return { events, days, repeats, generated, fileMiB, results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
