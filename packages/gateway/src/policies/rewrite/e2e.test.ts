import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type EchoUpstream,
  makeGatewayConfig,
  makeGatewayKey,
  makeGatewayProduct,
  makePolicy,
  makeProject,
  startEchoUpstream,
  startTestGateway,
  type TestGateway,
} from '../../testing/index.js';

/** The forwarded query string through a real node. */
describe('policy: rewrite end to end', () => {
  let upstream: EchoUpstream;
  let gateway: TestGateway | undefined;
  beforeEach(async () => {
    upstream = await startEchoUpstream();
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    await upstream.close();
  });

  it('forwards the rewritten query to the target path, the key parameter already gone', async () => {
    const verify = makePolicy({ id: 'k', type: 'verify-api-key', config: { queryParameter: 'apikey' } });
    const query = makePolicy({
      id: 'r',
      type: 'rewrite',
      flow: 'target-request',
      config: { query: { remove: ['debug'], rename: { q: 'search' }, set: { client: '{client.id}' } } },
    });
    gateway = await startTestGateway(
      makeGatewayConfig({
        projects: [
          makeProject({
            id: 'pets',
            contextPath: '/pets',
            target: { url: `${upstream.url}/v2`, timeoutMs: 5_000 },
            policies: [verify, query],
          }),
        ],
        products: [makeGatewayProduct({ id: 'test-product', projectIds: ['pets'] })],
        keys: [makeGatewayKey('tg_k_rewrite')],
      }),
    );

    const res = await fetch(`${gateway.url}/pets/search?q=red+cat&debug=1&client=forged&apikey=tg_k_rewrite`);

    expect(res.status).toBe(200);
    // The key parameter is taken out; the other parameters keep the client's own encoding.
    expect(upstream.received.map((request) => request.url)).toEqual(['/v2/search?search=red+cat&client=test-client']);
  });

  it('forwards a rewritten path under the target base path', async () => {
    const path = makePolicy({
      id: 'p',
      type: 'rewrite',
      flow: 'target-request',
      config: { path: { pattern: '^/old/(.*)$', replacement: '/new/$1' } },
    });
    gateway = await startTestGateway(
      makeGatewayConfig({
        projects: [
          makeProject({ id: 'pets', contextPath: '/pets', target: { url: `${upstream.url}/v2`, timeoutMs: 5_000 }, policies: [path] }),
        ],
      }),
    );

    expect((await fetch(`${gateway.url}/pets/old/7?x=1`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/pets/kept`)).status).toBe(200);

    expect(upstream.received.map((request) => request.url)).toEqual(['/v2/new/7?x=1', '/v2/kept']);
  });
});
