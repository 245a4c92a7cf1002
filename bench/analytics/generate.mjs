/**
 * Fills a Tollgate SQLite store with the rollups of generated calls, the way gateway nodes
 * write them: each call goes through the nodes' own `RollupBuilder`, flushed once per
 * simulated hour into `store.analytics.write` (raw events are not stored: the `rollups`
 * analytics mode, the default, and what the query API reads).
 *
 * The traffic: `events` calls spread evenly over `days` days ending at the current hour, on 10
 * projects of 2 resources, 20 products, 1,000 clients (one subscription each) in 50
 * organizations, 2 nodes; 88 % 200, then 404, 429, 401, 500, 503; log-normal latencies
 * (median about 20 ms). A seeded generator makes every run the same traffic.
 */
import { RollupBuilder } from '../../packages/domain/dist/index.js';
import { openStore } from '../../packages/storage/dist/index.js';

const HOUR = 3_600_000;
const STATUSES = [
  [0.88, 200],
  [0.92, 404],
  [0.95, 429],
  [0.97, 401],
  [0.99, 500],
  [1, 503],
];

/** mulberry32: a small seeded PRNG, so the bench generates the same calls every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * @param {{ dataDir: string, events: number, days: number, log: (line: string) => void }} options
 * @returns {Promise<{ from: number, to: number, rows: number, seconds: number }>}
 */
export async function generateRollups({ dataDir, events, days, log }) {
  const started = performance.now();
  const store = await openStore({ dataDir });
  const random = prng(5);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const to = Math.floor(Date.now() / HOUR) * HOUR;
  const from = to - days * 24 * HOUR;
  const hours = days * 24;
  const builder = new RollupBuilder('bench');
  let rows = 0;
  try {
    for (let hour = 0; hour < hours; hour++) {
      const start = from + hour * HOUR;
      const count = Math.floor(((hour + 1) * events) / hours) - Math.floor((hour * events) / hours);
      for (let i = 0; i < count; i++) {
        const client = Math.floor(random() * 1000);
        const project = client % 10;
        const statusDraw = random();
        const status = STATUSES.find(([upTo]) => statusDraw < upTo)?.[1] ?? 200;
        const latencyMs = Math.exp(3 + 0.6 * normal());
        builder.add({
          receivedAt: start + Math.floor((i * HOUR) / count),
          requestId: '',
          serverGroupId: 'production',
          nodeId: `10.0.0.${1 + (i % 2)}:8080`,
          projectId: `api${project}`,
          projectVersion: '1',
          resourceId: `api${project}-r${client % 2}`,
          productId: `p${client % 20}`,
          clientId: `c${client}`,
          subscriptionId: `s${client}`,
          organizationId: `o${client % 50}`,
          method: 'GET',
          status,
          errorCode: null,
          latencyMs,
          backendLatencyMs: status === 200 ? latencyMs * 0.8 : null,
          bytesIn: 0,
          bytesOut: 512,
        });
      }
      const flush = builder.flush();
      await store.analytics.write({ events: [], rollups: flush.rows });
      rows += flush.rows.length;
      // The hour is over: the builder forgets it, as a node does once its grace has passed.
      builder.written(flush, start + 2 * HOUR);
      if (hour % 72 === 71) log(`analytics: generated ${Math.round(((hour + 1) / hours) * 100)} % (${rows} rollup rows)`);
    }
  } finally {
    await store.close();
  }
  return { from, to, rows, seconds: (performance.now() - started) / 1000 };
}
