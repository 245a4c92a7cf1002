import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ECHO,
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

/** The cache through a real node (with a clock the test moves) and a real upstream. */
describe('policy: response-cache end to end', () => {
  let upstream: EchoUpstream;
  let gateway: TestGateway | undefined;
  let clock = Date.parse('2026-06-01T00:00:00Z');
  beforeEach(async () => {
    upstream = await startEchoUpstream();
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    await upstream.close();
  });

  const start = (config: Record<string, unknown>, extra: ReturnType<typeof makePolicy>[] = []) =>
    startTestGateway(
      makeGatewayConfig({
        projects: [
          makeProject({
            id: 'pets',
            contextPath: '/pets',
            target: { url: upstream.url, timeoutMs: 5_000 },
            policies: [
              ...extra,
              makePolicy({ id: 'lookup', type: 'response-cache', config }),
              makePolicy({ id: 'store', type: 'response-cache', flow: 'proxy-response' }),
            ],
          }),
        ],
        products: [makeGatewayProduct({ id: 'test-product', projectIds: ['pets'] })],
        keys: [
          makeGatewayKey('tg_k_alice', { clientId: 'alice', subscriptionId: 'a' }),
          makeGatewayKey('tg_k_bob', { clientId: 'bob', subscriptionId: 'b' }),
        ],
      }),
      { now: () => new Date(clock) },
    );
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gateway?.url}${path}`, { headers });

  it("answers a caller's repeated GET from the cache until the TTL ends, never another caller's", async () => {
    gateway = await start({ ttlSeconds: 30 }, [makePolicy({ id: 'k', type: 'verify-api-key' })]);
    const alice = { 'x-api-key': 'tg_k_alice' };

    const first = await get('/pets/x', alice);
    const firstBody = await first.text();
    clock += 10_000;
    const second = await get('/pets/x', alice);
    const bob = await get('/pets/x', { 'x-api-key': 'tg_k_bob' });
    clock += 20_000;
    const expired = await get('/pets/x', alice);

    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('age')).toBe('10');
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(firstBody)));
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(bob.headers.get('x-cache')).toBe('MISS');
    expect(expired.headers.get('x-cache')).toBe('MISS');
    expect(upstream.received).toHaveLength(3);
  });

  it('does not keep answers the backend marks no-store, nor error answers', async () => {
    gateway = await start({ shared: true });
    const noStore = { [ECHO.responseHeaders]: JSON.stringify({ 'cache-control': 'no-store' }) };

    await get('/pets/a', noStore);
    const again = await get('/pets/a', noStore);
    await get('/pets/b', { [ECHO.status]: '503' });
    const retried = await get('/pets/b', { [ECHO.status]: '503' });

    expect(again.headers.get('x-cache')).toBeNull();
    expect(retried.status).toBe(503);
    expect(upstream.received).toHaveLength(4);
  });

  it('shares answers between anonymous callers when shared, keyed by the query', async () => {
    gateway = await start({ shared: true });

    await get('/pets/list?page=1');
    const hit = await get('/pets/list?page=1');
    const otherPage = await get('/pets/list?page=2');

    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(otherPage.headers.get('x-cache')).toBe('MISS');
    expect(upstream.received.map((request) => request.url)).toEqual(['/list?page=1', '/list?page=2']);
  });
});
