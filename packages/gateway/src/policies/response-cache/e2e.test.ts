import { describe, expect, it } from 'vitest';
import { ECHO, makeGatewayKey, makePolicy, usePolicyGateway } from '../../testing/index.js';

/** The cache through a real node (with a clock the test moves) and a real upstream. */
describe('policy: response-cache end to end', () => {
  const e2e = usePolicyGateway();
  let clock = Date.parse('2026-06-01T00:00:00Z');

  const start = (config: Record<string, unknown>, extra: ReturnType<typeof makePolicy>[] = []) =>
    e2e.start(
      [
        ...extra,
        makePolicy({ id: 'lookup', type: 'response-cache', config }),
        makePolicy({ id: 'store', type: 'response-cache', flow: 'proxy-response' }),
      ],
      {
        keys: [
          makeGatewayKey('tg_k_alice', { clientId: 'alice', subscriptionId: 'a' }),
          makeGatewayKey('tg_k_bob', { clientId: 'bob', subscriptionId: 'b' }),
        ],
        gateway: { now: () => new Date(clock) },
      },
    );
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${e2e.gateway.url}${path}`, { headers });

  it("answers a caller's repeated GET from the cache until the TTL ends, never another caller's", async () => {
    await start({ ttlSeconds: 30 }, [makePolicy({ id: 'k', type: 'verify-api-key' })]);
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
    expect(e2e.upstream.received).toHaveLength(3);
  });

  it('does not keep answers the backend marks no-store, nor error answers', async () => {
    await start({ shared: true });
    const noStore = { [ECHO.responseHeaders]: JSON.stringify({ 'cache-control': 'no-store' }) };

    await get('/pets/a', noStore);
    const again = await get('/pets/a', noStore);
    await get('/pets/b', { [ECHO.status]: '503' });
    const retried = await get('/pets/b', { [ECHO.status]: '503' });

    expect(again.headers.get('x-cache')).toBeNull();
    expect(retried.status).toBe(503);
    expect(e2e.upstream.received).toHaveLength(4);
  });

  it('shares answers between anonymous callers when shared, keyed by the query', async () => {
    await start({ shared: true });

    await get('/pets/list?page=1');
    const hit = await get('/pets/list?page=1');
    const otherPage = await get('/pets/list?page=2');

    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(otherPage.headers.get('x-cache')).toBe('MISS');
    expect(e2e.upstream.received.map((request) => request.url)).toEqual(['/list?page=1', '/list?page=2']);
  });
});
