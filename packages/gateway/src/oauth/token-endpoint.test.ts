import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../snapshot/snapshot.js';
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
} from '../testing/index.js';

const KEY = 'tg_k_oauth-client';
const SECRET = 'tg_s_oauth-secret';

/** The OAuth client credentials flow through a real node: token endpoint, then the API with the token. */
describe('gateway: POST /oauth/token and verify-access-token', () => {
  let upstream: EchoUpstream;
  let gateway: TestGateway;

  beforeEach(async () => {
    upstream = await startEchoUpstream();
    const project = makeProject({
      id: 'pets',
      contextPath: '/pets',
      target: { url: upstream.url, timeoutMs: 5_000 },
      policies: [makePolicy({ id: 'token', type: 'verify-access-token' })],
    });
    gateway = await startTestGateway(
      makeGatewayConfig({
        projects: [project],
        products: [makeGatewayProduct({ id: 'test-product', projectIds: ['pets'], scopes: ['pets:read', 'pets:write'] })],
        keys: [makeGatewayKey(KEY)],
      }),
    );
    gateway.store.secretDigests.set(sha256Hex(KEY), sha256Hex(SECRET));
  });

  afterEach(async () => {
    await gateway.close();
    await upstream.close();
  });

  const requestToken = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/oauth/token`, {
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
    const call = await fetch(`${gateway.url}/pets/1`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(call.status).toBe(200);
    const seen = upstream.received.at(-1);
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
    const json = await fetch(`${gateway.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
    const get = await fetch(`${gateway.url}/oauth/token`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('answers 401 to the API without a token, and stops a token once its key is revoked', async () => {
    expect((await fetch(`${gateway.url}/pets/1`)).status).toBe(401);
    const token = (
      (await (await requestToken('grant_type=client_credentials', { authorization: basic(KEY, SECRET) })).json()) as {
        access_token: string;
      }
    ).access_token;

    gateway.store.replace({
      ...makeGatewayConfig(),
      projects: (await gateway.store.load(makeGatewayConfig().serverGroupId, new Date())).projects,
      products: [makeGatewayProduct({ id: 'test-product', projectIds: ['pets'], scopes: ['pets:read'] })],
      keys: [makeGatewayKey(KEY, { active: false })],
    });
    await gateway.node.refresh();

    const call = await fetch(`${gateway.url}/pets/1`, { headers: { authorization: `Bearer ${token}` } });
    expect(call.status).toBe(403);
    expect(((await call.json()) as { code: string }).code).toBe('SUBSCRIPTION_INACTIVE');
  });

  it('answers 503 temporarily_unavailable when the store holding the secrets cannot be reached', async () => {
    gateway.store.unreachable = true;
    const res = await requestToken('grant_type=client_credentials', { authorization: basic(KEY, SECRET) });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toBe('temporarily_unavailable');
  });
});
