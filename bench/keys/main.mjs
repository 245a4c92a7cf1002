/**
 * The key-scale benchmark: what 100,000 active keys cost a gateway node.
 *  1. buildSnapshot on a generated configuration, each measurement in a fresh process
 *     (keys/build-child.mjs), plus an empty one for the process's own baseline.
 *  2. A real SQLite store holding the keys: store read + build in fresh processes
 *     (keys/sqlite-child.mjs), then the real `tollgate gateway` node started on it — its start
 *     time, a call with one of the seeded keys, its memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTollgate } from '../http/tollgate.mjs';
import { peakRssMiB, rssMiB } from '../lib/proc-stats.mjs';
import { runToEnd, startProcess, stopAll, stopProcess } from '../lib/processes.mjs';
import { median } from '../lib/stats.mjs';
import { seedKeys } from './sqlite-seed.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const CLI = here('../../apps/cli/dist/main.js');

async function child(script, args) {
  const { stdout } = await runToEnd(process.execPath, ['--expose-gc', here(script), ...args], { timeoutMs: 300_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

/**
 * @param {{ keys: number, repeats: number, sqlite: boolean, log: (line: string) => void }} options
 */
export async function runKeysBench({ keys, repeats, sqlite, log }) {
  log(`snapshot of ${keys} keys: baseline process`);
  const baseline = await child('./build-child.mjs', ['0']);
  const builds = [];
  for (let i = 0; i < repeats; i++) {
    builds.push(await child('./build-child.mjs', [String(keys)]));
    log(`snapshot of ${keys} keys, run ${i + 1}/${repeats}: ${Math.round(builds.at(-1).buildMs)} ms`);
  }
  const generated = {
    baselineRssMiB: baseline.rssAfterBuildMiB,
    buildMs: median(builds.map((b) => b.buildMs)),
    buildMsRange: [Math.min(...builds.map((b) => b.buildMs)), Math.max(...builds.map((b) => b.buildMs))],
    rebuildMs: median(builds.map((b) => b.rebuildMs)),
    rssAfterBuildMiB: median(builds.map((b) => b.rssAfterBuildMiB)),
    heapUsedMiB: median(builds.map((b) => b.heapUsedMiB)),
    peakRssMiB: median(builds.map((b) => b.peakRssMiB)),
  };
  return { keys, repeats, generated, sqlite: sqlite ? await sqliteBench(keys, repeats, log) : undefined };
}

/**
 * Starts the real standalone node (`tollgate gateway`) on the store, times its start, makes one
 * call with `key` (through to the upstream: 200 proves the key is served), and reads its memory
 * once start-up garbage has had time to settle.
 */
async function measureNode(dataDir, key) {
  const startedAt = performance.now();
  const node = await startProcess(
    'tollgate gateway',
    process.execPath,
    [CLI, 'gateway', '--server-group', 'production', '--data', dataDir, '--port', '0'],
    { env: { TOLLGATE_LOG_LEVEL: 'warn' }, readyLine: /Tollgate gateway \S+ (http:\/\/\S+)\n/, timeoutMs: 120_000 },
  );
  try {
    const startMs = performance.now() - startedAt;
    const response = await fetch(`${node.match[1]}/bench/hello`, { headers: { 'x-api-key': key } });
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return { startMs, sampleStatus: response.status, rssMiB: rssMiB(node.pid), peakRssMiB: peakRssMiB(node.pid) };
  } finally {
    await stopProcess(node.child);
  }
}

async function sqliteBench(keys, repeats, log) {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-keys-'));
  try {
    const dataDir = join(dir, 'data');
    log('SQLite: provisioning one subscription through the management API');
    const upstream = await startProcess('upstream', process.execPath, [here('../http/upstream.mjs'), '0'], { readyLine: /READY (\d+)/ });
    const tollgate = await startTollgate({ dataDir, upstreamUrl: `http://127.0.0.1:${upstream.match[1]}` });
    await stopProcess(tollgate.child);
    log('SQLite: the `tollgate gateway` node with that one key, for its baseline memory');
    const nodeOneKey = await measureNode(dataDir, tollgate.apiKey);

    log(`SQLite: seeding ${keys} keys`);
    const seedStart = performance.now();
    const { sampleKey, keys: stored } = seedKeys(dataDir, keys);
    const seedMs = performance.now() - seedStart;

    const loads = [];
    for (let i = 0; i < repeats; i++) {
      loads.push(await child('./sqlite-child.mjs', [dataDir]));
      log(`SQLite load of ${stored} keys, run ${i + 1}/${repeats}: ${Math.round(loads.at(-1).loadMs)} ms`);
    }

    log('SQLite: starting the real `tollgate gateway` node on the seeded store');
    const node = await measureNode(dataDir, sampleKey);
    return {
      stored,
      seedMs,
      loadMs: median(loads.map((l) => l.loadMs)),
      loadMsRange: [Math.min(...loads.map((l) => l.loadMs)), Math.max(...loads.map((l) => l.loadMs))],
      buildMs: median(loads.map((l) => l.buildMs)),
      rssAfterMiB: median(loads.map((l) => l.rssAfterMiB)),
      heapUsedMiB: median(loads.map((l) => l.heapUsedMiB)),
      peakRssMiB: median(loads.map((l) => l.peakRssMiB)),
      node,
      nodeOneKey,
    };
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}
