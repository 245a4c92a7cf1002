/**
 * Turns the HTTP bench's raw runs into the tables and verdicts it prints (and that
 * docs/benchmarks.md quotes): medians over rounds, ratios between rows, the targets.
 */
import { fmt, median, ms } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';

/** The targets for the HTTP path. */
export const TARGETS = { minRatioToBaseline: 0.85, maxAddedP99Us: 1000, minChainMemoryRatio: 0.75, minChainRedisRatio: 0.5 };

const summarize = (runs) => ({
  rps: median(runs.map((r) => r.rps)),
  minRps: Math.min(...runs.map((r) => r.rps)),
  maxRps: Math.max(...runs.map((r) => r.rps)),
  p50Us: median(runs.map((r) => r.p50Us)),
  p90Us: median(runs.map((r) => r.p90Us)),
  p99Us: median(runs.map((r) => r.p99Us)),
  sutCpu: median(runs.map((r) => r.cpu.sut ?? Number.NaN)),
  upstreamCpu: median(runs.map((r) => r.cpu.upstream ?? r.cpu.sut ?? Number.NaN)),
  wrkCpu: median(runs.map((r) => r.cpu.wrk ?? Number.NaN)),
  otherCpu: median(runs.map((r) => r.cpu.other ?? Number.NaN)),
  errors: runs.reduce((sum, r) => sum + r.errors, 0),
});

/** @param {Awaited<ReturnType<typeof import('./main.mjs').runHttpBench>>} result */
export function httpReport(result) {
  const sat = Object.fromEntries(Object.entries(result.saturation).map(([id, runs]) => [id, summarize(runs)]));
  const paced = Object.fromEntries(Object.entries(result.paced).map(([id, runs]) => [id, summarize(runs)]));
  const name = Object.fromEntries(result.targets.map((t) => [t.id, t.name]));
  const rows = ['a', 'b', 'c', 'g', 'h', 'i', 'k', 'j', 'd', 'e', 'f'];
  const skippedReason = { d: result.nginxSkipped ?? '', f: result.redisSkipped ?? '' };
  const skippedName = { d: 'nginx', f: 'Tollgate chain, Redis counters' };

  const throughput = markdownTable(
    [
      'row',
      'req/s (median)',
      'req/s (min–max)',
      'p50 ms',
      'p99 ms',
      'peak RSS MiB',
      'CPU % process',
      'CPU % upstream',
      'CPU % wrk',
      'CPU % other',
      'errors',
    ],
    rows.map((id) =>
      sat[id] === undefined
        ? [`(${id}) ${skippedName[id] ?? ''}`, 'skipped', skippedReason[id] ?? '', '', '', '', '', '', '', '', '']
        : [
            `(${id}) ${name[id]}`,
            fmt(sat[id].rps),
            `${fmt(sat[id].minRps)}–${fmt(sat[id].maxRps)}`,
            ms(sat[id].p50Us),
            ms(sat[id].p99Us),
            fmt(result.peakRss[id], 1),
            fmt(sat[id].sutCpu),
            id === 'a' ? '(same)' : fmt(sat[id].upstreamCpu),
            fmt(sat[id].wrkCpu),
            fmt(sat[id].otherCpu),
            String(sat[id].errors),
          ],
    ),
  );

  const ratio = (x, y) => (sat[x] === undefined || sat[y] === undefined ? undefined : sat[x].rps / sat[y].rps);
  const ratios = {
    'c/b': ratio('c', 'b'),
    'c/d': ratio('c', 'd'),
    'b/d': ratio('b', 'd'),
    'd/a': ratio('d', 'a'),
    'b/a': ratio('b', 'a'),
    'e/b': ratio('e', 'b'),
    'c/g': ratio('c', 'g'),
    'h/g': ratio('h', 'g'),
    'i/c': ratio('i', 'c'),
    'j/c': ratio('j', 'c'),
    'k/i': ratio('k', 'i'),
    'f/b': ratio('f', 'b'),
  };
  const ratioTable = markdownTable(
    ['ratio (req/s)', 'value'],
    [
      ['(c) Tollgate / (b) undici baseline', fmt(ratios['c/b'], 2)],
      ['(c) Tollgate / (d) nginx', ratios['c/d'] === undefined ? 'skipped' : fmt(ratios['c/d'], 2)],
      ['(b) undici baseline / (d) nginx', ratios['b/d'] === undefined ? 'skipped' : fmt(ratios['b/d'], 2)],
      ['(b) undici baseline / (a) direct', fmt(ratios['b/a'], 2)],
      ['(d) nginx / (a) direct', ratios['d/a'] === undefined ? 'skipped' : fmt(ratios['d/a'], 2)],
      ['(c) analytics rollups (default) / (g) analytics off (recording cost)', fmt(ratios['c/g'], 2)],
      ['(h) analytics full (rollups + raw events) / (g) analytics off', fmt(ratios['h/g'], 2)],
      ['(i) monetized, async metering / (c) not monetized (metering cost)', fmt(ratios['i/c'], 2)],
      ['(j) monetized, sync metering / (c) not monetized', fmt(ratios['j/c'], 2)],
      ['(k) + monetization-limit-check / (i) without it (limit check cost)', fmt(ratios['k/i'], 2)],
      ['(e) chain, memory counters / (b) undici baseline', fmt(ratios['e/b'], 2)],
      ['(f) chain, Redis counters / (b) undici baseline', ratios['f/b'] === undefined ? 'skipped' : fmt(ratios['f/b'], 2)],
    ],
  );

  const addedP99Us = paced.c.p99Us - paced.a.p99Us;
  const latency = markdownTable(
    ['row', 'offered req/s', 'achieved req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'p99 added over (a), ms', 'CPU % other', 'errors'],
    rows
      .filter((id) => paced[id] !== undefined)
      .map((id) => [
        `(${id}) ${name[id]}`,
        fmt(result.rate),
        fmt(paced[id].rps),
        ms(paced[id].p50Us),
        ms(paced[id].p90Us),
        ms(paced[id].p99Us),
        id === 'a' ? '–' : ms(paced[id].p99Us - paced.a.p99Us),
        fmt(paced[id].otherCpu),
        String(paced[id].errors),
      ]),
  );

  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  const targets = markdownTable(
    ['target', 'measured', 'verdict'],
    [
      [
        `Tollgate ≥ ${TARGETS.minRatioToBaseline * 100} % of the undici baseline's req/s`,
        `${fmt((ratios['c/b'] ?? 0) * 100, 1)} %`,
        verdict((ratios['c/b'] ?? 0) >= TARGETS.minRatioToBaseline),
      ],
      [
        `added p99 over the direct upstream ≤ ${TARGETS.maxAddedP99Us / 1000} ms at half of saturation`,
        `${ms(addedP99Us)} ms at ${fmt(result.rate)} req/s`,
        verdict(addedP99Us <= TARGETS.maxAddedP99Us),
      ],
      [
        'recording (default rollups) costs ≤ 5 % of throughput (issue 5): (c) ≥ 95 % of (g)',
        `${fmt((ratios['c/g'] ?? 0) * 100, 1)} %`,
        verdict((ratios['c/g'] ?? 0) >= 0.95),
      ],
      [
        `chain (key + quota + rate limit + headers), memory counters ≥ ${TARGETS.minChainMemoryRatio * 100} % of the baseline`,
        `${fmt((ratios['e/b'] ?? 0) * 100, 1)} %`,
        verdict((ratios['e/b'] ?? 0) >= TARGETS.minChainMemoryRatio),
      ],
      [
        `the same chain with Redis counters ≥ ${TARGETS.minChainRedisRatio * 100} % of the baseline`,
        ratios['f/b'] === undefined ? 'skipped' : `${fmt(ratios['f/b'] * 100, 1)} %`,
        ratios['f/b'] === undefined ? 'skipped' : verdict(ratios['f/b'] >= TARGETS.minChainRedisRatio),
      ],
    ],
  );
  return { throughput, ratioTable, latency, targets, ratios, addedP99Us, sat, paced };
}
