import { describe, expect, it } from 'vitest';
import { makeGatewayKey, makePolicy, usePolicyGateway } from '../../testing/index.js';

/** Custom error answers through a real node: rejections by policies and backend failures. */
describe('policy: fault-handling end to end', () => {
  const e2e = usePolicyGateway();

  const faults = makePolicy({
    id: 'f',
    type: 'fault-handling',
    config: {
      rules: [
        { codes: ['QUOTA_EXCEEDED'], body: { error: '{error.code}', message: '{error.detail}', requestId: '{request.id}' } },
        { codes: ['UPSTREAM_UNAVAILABLE'], status: 503, contentType: 'text/html; charset=utf-8', body: '<h1>{error.title|xml}</h1>' },
      ],
    },
  });

  const start = (target: string, policies: ReturnType<typeof makePolicy>[]) =>
    e2e.start(policies, { project: { target: { url: target, timeoutMs: 5_000 } }, keys: [makeGatewayKey('tg_k_faults')] });

  it('answers a refused call with the custom body, keeping Retry-After, RateLimit-* and X-Request-Id', async () => {
    const quota = makePolicy({ id: 'q', type: 'quota', config: { limit: 1, unit: 'hour', identifier: 'project' } });
    const gateway = await start(e2e.upstream.url, [quota, faults]);

    expect((await fetch(`${gateway.url}/pets/x`)).status).toBe(200);
    const refused = await fetch(`${gateway.url}/pets/x`);

    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.headers.get('ratelimit-limit')).toBe('1');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    const requestId = refused.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await refused.json()).toEqual({ error: 'QUOTA_EXCEEDED', message: 'the quota of 1 calls per hour is used up', requestId });
    expect(e2e.upstream.received).toHaveLength(1);
  });

  it('answers a backend that cannot be reached with the custom page and status', async () => {
    const gateway = await start('http://127.0.0.1:1', [faults]);

    const res = await fetch(`${gateway.url}/pets/x`);

    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('<h1>The backend could not be reached</h1>');
  });

  it('leaves errors no rule names as problem+json', async () => {
    const gateway = await start(e2e.upstream.url, [makePolicy({ id: 'k', type: 'verify-api-key' }), faults]);

    const res = await fetch(`${gateway.url}/pets/x`);

    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('API_KEY_MISSING');
  });
});
