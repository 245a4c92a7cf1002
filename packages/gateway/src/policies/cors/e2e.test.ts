import type { Policy } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { ECHO, type EchoReply, makeGatewayKey, makePolicy, usePolicyGateway } from '../../testing/index.js';

const APP = 'https://app.example.com';
const RAW_KEY = 'tg_k_cors';

/** CORS through a real gateway node and echo upstream, next to a key policy. */
describe('policy: cors end to end', () => {
  const e2e = usePolicyGateway();

  const corsPolicy = (config: Record<string, unknown> = { allowOrigins: [APP] }) => makePolicy({ id: 'cors', type: 'cors', config });
  const keyPolicy = makePolicy({ id: 'key', type: 'verify-api-key' });

  /** Starts a node for project /pets with `policies` (declared in this order) and one valid key. */
  const start = (policies: Policy[]) => e2e.start(policies, { keys: [makeGatewayKey(RAW_KEY)] });

  const preflight = (origin: string, method = 'PUT', headers = 'x-api-key, content-type') =>
    fetch(`${e2e.gateway.url}/pets/items/1`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
    });

  /** The CORS headers of an answer, by lower-case name. */
  const corsHeaders = (response: Response) =>
    Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));

  it('answers a preflight at the gateway with 204 and never reaches the backend, though a key policy is declared first', async () => {
    await start([keyPolicy, corsPolicy({ allowOrigins: [APP], maxAge: 120 })]);
    const answer = await preflight(APP);
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
    expect(corsHeaders(answer)).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': 'x-api-key, content-type',
      'access-control-max-age': '120',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    });
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('adds the CORS headers to a forwarded answer and forwards Origin to the backend', async () => {
    await start([keyPolicy, corsPolicy()]);
    const answer = await fetch(`${e2e.gateway.url}/pets/items`, { headers: { origin: APP, 'x-api-key': RAW_KEY } });
    expect(answer.status).toBe(200);
    expect(corsHeaders(answer)).toEqual({
      'access-control-allow-origin': APP,
      'access-control-expose-headers': 'x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after',
      vary: 'Origin',
    });
    expect(((await answer.json()) as EchoReply).headers.origin).toBe(APP);
  });

  it("puts the CORS headers on the gateway's own error answers, so a browser script can read a 401 or a 429", async () => {
    const quota = makePolicy({ id: 'q', type: 'quota', config: { limit: 1, unit: 'day', identifier: 'project' } });
    await start([keyPolicy, quota, corsPolicy()]);
    const unauthenticated = await fetch(`${e2e.gateway.url}/pets/items`, { headers: { origin: APP } });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('access-control-allow-origin')).toBe(APP);

    const call = () => fetch(`${e2e.gateway.url}/pets/items`, { headers: { origin: APP, 'x-api-key': RAW_KEY } });
    expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(corsHeaders(limited)).toMatchObject({ 'access-control-allow-origin': APP, vary: 'Origin' });
    expect(limited.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('refuses an origin that is not listed, preflight or actual call, with 403 CORS_REJECTED before the backend', async () => {
    await start([corsPolicy()]);
    const refusedPreflight = await preflight('https://evil.example');
    const refusedCall = await fetch(`${e2e.gateway.url}/pets/items`, { headers: { origin: 'https://evil.example' } });
    for (const answer of [refusedPreflight, refusedCall]) {
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('CORS_REJECTED');
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('passes calls without Origin untouched: no CORS header, the backend answers', async () => {
    await start([corsPolicy()]);
    const answer = await fetch(`${e2e.gateway.url}/pets/items`);
    expect(answer.status).toBe(200);
    expect(corsHeaders(answer)).toEqual({});
    const options = await fetch(`${e2e.gateway.url}/pets/items`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'GET' },
    });
    expect(options.status).toBe(200);
    expect(e2e.upstream.received.map((request) => request.method)).toEqual(['GET', 'OPTIONS']);
  });

  it('with credentials and "*", echoes the origin and replaces a backend\'s own "*"', async () => {
    await start([corsPolicy({ allowOrigins: '*', allowCredentials: true })]);
    const answer = await fetch(`${e2e.gateway.url}/pets/items`, {
      headers: { origin: 'https://other.example', [ECHO.responseHeaders]: JSON.stringify({ 'access-control-allow-origin': '*' }) },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://other.example');
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('routes a preflight as the call it announces: a resource without OPTIONS still gets its 204, without Content-Length', async () => {
    const gateway = await e2e.start([corsPolicy()], {
      project: { resources: [{ id: 'item', path: '/items/{id}', methods: ['PUT'], acceptChildPaths: false, forwardBasePath: true }] },
    });

    const answer = await preflight(APP);

    expect(answer.status).toBe(204);
    expect(answer.headers.get('content-length')).toBeNull();
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    const plain = await fetch(`${gateway.url}/pets/items/1`, { method: 'OPTIONS' });
    expect(plain.status).toBe(405);
  });

  it("merges Vary: Origin into the backend's own Vary instead of replacing it", async () => {
    await start([corsPolicy()]);

    const answer = await fetch(`${e2e.gateway.url}/pets/items/1`, {
      headers: { origin: APP, [ECHO.responseHeaders]: JSON.stringify({ vary: 'Accept-Encoding' }) },
    });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('vary')).toBe('Accept-Encoding, Origin');
  });
});
