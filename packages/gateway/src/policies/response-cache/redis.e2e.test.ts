import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type EchoUpstream,
  makeGatewayConfig,
  makePolicy,
  makeProject,
  startEchoUpstream,
  startTestGateway,
  type TestGateway,
  testRedisUrl,
} from '../../testing/index.js';

const redisUrl = testRedisUrl();

/** store: "redis" through two real nodes sharing a real Redis. */
describe.skipIf(redisUrl === undefined)('policy: response-cache in Redis, shared by two nodes', () => {
  let upstream: EchoUpstream;
  let nodes: TestGateway[] = [];
  beforeEach(async () => {
    upstream = await startEchoUpstream();
  });
  afterEach(async () => {
    for (const node of nodes) await node.close();
    nodes = [];
    await upstream.close();
  });

  it('serves from the second node an answer the first one stored, without calling the backend again', async () => {
    // A fresh policy id per run: the same Redis keeps answers of earlier runs for their TTL.
    const lookup = makePolicy({
      id: `lookup-${Date.now()}`,
      type: 'response-cache',
      config: { shared: true, store: 'redis', ttlSeconds: 60 },
    });
    const store = makePolicy({ id: 'store', type: 'response-cache', flow: 'proxy-response' });
    const config = makeGatewayConfig({
      projects: [
        makeProject({ id: 'pets', contextPath: '/pets', target: { url: upstream.url, timeoutMs: 5_000 }, policies: [lookup, store] }),
      ],
    });
    const first = await startTestGateway(config, { redisUrl });
    nodes.push(first);
    const second = await startTestGateway(config, { redisUrl, store: first.store });
    nodes.push(second);

    const miss = await fetch(`${first.url}/pets/x`);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    const missBody = await miss.text();
    // The first node's own hit proves the answer is in Redis (its writes and reads share one
    // connection, in order); only then is the second node asked.
    const again = await fetch(`${first.url}/pets/x`);
    expect(again.headers.get('x-cache')).toBe('HIT');
    const hit = await fetch(`${second.url}/pets/x`);

    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(await hit.text()).toBe(missBody);
    expect(upstream.received.filter((request) => request.url === '/x')).toHaveLength(1);
  });
});
