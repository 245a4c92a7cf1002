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
    // '+' rather than '%20': verify-api-key's takeQueryParameter re-encodes the query it takes the key from.
    expect(upstream.received.map((request) => request.url)).toEqual(['/v2/search?search=red+cat&client=test-client']);
  });
});
