import { describe, expect, it } from 'vitest';
import { ECHO, makeGatewayKey, makeGatewayProduct, makePolicy, usePolicyGateway } from './testing/index.js';

/** Traffic control through a real node and a real upstream: headers, rejections, slots. */
describe('gateway: traffic-control policies end to end', () => {
  const e2e = usePolicyGateway();

  it('admits a quota of 3, sends RateLimit-* on each answer, then 429 QUOTA_EXCEEDED with Retry-After; the upstream sees 3 calls', async () => {
    const quota = makePolicy({ id: 'q', type: 'quota', config: { limit: 3, unit: 'hour', identifier: 'ip' } });
    const gateway = await e2e.start([quota]);

    const answers: Response[] = [];
    for (let i = 0; i < 4; i++) answers.push(await fetch(`${gateway.url}/pets/x`));
    const refused = answers[3] as Response;

    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((res) => res.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(answers.every((res) => res.headers.get('ratelimit-limit') === '3')).toBe(true);
    const reset = Number(refused.headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(3600);
    expect(refused.headers.get('retry-after')).toBe(String(reset));
    expect(((await refused.json()) as { code: string }).code).toBe('QUOTA_EXCEEDED');
    expect(e2e.upstream.received).toHaveLength(3);
  });

  it("enforces the key's product quota without any quota policy, and reports the tightest of several limits", async () => {
    const rawKey = 'tg_k_traffic';
    const limit = makePolicy({ id: 'r', type: 'rate-limit', config: { limit: 100, windowSeconds: 60 } });
    const verify = makePolicy({ id: 'k', type: 'verify-api-key' });
    const gateway = await e2e.start([limit, verify], {
      products: [makeGatewayProduct({ id: 'test-product', projectIds: ['pets'], quota: { limit: 2, unit: 'day' } })],
      keys: [makeGatewayKey(rawKey)],
    });
    const call = () => fetch(`${gateway.url}/pets/x`, { headers: { 'x-api-key': rawKey } });

    const first = await call();
    const second = await call();
    const third = await call();

    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect(((await third.json()) as { code: string }).code).toBe('QUOTA_EXCEEDED');
  });

  it('restarts the product quota when the quota epoch of the key moves (a reset)', async () => {
    const rawKey = 'tg_k_reset';
    const verify = [makePolicy({ id: 'k', type: 'verify-api-key' })];
    const options = (quotaEpoch: number) => ({
      products: [makeGatewayProduct({ id: 'test-product', projectIds: ['pets'], quota: { limit: 1, unit: 'month' } })],
      keys: [makeGatewayKey(rawKey, { quotaEpoch })],
    });
    const gateway = await e2e.start(verify, options(0));
    const call = async () => (await fetch(`${gateway.url}/pets/x`, { headers: { 'x-api-key': rawKey } })).status;
    expect([await call(), await call()]).toEqual([200, 429]);

    gateway.store.replace(e2e.config(verify, options(1)));
    await gateway.node.refresh();

    expect([await call(), await call()]).toEqual([200, 429]);
  });

  it('keeps counting across a configuration change (counters outlive snapshots)', async () => {
    const quota = makePolicy({ id: 'q', type: 'quota', config: { limit: 2, unit: 'day', identifier: 'project' } });
    const gateway = await e2e.start([quota]);
    expect((await fetch(`${gateway.url}/pets/x`)).status).toBe(200);

    gateway.store.replace(e2e.config([quota]));
    await gateway.node.refresh();

    expect((await fetch(`${gateway.url}/pets/x`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/pets/x`)).status).toBe(429);
  });

  it('holds a concurrent-limit slot until the response is finished, then frees it', async () => {
    const slots = makePolicy({ id: 'c', type: 'concurrent-limit', config: { limit: 1 } });
    const gateway = await e2e.start([slots]);

    const slow = fetch(`${gateway.url}/pets/slow`, { headers: { [ECHO.delayMs]: '400' } });
    await e2e.upstream.waitForRequests(1);
    const busy = await fetch(`${gateway.url}/pets/x`);
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(((await busy.json()) as { code: string }).code).toBe('RATE_LIMITED');

    expect((await slow).status).toBe(200);
    expect((await fetch(`${gateway.url}/pets/x`)).status).toBe(200);
  });

  it('frees a concurrent-limit slot when the call is rejected by a later policy or fails upstream', async () => {
    const slots = makePolicy({ id: 'c', type: 'concurrent-limit', config: { limit: 1 } });
    const gateway = await e2e.start([slots], {
      project: { id: 'dead', contextPath: '/dead', target: { url: 'http://127.0.0.1:1', timeoutMs: 1_000 } },
    });

    expect((await fetch(`${gateway.url}/dead/x`)).status).toBe(502);
    expect((await fetch(`${gateway.url}/dead/x`)).status).toBe(502);
  });

  it('runs policies by type priority whatever their declared order: spike arrest before the quota it protects', async () => {
    const quota = makePolicy({ id: 'q', type: 'quota', config: { limit: 100, unit: 'day', identifier: 'project' } });
    const spike = makePolicy({ id: 's', type: 'spike-arrest', config: { rate: 1, per: 'minute' } });
    const gateway = await e2e.start([quota, spike]);

    const first = await fetch(`${gateway.url}/pets/x`);
    const second = await fetch(`${gateway.url}/pets/x`);

    expect([first.status, second.status]).toEqual([200, 429]);
    // The refused call never reached the quota: it still reports 99 left from the first call only.
    expect(first.headers.get('ratelimit-remaining')).toBe('99');
    expect(second.headers.get('ratelimit-limit')).toBe('1');
    const third = await fetch(`${gateway.url}/pets/x`);
    expect(third.status).toBe(429);
  });
});
