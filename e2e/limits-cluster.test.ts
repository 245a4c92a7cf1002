import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, type TestSchema, testPostgresUrl } from '@tollgate/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedisUrl } from '../packages/gateway/src/testing/redis.js';
import { type CliProcess, startCli } from './cli-process.js';
import { startRecordingUpstream } from './echo-upstream.js';
import { adminClient, eventually } from './platform.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

const postgresUrl = testPostgresUrl();
const redisUrl = testRedisUrl();
const TOKEN = 'limits-e2e-token';
const HEARTBEAT_MS = 5_000;
/** Counter keys name the policy: a fresh policy id per run keeps counts of earlier runs (same Redis, same day) out. */
const RUN = Math.random().toString(36).slice(2, 10);

/** A project at `/<id>` with one traffic policy and no key check. */
function limitedProject(id: string, type: string, config: Record<string, unknown>, upstreamUrl: string) {
  return {
    id,
    name: id,
    contextPath: `/${id}`,
    target: { url: upstreamUrl },
    policies: [{ id: `limit-${RUN}`, type, flow: 'proxy-request', config }],
  };
}

/** Sends `count` calls at once, spread round-robin over `nodes`; answers the statuses. */
async function burst(nodes: string[], path: string, count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await fetch(`${nodes[i % nodes.length]}${path}`);
      await response.arrayBuffer();
      return response.status;
    }),
  );
}

const countOf = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe.skipIf(postgresUrl === undefined || redisUrl === undefined)('limits shared by 3 gateway nodes through Redis', () => {
  let schema: TestSchema;
  let dataDir: string;
  let proxy: TcpProxy;
  let processes: CliProcess[] = [];
  let nodes: string[] = [];
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let lastNodeStartedAt = 0;

  beforeAll(async () => {
    const redis = new URL(redisUrl ?? '');
    proxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379));
    const sharedRedis = `redis://127.0.0.1:${proxy.port}`;
    schema = await createTestSchema(postgresUrl ?? '');
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-limits-'));
    upstream = await startRecordingUpstream();
    const platform = await startCli(
      ['start', '--data', dataDir, '--port', '0', '--database', schema.url, '--gateway', 'production=0', '--redis', sharedRedis],
      { TOLLGATE_ADMIN_TOKEN: TOKEN },
    );
    processes.push(platform);
    for (const name of ['node2', 'node3']) {
      const args = ['gateway', '--server-group', 'production', '--port', '0', '--database', schema.url, '--data', join(dataDir, name)];
      processes.push(await startCli([...args, '--redis', sharedRedis]));
    }
    lastNodeStartedAt = Date.now();
    nodes = [platform.gateways.production ?? '', ...processes.slice(1).map((p) => p.url)];

    const call = adminClient(platform.url, TOKEN);
    const projects = [
      limitedProject('exact', 'quota', { limit: 37, unit: 'day', identifier: 'project' }, upstream.url),
      limitedProject(
        'sliding',
        'rate-limit',
        { limit: 23, windowSeconds: 3600, algorithm: 'sliding', identifier: 'project' },
        upstream.url,
      ),
      limitedProject('local', 'quota', { limit: 9, unit: 'day', identifier: 'project', onStoreFailure: 'local' }, upstream.url),
      limitedProject('open', 'quota', { limit: 1, unit: 'day', identifier: 'project', onStoreFailure: 'open' }, upstream.url),
      limitedProject('closed', 'quota', { limit: 10_000, unit: 'day', identifier: 'project', onStoreFailure: 'closed' }, upstream.url),
    ];
    for (const project of projects) {
      expect((await call('POST', '/projects', project)).status).toBe(201);
      expect((await call('POST', `/projects/${project.id}/deployments`, { serverGroupId: 'production' })).status).toBe(201);
    }
    for (const node of nodes) await eventually(async () => (await fetch(`${node}/closed/ready`)).status, 200);
  }, 60_000);

  afterAll(async () => {
    for (const process of processes.reverse()) await process.stop();
    processes = [];
    await upstream?.close();
    await proxy?.close();
    await schema?.drop();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('admits exactly N of 200 concurrent calls spread over the 3 nodes, for a quota and a sliding window', async () => {
    const quota = await burst(nodes, '/exact/x', 200);
    const sliding = await burst(nodes, '/sliding/x', 200);

    expect(countOf(quota, 200)).toBe(37);
    expect(countOf(quota, 429)).toBe(163);
    expect(countOf(sliding, 200)).toBe(23);
    expect(countOf(sliding, 429)).toBe(177);

    // Each node writes its own rollup rows to PostgreSQL; the analytics API adds them up.
    const call = adminClient(processes[0]?.url ?? '', TOKEN);
    const hitsOf = async (query: string) =>
      ((await call('GET', `/analytics/summary?period=last1h&${query}`)).body.totals as { hits: number }).hits;
    await eventually(() => hitsOf('projectId=exact'), 200, 10_000);
    await eventually(() => hitsOf('projectId=sliding'), 200, 10_000);
    const byNode = (await call('GET', '/analytics/top?period=last1h&by=node')).body.items as Array<{ value: string }>;
    // Node ids are `<hostname>:<port>`: the three gateway ports.
    expect(byNode.map((item) => item.value.split(':').at(-1)).sort()).toEqual(nodes.map((node) => new URL(node).port).sort());
  });

  it('follows onStoreFailure while Redis is cut off: local shares, open admits, closed answers 503; then shares again', async () => {
    // Every node must have heard of the other two (one heartbeat after the last one started).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastNodeStartedAt + HEARTBEAT_MS + 1_000 - Date.now())));
    expect((await burst([nodes[0] ?? ''], '/open/x', 2)).sort()).toEqual([200, 429]);

    await proxy.cut();
    try {
      const closed = await fetch(`${nodes[1]}/closed/x`);
      expect(closed.status).toBe(503);
      expect(closed.headers.get('retry-after')).toBe('1');
      expect(((await closed.json()) as { code: string }).code).toBe('LIMIT_STORE_UNAVAILABLE');

      expect(await burst(nodes, '/open/x', 6)).toEqual([200, 200, 200, 200, 200, 200]);

      // limit 9 over 3 live nodes: each node admits its share of 3.
      for (const node of nodes) expect(countOf(await burst([node], '/local/x', 5), 200)).toBe(3);
    } finally {
      await proxy.restore();
    }

    await eventually(async () => (await fetch(`${nodes[2]}/closed/x`)).status, 200, 10_000);
    // Back on the shared counter: the quota of 1 used before the cut still holds.
    expect(countOf(await burst(nodes, '/open/x', 3), 429)).toBe(3);
  }, 30_000);
});
