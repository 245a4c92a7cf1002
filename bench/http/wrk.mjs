/**
 * Runs wrk as its own process (C, one event-loop thread per -t: it costs the machine far less
 * CPU than a Node load generator would on two cores) and returns its summary, read from the
 * JSON line bench.lua prints. While it runs, the CPU time of the processes under test is
 * measured from /proc.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, machineBusySeconds } from '../lib/proc-stats.mjs';
import { runToEnd } from '../lib/processes.mjs';

const SCRIPT = fileURLToPath(new URL('./bench.lua', import.meta.url));
export const WRK = '/usr/bin/wrk';

/**
 * Makes sure wrk is installed (apt-get when missing). Returns `undefined` or the reason it is not.
 * @returns {Promise<string | undefined>}
 */
export async function ensureWrk() {
  if (existsSync(WRK)) return undefined;
  process.stderr.write('bench: wrk missing, installing it with apt-get\n');
  try {
    await runToEnd('apt-get', ['update', '-qq'], { timeoutMs: 300_000 });
    await runToEnd('apt-get', ['install', '-y', '-qq', 'wrk'], { env: { DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 600_000 });
  } catch (error) {
    return `apt-get install wrk failed: ${String(error).split('\n')[0]}`;
  }
  return existsSync(WRK) ? undefined : 'wrk is still missing after apt-get install';
}

/** wrk's version line. */
export async function wrkVersion() {
  // `wrk -v` prints its version then usage, and exits 1.
  const { stdout } = await runToEnd('sh', ['-c', `${WRK} -v 2>&1 || true`]);
  return stdout.split('\n')[0]?.trim() ?? 'unknown';
}

/**
 * @typedef {{ rps: number, requests: number, p50Us: number, p90Us: number, p99Us: number, meanUs: number, maxUs: number,
 *   errors: number, errorDetail: Record<string, number>, cpu: Record<string, number> }} WrkResult
 */

/**
 * One wrk run.
 *
 * @param {{ url: string, seconds: number, connections: number, threads: number, headers?: Record<string, string>,
 *   rate?: number, watch?: Record<string, number> }} options
 *   `rate`: paced run at that many requests/s; `watch`: name → pid whose CPU use (as % of one core) is reported.
 * @returns {Promise<WrkResult>}
 */
export async function runWrk({ url, seconds, connections, threads, headers = {}, rate, watch = {} }) {
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '5s', '-s', SCRIPT];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  if (rate !== undefined) args.push('--', String(Math.round(rate)));

  const cpuBefore = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const machineBefore = machineBusySeconds();
  const selfBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const { stdout } = await runToEnd(WRK, args, { timeoutMs: (seconds + 30) * 1000 });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, cpuSeconds(pid) - (cpuBefore[name] ?? 0)]));

  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (line === undefined) throw new Error(`wrk printed no summary:\n${stdout}`);
  const summary = JSON.parse(line.slice('BENCH_JSON '.length));
  const self = process.cpuUsage(selfBefore);
  const known = Object.values(used).reduce((sum, s) => sum + s, 0) + summary.cpuSeconds + (self.user + self.system) / 1e6;
  // Percent of one core; the machine has 2 cores, so 200 % is all of it.
  const cpu = Object.fromEntries(Object.entries(used).map(([name, s]) => [name, (s / wallSeconds) * 100]));
  cpu.wrk = (summary.cpuSeconds / wallSeconds) * 100;
  cpu.other = Math.max(0, ((machineBusySeconds() - machineBefore - known) / wallSeconds) * 100);
  const errors = Object.values(summary.errors).reduce((sum, n) => sum + n, 0);
  return {
    rps: summary.requests / (summary.durationUs / 1e6),
    requests: summary.requests,
    p50Us: summary.latencyUs.p50,
    p90Us: summary.latencyUs.p90,
    p99Us: summary.latencyUs.p99,
    meanUs: summary.latencyUs.mean,
    maxUs: summary.latencyUs.max,
    errors,
    errorDetail: summary.errors,
    cpu,
  };
}
