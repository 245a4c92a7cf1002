/**
 * `npm run bench`: the benchmarks (never part of `npm test`). Runs the HTTP bench (bench/http),
 * the 100k-key bench (bench/keys) and the analytics query bench (bench/analytics) against the
 * built dist, prints the machine, the method and the tables that docs/benchmarks.md records.
 * Takes about 15 minutes with the defaults; `--only http|keys|analytics` runs one, `--json FILE`
 * also saves the raw runs.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runAnalyticsBench } from './analytics/main.mjs';
import { analyticsReport } from './analytics/report.mjs';
import { runHttpBench } from './http/main.mjs';
import { httpReport } from './http/report.mjs';
import { runKeysBench } from './keys/main.mjs';
import { keysReport } from './keys/report.mjs';
import { describeMachine } from './lib/machine.mjs';
import { machineBusySeconds } from './lib/proc-stats.mjs';
import { stopAll } from './lib/processes.mjs';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    'pre-run': { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    threads: { type: 'string', default: '1' },
    keys: { type: 'string', default: '100000' },
    repeats: { type: 'string', default: '5' },
    'no-sqlite': { type: 'boolean', default: false },
    'analytics-events': { type: 'string', default: '10000000' },
    'analytics-days': { type: 'string', default: '30' },
    json: { type: 'string' },
  },
});
const BENCHES = ['http', 'keys', 'analytics'];
if (args.only !== undefined && !BENCHES.includes(args.only)) throw new Error(`--only is one of ${BENCHES.join(', ')}`);
const runs = (bench) => args.only === undefined || args.only === bench;

const log = (line) => process.stderr.write(`bench: ${line}\n`);
const print = (text = '') => process.stdout.write(`${text}\n`);

/** CPU the rest of the machine uses while the bench is idle, in % of one core (200 % = both). */
async function backgroundLoad(seconds = 3) {
  const before = machineBusySeconds();
  const self = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const own = process.cpuUsage(self);
  return ((machineBusySeconds() - before - (own.user + own.system) / 1e6) / seconds) * 100;
}

async function main() {
  const machine = describeMachine();
  const idleLoad = await backgroundLoad();
  const raw = { machine, idleLoad };
  print(`# Tollgate gateway benchmark, ${new Date().toISOString()}`);
  print();
  print(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Linux ${machine.kernel}, node ${machine.node}`);
  print(
    `other load before the bench: ${Math.round(idleLoad)} % CPU of ${machine.cpus * 100} %` +
      (idleLoad > 10 ? ' — the machine is busy with something else: expect lower, noisier numbers (see the CPU % other columns)' : ''),
  );

  if (runs('http')) {
    const options = {
      rounds: Number(args.rounds),
      seconds: Number(args.seconds),
      warmupSeconds: Number(args.warmup),
      preRunSeconds: Number(args['pre-run']),
      connections: Number(args.connections),
      threads: Number(args.threads),
      log,
    };
    const result = await runHttpBench(options);
    raw.http = result;
    const report = httpReport(result);
    print(`wrk: ${result.versions.wrk}; nginx: ${result.versions.nginx}`);
    print();
    print('## HTTP: same upstream, direct and through three proxies');
    print();
    print(
      `wrk -t${options.threads} -c${options.connections}, ${options.rounds} interleaved rounds × ${options.seconds} s per row ` +
        `(after a ${options.warmupSeconds} s warm-up per row and a ${options.preRunSeconds} s pre-run before each measured run); medians over rounds.`,
    );
    print();
    print(report.throughput);
    print();
    print(report.ratioTable);
    print();
    print(`### Latency at half of Tollgate's saturation (${result.rate} req/s offered, wrk + bench.lua pacing)`);
    print();
    print(report.latency);
    print();
    print(report.targets);
    print();
  }

  if (runs('keys')) {
    const result = await runKeysBench({ keys: Number(args.keys), repeats: Number(args.repeats), sqlite: !args['no-sqlite'], log });
    raw.keys = result;
    const report = keysReport(result);
    print(`## Key scale: ${Number(args.keys).toLocaleString('en-US')} active keys`);
    print();
    print(report.table);
    print();
    print(report.targets);
    print();
  }
  if (runs('analytics')) {
    const events = Number(args['analytics-events']);
    const result = await runAnalyticsBench({ events, days: Number(args['analytics-days']), repeats: Number(args.repeats) * 4, log });
    raw.analytics = result;
    const report = analyticsReport(result);
    print(`## Analytics queries: ${events.toLocaleString('en-US')} calls over ${result.days} days, SQLite`);
    print();
    print(report.setup);
    print();
    print(report.table);
    print();
    print(report.targets);
    print();
  }
  if (args.json !== undefined) writeFileSync(args.json, `${JSON.stringify(raw, null, 2)}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
