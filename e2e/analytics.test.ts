import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './cli-process.js';
import { startRecordingUpstream } from './echo-upstream.js';
import { type AdminCall, adminClient, eventually } from './platform.js';

const TOKEN = 'analytics-e2e-token';

/** The value at quantile `q` of raw latencies, with DDSketch's rank convention (the floor(q·(n−1))-th smallest). */
function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
}

/** Within 1 % of the true value (plus half a microsecond: the API rounds to µs). */
function expectWithinOnePercent(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * 0.01 + 0.0005);
}

/**
 * A scripted run of known calls through `tollgate start --analytics full`: three clients in two
 * organizations, two products, statuses 200, 401, 404 and 503, latencies spread by the upstream.
 * The query API must answer exactly the scripted counts per product, client, subscription and
 * organization, while running and after a clean stop and restart, with percentiles within 1 %
 * of those of the raw events.
 */
describe('analytics: a scripted run counted exactly per entity', () => {
  let dataDir: string;
  let platform: CliProcess;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  /** Consumer keys by `client/product`, issued by the first test. */
  const keys: Record<string, string> = {};
  const start = (args: string[] = []) =>
    startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0', '--analytics', 'full', ...args], {
      TOLLGATE_ADMIN_TOKEN: TOKEN,
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-analytics-e2e-'));
    upstream = await startRecordingUpstream();
    platform = await start();
  });

  afterAll(async () => {
    await platform?.stop();
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Hits over the last hour. By minute (the default interval of `last1h`) clients, subscriptions
   * and organizations are answered from the raw events; by hour every entity from the rollups.
   */
  const hitsOf = async (call: AdminCall, query: string, interval: 'minute' | 'hour' = 'minute') => {
    const response = await call('GET', `/analytics/summary?period=last1h&interval=${interval}&${query}`);
    expect(response.status).toBe(200);
    return (response.body.totals as { hits: number }).hits;
  };

  /** Every expected count, from the minute view and from the hour rollups. */
  const expectCounts = async (call: AdminCall, expected: Array<[string, number]>) => {
    for (const [query, hits] of expected) {
      expect([query, 'minute', await hitsOf(call, query)]).toEqual([query, 'minute', hits]);
      expect([query, 'hour', await hitsOf(call, query, 'hour')]).toEqual([query, 'hour', hits]);
    }
  };

  /** The scripted GETs per entity, as the API must report them. */
  const EXPECTED: Array<[string, number]> = [
    ['', 25],
    ['productId=gold', 11],
    ['productId=silver', 9],
    ['clientId=alice', 7],
    ['clientId=bob', 9],
    ['clientId=carol', 4],
    ['subscriptionId=bob-app', 9],
    ['organizationId=acme', 16],
    ['organizationId=globex', 4],
    ['projectId=pets', 23],
    ['status=4xx', 5],
    ['status=503', 3],
    ['serverGroupId=production&status=2xx', 17],
  ];

  it('answers the scripted counts while running, after a clean stop and after a restart', async () => {
    const call = adminClient(platform.url, TOKEN);
    await call('POST', '/projects', { id: 'pets', name: 'Pets', contextPath: '/pets', target: { url: upstream.url } });
    await call('POST', '/projects/pets/deployments', { serverGroupId: 'production' });
    for (const id of ['gold', 'silver'])
      await call('POST', '/products', { id, name: id, serverGroupIds: ['production'], projectIds: ['pets'] });
    await call('POST', '/organizations', { id: 'acme', name: 'Acme', productIds: ['gold', 'silver'] });
    await call('POST', '/organizations', { id: 'globex', name: 'Globex', productIds: ['silver'] });
    const subscribe = async (client: string, organizationId: string, productIds: string[]) => {
      expect((await call('POST', '/clients', { id: client, email: `${client}@example.test`, name: client, organizationId })).status).toBe(
        201,
      );
      const created = await call('POST', '/subscriptions', {
        id: `${client}-app`,
        name: `${client}'s app`,
        clientId: client,
        products: productIds.map((productId) => ({ productId })),
      });
      expect(created.status).toBe(201);
      for (const entry of created.body.products as Array<{ productId: string; consumerKey: string }>) {
        keys[`${client}/${entry.productId}`] = entry.consumerKey;
      }
    };
    await subscribe('alice', 'acme', ['gold']);
    await subscribe('bob', 'acme', ['gold', 'silver']);
    await subscribe('carol', 'globex', ['silver']);

    const gateway = platform.gateways.production ?? '';
    const status = async (path: string, apiKey?: string, method = 'GET') => {
      const response = await fetch(`${gateway}${path}`, { method, headers: apiKey === undefined ? {} : { 'x-api-key': apiKey } });
      await response.arrayBuffer();
      return response.status;
    };
    // Readiness probes are calls too (some refused before the deployment arrives): the
    // expectations are differences from the counts once the probes are flushed.
    await eventually(() => status('/pets/ready', keys['alice/gold'], 'HEAD'), 200);
    const snapshot = async (client: AdminCall) => Promise.all(EXPECTED.map(async ([query]) => hitsOf(client, query)));
    const settled = async () => {
      for (let previous = await snapshot(call); ; ) {
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        const current = await snapshot(call);
        if (JSON.stringify(current) === JSON.stringify(previous)) return current;
        previous = current;
      }
    };
    const before = await settled();
    const topBefore = new Map(
      ((await call('GET', '/analytics/top?period=last1h&by=client')).body.items as Array<{ value: string | null; hits: number }>).map(
        (item) => [item.value, item.hits],
      ),
    );

    // The script: the 25 GETs of EXPECTED, plus 4 HEADs by alice.
    for (let i = 0; i < 7; i++) expect(await status(`/pets/a${i}?delay=${i * 4}`, keys['alice/gold'])).toBe(200);
    for (let i = 0; i < 4; i++) expect(await status(`/pets/b${i}?delay=${i * 9}`, keys['bob/gold'])).toBe(200);
    for (let i = 0; i < 2; i++) expect(await status(`/pets/b${i}?delay=1`, keys['bob/silver'])).toBe(200);
    for (let i = 0; i < 3; i++) expect(await status('/pets/b?status=503', keys['bob/silver'])).toBe(503);
    for (let i = 0; i < 4; i++) expect(await status(`/pets/c${i}?delay=${i * 15}`, keys['carol/silver'])).toBe(200);
    for (let i = 0; i < 3; i++) expect(await status('/pets/x')).toBe(401);
    for (let i = 0; i < 2; i++) expect(await status('/nowhere')).toBe(404);
    for (let i = 0; i < 4; i++) expect(await status(`/pets/n${i}`, keys['alice/gold'], 'HEAD')).toBe(200);
    const HEADS = ['', 'productId=gold', 'clientId=alice', 'organizationId=acme', 'projectId=pets', 'serverGroupId=production&status=2xx'];
    const expected = EXPECTED.map(([query, hits], i): [string, number] => [
      query,
      (before[i] ?? 0) + hits + (HEADS.includes(query) ? 4 : 0),
    ]);

    // While running: every flush (1 s) brings the rollups up to date.
    await eventually(() => hitsOf(call, ''), expected[0]?.[1]);
    await expectCounts(call, expected);

    const top = await call('GET', '/analytics/top?period=last1h&by=client');
    const added = (top.body.items as Array<{ value: string | null; hits: number }>).map((item) => [
      item.value,
      item.hits - (topBefore.get(item.value) ?? 0),
    ]);
    expect(added).toEqual(
      expect.arrayContaining([
        ['alice', 11],
        ['bob', 9],
        [null, 5],
        ['carol', 4],
      ]),
    );
    expect(added).toHaveLength(4);
    const series = await call('GET', '/analytics/timeseries?period=last1h&interval=minute&subscriptionId=carol-app');
    expect(series.body.source).toBe('events');
    const buckets = series.body.buckets as Array<{ hits: number }>;
    expect(buckets.length).toBeGreaterThanOrEqual(60);
    expect(buckets.reduce((sum, bucket) => sum + bucket.hits, 0)).toBe(4);

    expect(await platform.stop()).toBe(0);
    platform = await start();
    const again = adminClient(platform.url, TOKEN);
    await expectCounts(again, expected);

    // Percentiles from the rollups' sketches, against the exact ones of the raw events.
    const db = new Database(join(dataDir, 'tollgate.db'), { readonly: true });
    try {
      for (const [filter, where] of [
        ['', '1 = 1'],
        ['productId=silver', "product_id = 'silver'"],
        ['clientId=bob', "client_id = 'bob'"],
      ] as const) {
        const rows = db.prepare(`select latency_ms as l, backend_latency_ms as b from analytics_events where ${where}`).all() as Array<{
          l: number;
          b: number | null;
        }>;
        const latencies = rows.map((row) => row.l).sort((a, b) => a - b);
        const backend = rows.flatMap((row) => (row.b === null ? [] : [row.b])).sort((a, b) => a - b);
        const summary = await again('GET', `/analytics/summary?period=last1h&${filter}`);
        const totals = summary.body.totals as { hits: number; latency: Record<string, number>; backendLatency: Record<string, number> };
        expect(totals.hits).toBe(rows.length);
        for (const [name, q] of [
          ['p50', 0.5],
          ['p95', 0.95],
          ['p99', 0.99],
        ] as const) {
          expectWithinOnePercent(totals.latency[name] ?? Number.NaN, exactQuantile(latencies, q));
          expectWithinOnePercent(totals.backendLatency[name] ?? Number.NaN, exactQuantile(backend, q));
        }
        expectWithinOnePercent(totals.latency.avg ?? Number.NaN, latencies.reduce((a, b) => a + b, 0) / latencies.length);
      }
    } finally {
      db.close();
    }
  });

  it('exports any query as CSV', async () => {
    const response = await fetch(`${platform.url}/api/v1/analytics/top?period=last1h&by=product&format=csv`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="analytics-top-product.csv"');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]?.split(',').slice(0, 4)).toEqual(['product', 'hits', 'errors4xx', 'errors5xx']);
    const rows = lines.slice(1).map((line) => line.split(',').slice(0, 4));
    expect(rows).toContainEqual(['silver', '9', '0', '3']);
    expect(rows.map((row) => row[0]).sort()).toEqual(['', 'gold', 'silver']);
  });

  it('loses at most the last flush interval to a kill -9, rollups and raw events alike', async () => {
    const call = adminClient(platform.url, TOKEN);
    const gateway = platform.gateways.production ?? '';
    // By hour: the client's rollup series (by minute it would be the raw events).
    const hits = async () => hitsOf(call, 'clientId=carol', 'hour');
    const send = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const response = await fetch(`${gateway}/pets/k${i}`, { headers: { 'x-api-key': keys['carol/silver'] ?? '' } });
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
    };
    const before = await hits();
    await send(20);
    await eventually(hits, before + 20);

    // Ten more calls, then the process is killed before (or while) the next flush writes them.
    await send(10);
    const exited = once(platform.child, 'exit');
    platform.child.kill('SIGKILL');
    await exited;
    platform = await start();

    const after = await hitsOf(adminClient(platform.url, TOKEN), 'clientId=carol', 'hour');
    expect(after).toBeGreaterThanOrEqual(before + 20);
    expect(after).toBeLessThanOrEqual(before + 30);
    // Raw events and rollups are written in one transaction: what survived, survived in both.
    const db = new Database(join(dataDir, 'tollgate.db'), { readonly: true });
    try {
      const raw = db.prepare("select count(*) as n from analytics_events where client_id = 'carol'").get() as { n: number };
      expect(raw.n).toBe(after);
    } finally {
      db.close();
    }
  });
});
