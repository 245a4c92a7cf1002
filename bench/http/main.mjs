/**
 * The HTTP benchmark: the same upstream measured directly and through three proxies, in one
 * run, in interleaved rounds (a slow minute of the machine then hits every row alike), then a
 * paced run at half of Tollgate's saturation rate for the added latency. Every process it
 * starts is stopped at the end, also when something fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakRssMiB } from '../lib/proc-stats.mjs';
import { startProcess, stopAll } from '../lib/processes.mjs';
import { median } from '../lib/stats.mjs';
import { ensureNginx, nginxVersion, startNginx } from './nginx.mjs';
import { freePort } from './ports.mjs';
import { findRedis } from './redis.mjs';
import { CHAIN_PATH, CONTEXT_PATH, LIMITED_PATH, startTollgate } from './tollgate.mjs';
import { ensureWrk, runWrk, wrkVersion } from './wrk.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** @typedef {{ id: string, name: string, url: string, pid: number, headers?: Record<string, string> }} Target */

/**
 * @param {{ rounds: number, seconds: number, warmupSeconds: number, preRunSeconds: number,
 *   connections: number, threads: number, log: (line: string) => void }} options
 */
export async function runHttpBench(options) {
  const { rounds, seconds, warmupSeconds, preRunSeconds, connections, threads, log } = options;
  const wrkMissing = await ensureWrk();
  if (wrkMissing !== undefined) throw new Error(`wrk is required: ${wrkMissing}`);
  const nginxSkipped = await ensureNginx();
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
  try {
    const versions = { wrk: await wrkVersion(), nginx: nginxSkipped === undefined ? await nginxVersion() : 'not available' };

    log('starting the upstream, the undici baseline, Tollgate and nginx');
    const upstream = await startProcess('upstream', process.execPath, [here('./upstream.mjs'), '0'], { readyLine: /READY (\d+)/ });
    const upstreamUrl = `http://127.0.0.1:${upstream.match[1]}`;
    const baseline = await startProcess('undici proxy', process.execPath, [here('./undici-proxy.mjs'), upstreamUrl, '0'], {
      readyLine: /READY (\d+)/,
    });
    const tollgate = await startTollgate({ dataDir: join(dir, 'tollgate'), upstreamUrl });
    const unrecorded = await startTollgate({
      dataDir: join(dir, 'tollgate-off'),
      upstreamUrl,
      analytics: 'off',
      name: 'tollgate (analytics off)',
    });
    const recordingAll = await startTollgate({
      dataDir: join(dir, 'tollgate-full'),
      upstreamUrl,
      analytics: 'full',
      name: 'tollgate (analytics full)',
    });
    const meteredAsync = await startTollgate({
      dataDir: join(dir, 'tollgate-metered-async'),
      upstreamUrl,
      metering: 'async',
      name: 'tollgate (monetized, async metering)',
    });
    const meteredSync = await startTollgate({
      dataDir: join(dir, 'tollgate-metered-sync'),
      upstreamUrl,
      metering: 'sync',
      name: 'tollgate (monetized, sync metering)',
    });
    const redis = await findRedis();
    const tollgateRedis =
      'url' in redis
        ? await startTollgate({ dataDir: join(dir, 'tollgate-redis'), upstreamUrl, redisUrl: redis.url, name: 'tollgate (Redis)' })
        : undefined;
    const nginx =
      nginxSkipped === undefined
        ? await startNginx({ dir: join(dir, 'nginx'), port: await freePort(), upstreamPort: Number(upstream.match[1]) })
        : undefined;

    /** @type {Target[]} */
    const targets = [
      { id: 'a', name: 'upstream, direct', url: `${upstreamUrl}/hello`, pid: upstream.pid },
      { id: 'b', name: 'undici baseline proxy', url: `http://127.0.0.1:${baseline.match[1]}/hello`, pid: baseline.pid },
      {
        id: 'c',
        name: 'Tollgate (verify-api-key), analytics rollups (default)',
        url: `${tollgate.url}${CONTEXT_PATH}/hello`,
        pid: tollgate.pid,
        headers: { 'x-api-key': tollgate.apiKey },
      },
      ...(nginx === undefined ? [] : [{ id: 'd', name: 'nginx, 1 worker', url: `${nginx.url}/hello`, pid: nginx.pid }]),
      {
        id: 'g',
        name: 'Tollgate (verify-api-key), --analytics off',
        url: `${unrecorded.url}${CONTEXT_PATH}/hello`,
        pid: unrecorded.pid,
        headers: { 'x-api-key': unrecorded.apiKey },
      },
      {
        id: 'h',
        name: 'Tollgate (verify-api-key), --analytics full',
        url: `${recordingAll.url}${CONTEXT_PATH}/hello`,
        pid: recordingAll.pid,
        headers: { 'x-api-key': recordingAll.apiKey },
      },
      {
        id: 'i',
        name: 'Tollgate (verify-api-key), monetized product, --metering async (default)',
        url: `${meteredAsync.url}${CONTEXT_PATH}/hello`,
        pid: meteredAsync.pid,
        headers: { 'x-api-key': meteredAsync.apiKey },
      },
      {
        id: 'k',
        name: 'Tollgate (verify-api-key + monetization-limit-check), monetized product, --metering async',
        url: `${meteredAsync.url}${LIMITED_PATH}/hello`,
        pid: meteredAsync.pid,
        headers: { 'x-api-key': meteredAsync.apiKey },
      },
      {
        id: 'j',
        name: 'Tollgate (verify-api-key), monetized product, --metering sync',
        url: `${meteredSync.url}${CONTEXT_PATH}/hello`,
        pid: meteredSync.pid,
        headers: { 'x-api-key': meteredSync.apiKey },
      },
      {
        id: 'e',
        name: 'Tollgate chain, memory counters',
        url: `${tollgate.url}${CHAIN_PATH}/hello`,
        pid: tollgate.pid,
        headers: { 'x-api-key': tollgate.apiKey },
      },
      ...(tollgateRedis === undefined
        ? []
        : [
            {
              id: 'f',
              name: 'Tollgate chain, Redis counters',
              url: `${tollgateRedis.url}${CHAIN_PATH}/hello`,
              pid: tollgateRedis.pid,
              headers: { 'x-api-key': tollgateRedis.apiKey },
            },
          ]),
    ];
    const load = { connections, threads };
    const watch = (target) => (target.id === 'a' ? { sut: target.pid } : { sut: target.pid, upstream: upstream.pid });

    for (const target of targets) {
      log(`warm-up ${target.id} (${target.name}) ${warmupSeconds} s`);
      const warm = await runWrk({ ...load, url: target.url, headers: target.headers, seconds: warmupSeconds });
      if (warm.errors > 0) throw new Error(`${target.name} answered errors during warm-up: ${JSON.stringify(warm.errorDetail)}`);
    }

    /** @type {Record<string, import('./wrk.mjs').WrkResult[]>} */
    const saturation = Object.fromEntries(targets.map((t) => [t.id, []]));
    for (let round = 0; round < rounds; round++) {
      // Each round starts with a different row so no row always follows the same one.
      const order = targets.map((_, i) => targets[(i + round) % targets.length]);
      for (const target of order) {
        // Idle pools close their upstream connections after 4 s; the pre-run reopens them.
        await runWrk({ ...load, url: target.url, headers: target.headers, seconds: preRunSeconds });
        const result = await runWrk({ ...load, url: target.url, headers: target.headers, seconds, watch: watch(target) });
        saturation[target.id].push(result);
        log(`round ${round + 1}/${rounds} ${target.id}: ${Math.round(result.rps)} req/s, p99 ${(result.p99Us / 1000).toFixed(2)} ms`);
      }
    }

    const tollgateRps = median(saturation.c.map((r) => r.rps));
    const rate = Math.round(tollgateRps / 2);
    /** @type {Record<string, import('./wrk.mjs').WrkResult[]>} */
    const paced = Object.fromEntries(targets.map((t) => [t.id, []]));
    for (let round = 0; round < rounds; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]);
      for (const target of order) {
        await runWrk({ ...load, url: target.url, headers: target.headers, seconds: preRunSeconds, rate });
        const result = await runWrk({ ...load, url: target.url, headers: target.headers, seconds, rate, watch: watch(target) });
        paced[target.id].push(result);
        log(
          `paced ${rate}/s round ${round + 1}/${rounds} ${target.id}: p50 ${(result.p50Us / 1000).toFixed(2)} ms, p99 ${(result.p99Us / 1000).toFixed(2)} ms`,
        );
      }
    }

    const peakRss = Object.fromEntries(targets.map((t) => [t.id, peakRssMiB(t.pid)]));
    return {
      versions,
      load: { ...load, rounds, seconds, warmupSeconds, preRunSeconds },
      nginxSkipped,
      redisSkipped: 'skipped' in redis ? redis.skipped : undefined,
      targets: targets.map(({ id, name }) => ({ id, name })),
      saturation,
      paced,
      rate,
      peakRss,
    };
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}
