import { describe, expect, it } from 'vitest';
import { makeGatewayKey, makePolicy, usePolicyGateway } from '../../testing/index.js';

/** The forwarded path and query string through a real node. */
describe('policy: rewrite end to end', () => {
  const e2e = usePolicyGateway();
  /** Project `pets` at /pets, forwarding under the target base path `/v2`. */
  const underV2 = () => ({ target: { url: `${e2e.upstream.url}/v2`, timeoutMs: 5_000 } });

  it('forwards the rewritten query to the target path, the key parameter already gone', async () => {
    const verify = makePolicy({ id: 'k', type: 'verify-api-key', config: { queryParameter: 'apikey' } });
    const query = makePolicy({
      id: 'r',
      type: 'rewrite',
      flow: 'target-request',
      config: { query: { remove: ['debug'], rename: { q: 'search' }, set: { client: '{client.id}' } } },
    });
    await e2e.start([verify, query], { project: underV2(), keys: [makeGatewayKey('tg_k_rewrite')] });

    const res = await fetch(`${e2e.gateway.url}/pets/search?q=red+cat&debug=1&client=forged&apikey=tg_k_rewrite`);

    expect(res.status).toBe(200);
    // The key parameter is taken out; the other parameters keep the client's own encoding.
    expect(e2e.upstream.received.map((request) => request.url)).toEqual(['/v2/search?search=red+cat&client=test-client']);
  });

  it('forwards a rewritten path under the target base path', async () => {
    const path = makePolicy({
      id: 'p',
      type: 'rewrite',
      flow: 'target-request',
      config: { path: { pattern: '^/old/(.*)$', replacement: '/new/$1' } },
    });
    await e2e.start([path], { project: underV2() });

    expect((await fetch(`${e2e.gateway.url}/pets/old/7?x=1`)).status).toBe(200);
    expect((await fetch(`${e2e.gateway.url}/pets/kept`)).status).toBe(200);

    expect(e2e.upstream.received.map((request) => request.url)).toEqual(['/v2/new/7?x=1', '/v2/kept']);
  });
});
