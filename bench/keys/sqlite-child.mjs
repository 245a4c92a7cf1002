/**
 * One measurement of a real store read, in a fresh process: openStore on the seeded SQLite
 * file, gatewayConfig.load of the production group (what a node does at start and on every
 * configuration change), buildSnapshot, then the resident set size once the configuration is
 * dropped and garbage collected. This is the store's read path only; the running node adds
 * the HTTP listener and the snapshot file (keys/main.mjs measures the real `tollgate gateway`).
 *
 * argv: <data dir>. Prints one JSON line.
 */
import { buildSnapshot } from '../../packages/gateway/dist/index.js';
import { openStore } from '../../packages/storage/dist/index.js';
import { peakRssMiB, rssMiB } from '../lib/proc-stats.mjs';

const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

const store = await openStore({ dataDir: process.argv[2] });
try {
  const loadStart = performance.now();
  let config = await store.gatewayConfig.load('production', new Date());
  const loadMs = performance.now() - loadStart;
  const buildStart = performance.now();
  const snapshot = buildSnapshot(config, Date.now);
  const buildMs = performance.now() - buildStart;
  const keys = config.keys.length;
  config = undefined;
  gc();
  gc();
  process.stdout.write(
    `${JSON.stringify({ keys, indexed: snapshot.keys.size, loadMs, buildMs, rssAfterMiB: rssMiB(process.pid), heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20, peakRssMiB: peakRssMiB(process.pid) })}\n`,
  );
} finally {
  await store.close();
}
