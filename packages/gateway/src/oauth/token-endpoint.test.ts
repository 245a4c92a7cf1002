import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../snapshot/snapshot.js';
import { makeGatewayConfig, makeGatewayKey, makeGatewayProduct, makePolicy, usePolicyGateway } from '../testing/index.js';

const KEY = 'tg_k_oauth-client';
const SECRET = 'tg_s_oauth-secret';

/** The OAuth client credentials flow through a real node: token endpoint, then the API with the token. */
describe('gateway: POST /oauth/token and verify-access-token', () => {
  const e2e = usePolicyGateway();

  beforeEach(async () => {
    await e2e.start([makePolicy({ id: 'token', type: 'verify-access-token' })], {
      products: [makeGatewayProduct({ id: 'test-product', projectIds: ['pets'], scopes: ['pets:read', 'pets:write'] })],
      keys: [makeGatewayKey(KEY)],
    });
    e2e.gateway.store.secretDigests.set(sha256Hex(KEY), sha256Hex(SECRET));
  });

  const requestToken = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${e2e.gateway.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  it('issues a bearer token for client credentials sent with HTTP Basic; the token opens the API', async () => {
    const res = await requestToken('grant_type=client_credentials', { authorization: basic(KEY, SECRET) });

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'pets:read pets:write' });
    const call = await fetch(`${e2e.gateway.url}/pets/1`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(call.status).toBe(200);
    const seen = e2e.upstream.received.at(-1);
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers['x-tollgate-client']).toBe('test-client');
  });

  it('accepts the credentials as form fields and grants a requested subset of the scopes', async () => {
    const res = await requestToken(`grant_type=client_credentials&client_id=${KEY}&client_secret=${SECRET}&scope=pets:read`);

    expect(res.status).toBe(200);
    expect(((await res.json()) as { scope: string }).scope).toBe('pets:read');
  });

  it('answers 401 invalid_client with a Basic challenge for a wrong secret, an unknown key or no credentials', async () => {
    const attempts: Array<Record<string, string>> = [
      { authorization: basic(KEY, 'wrong') },
      { authorization: basic('tg_k_unknown', SECRET) },
      {},
    ];
    for (const headers of attempts) {
      const res = await requestToken('grant_type=client_credentials', headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="tollgate"');
      expect(((await res.json()) as { error: string }).error).toBe('invalid_client');
    }
  });

  it('answers the RFC 6749 errors for bad requests', async () => {
    const cases: Array<[string, Record<string, string>, number, string]> = [
      ['grant_type=password', { authorization: basic(KEY, SECRET) }, 400, 'unsupported_grant_type'],
      ['', { authorization: basic(KEY, SECRET) }, 400, 'invalid_request'],
      ['grant_type=client_credentials&scope=admin', { authorization: basic(KEY, SECRET) }, 400, 'invalid_scope'],
      [
        `grant_type=client_credentials&client_id=${KEY}&client_secret=${SECRET}`,
        { authorization: basic(KEY, SECRET) },
        400,
        'invalid_request',
      ],
      ['grant_type=client_credentials&grant_type=client_credentials', { authorization: basic(KEY, SECRET) }, 400, 'invalid_request'],
    ];
    for (const [body, headers, status, error] of cases) {
      const res = await requestToken(body, headers);
      expect([body, res.status, ((await res.json()) as { error: string }).error]).toEqual([body, status, error]);
    }
    const json = await fetch(`${e2e.gateway.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    const get = await fetch(`${e2e.gateway.url}/oauth/token`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('answers 401 to the API without a token, and stops a token once its key is revoked', async () => {
    expect((await fetch(`${e2e.gateway.url}/pets/1`)).status).toBe(401);
    const token = (
      (await (await requestToken('grant_type=client_credentials', { authorization: basic(KEY, SECRET) })).json()) as {
        access_token: string;
      }
    ).access_token;

    e2e.gateway.store.replace({
      ...makeGatewayConfig(),
      projects: (await e2e.gateway.store.load(makeGatewayConfig().serverGroupId, new Date())).projects,
      products: [makeGatewayProduct({ id: 'test-product', projectIds: ['pets'], scopes: ['pets:read'] })],
      keys: [makeGatewayKey(KEY, { active: false })],
    });
    await e2e.gateway.node.refresh();

    const call = await fetch(`${e2e.gateway.url}/pets/1`, { headers: { authorization: `Bearer ${token}` } });
    expect(call.status).toBe(403);
    expect(((await call.json()) as { code: string }).code).toBe('SUBSCRIPTION_INACTIVE');
  });

  it('answers 503 temporarily_unavailable when the store holding the secrets cannot be reached', async () => {
    e2e.gateway.store.unreachable = true;
    const res = await requestToken('grant_type=client_credentials', { authorization: basic(KEY, SECRET) });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toBe('temporarily_unavailable');
  });
});
