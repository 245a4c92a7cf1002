/**
 * One measurement of the 100k-key snapshot, in a fresh process (started by keys/main.mjs with
 * --expose-gc) so the memory it reports is this snapshot's and nothing else's:
 * generates the configuration, times buildSnapshot from the built gateway package (cold: the
 * first build of a process, as at node start), drops the configuration as a node does, collects
 * garbage and reads the resident set size; then times a second build while the first snapshot
 * is still referenced (a rebuild on a configuration change: both exist until the swap).
 * VmHWM, the process's peak, therefore covers the moment two snapshots and a configuration coexist.
 *
 * argv: <key count>. Prints one JSON line.
 */
import { buildSnapshot, sha256Hex } from '../../packages/gateway/dist/index.js';
import { peakRssMiB, rssMiB } from '../lib/proc-stats.mjs';
import { generateGatewayConfig } from './generate.mjs';

const count = Number(process.argv[2]);
const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

const settle = () => {
  gc();
  gc();
};

settle();
const rssStartMiB = rssMiB(process.pid);
const generateStart = performance.now();
let config = generateGatewayConfig(count, sha256Hex);
const generateMs = performance.now() - generateStart;

settle();
const buildStart = performance.now();
const snapshot = buildSnapshot(config, Date.now);
const buildMs = performance.now() - buildStart;
if (snapshot.keys.size !== count) throw new Error(`snapshot has ${snapshot.keys.size} keys, expected ${count}`);

config = undefined;
settle();
const rssAfterBuildMiB = rssMiB(process.pid);
const heapUsedMiB = process.memoryUsage().heapUsed / 2 ** 20;

// The rebuild: a new configuration of the same size while the current snapshot keeps serving.
const next = generateGatewayConfig(count, sha256Hex);
settle();
const rebuildStart = performance.now();
const rebuilt = buildSnapshot(next, Date.now);
const rebuildMs = performance.now() - rebuildStart;

process.stdout.write(
  `${JSON.stringify({
    count,
    generateMs,
    buildMs,
    rebuildMs,
    rssStartMiB,
    rssAfterBuildMiB,
    heapUsedMiB,
    peakRssMiB: peakRssMiB(process.pid),
    // Keep both snapshots reachable until here so the rebuild really overlapped the first.
    keysServed: snapshot.keys.size + rebuilt.keys.size,
  })}\n`,
);
