import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './cli-process.js';
import { startRecordingUpstream } from './echo-upstream.js';
import { type AdminCall, adminClient, eventually } from './platform.js';

const TOKEN = 'gateway-e2e-token';

describe('gateway: the README journey through tollgate start', () => {
  let dataDir: string;
  let platform: CliProcess;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let call: AdminCall;
  let gateway: string;
  let key: string;

  const callApi = async (path: string, apiKey?: string, init: RequestInit = {}) => {
    const response = await fetch(`${gateway}${path}`, {
      ...init,
      headers: { ...(apiKey === undefined ? {} : { 'x-api-key': apiKey }), ...(init.headers as Record<string, string>) },
    });
    const body = await response.text();
    return { status: response.status, code: body.startsWith('{"type"') ? (JSON.parse(body) as { code: string }).code : undefined, body };
  };
  const statusOf = async (apiKey?: string) => (await callApi('/petstore/v1/pets/1', apiKey)).status;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-gw-e2e-'));
    upstream = await startRecordingUpstream();
    platform = await startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0', '--gateway', 'development=0'], {
      TOLLGATE_ADMIN_TOKEN: TOKEN,
    });
    gateway = platform.gateways.production ?? '';
    call = adminClient(platform.url, TOKEN);
    const setup = [
      await call('POST', '/projects', {
        id: 'petstore',
        name: 'Petstore',
        contextPath: '/petstore/v1',
        target: { url: `${upstream.url}/backend` },
        resources: [{ id: 'pet', path: '/pets/{petId}', methods: ['GET'] }],
      }),
      await call('POST', '/projects/petstore/deployments', { serverGroupId: 'production' }),
      await call('POST', '/products', { id: 'gold', name: 'Gold', serverGroupIds: ['production'], projectIds: ['petstore'] }),
      await call('POST', '/clients', { id: 'alice', email: 'alice@example.test', name: 'Alice' }),
      await call('POST', '/subscriptions', { id: 'app', name: 'App', clientId: 'alice', products: [{ productId: 'gold' }] }),
    ];
    expect(setup.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const products = (setup[4]?.body.products ?? []) as Array<{ consumerKey: string }>;
    key = products[0]?.consumerKey ?? '';
  });

  afterAll(async () => {
    await platform?.stop();
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('forwards a call with a valid key, without the key, with the caller identified', async () => {
    await eventually(() => statusOf(key), 200);
    upstream.seen.length = 0;
    const response = await callApi('/petstore/v1/pets/1?kind=dog', key, { headers: { 'x-tollgate-client': 'mallory' } });
    expect(response.status).toBe(200);
    const [seen] = upstream.seen;
    expect(seen?.url).toBe('/backend/pets/1?kind=dog');
    expect(seen?.headers['x-api-key']).toBeUndefined();
    expect(JSON.stringify(seen?.headers)).not.toContain(key);
    expect(seen?.headers).toMatchObject({ 'x-tollgate-client': 'alice', 'x-tollgate-subscription': 'app', 'x-tollgate-product': 'gold' });
  });

  it('answers 401 API_KEY_MISSING without a key and 401 API_KEY_INVALID with a wrong one, with identical bodies for unknown keys', async () => {
    expect(await callApi('/petstore/v1/pets/1')).toMatchObject({ status: 401, code: 'API_KEY_MISSING' });
    const wrong = await callApi('/petstore/v1/pets/1', 'tg_k_not-a-key');
    expect(wrong).toMatchObject({ status: 401, code: 'API_KEY_INVALID' });
  });

  it('answers 404 ROUTE_NOT_FOUND for unknown paths and 405 for a wrong method', async () => {
    expect(await callApi('/nowhere', key)).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    expect(await callApi('/petstore/v1/owners', key)).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    expect(await callApi('/petstore/v1/pets/1', key, { method: 'DELETE' })).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
  });

  it('lists the embedded nodes of each group with the configuration version they serve', async () => {
    const { body } = await call('GET', '/server-groups/production/nodes');
    const [node] = body.items as Array<{ address: string; status: string; configVersion: number }>;
    expect(node).toMatchObject({ address: gateway, status: 'online' });
    expect(node?.configVersion).toBeGreaterThan(1);
  });

  it('keeps a regenerated key working during its grace period, then refuses it', async () => {
    const regenerated = await call('POST', '/subscriptions/app/products/gold/regenerate', { graceSeconds: 2 });
    const fresh = regenerated.body.consumerKey as string;
    await eventually(() => statusOf(fresh), 200);
    expect(await statusOf(key)).toBe(200);
    await eventually(() => statusOf(key), 401);
    expect((await callApi('/petstore/v1/pets/1', key)).code).toBe('API_KEY_INVALID');
    key = fresh;
  });

  it('refuses a key once its client is set inactive, and again once it is active', async () => {
    await call('PATCH', '/clients/alice', { status: 'inactive' });
    await eventually(() => statusOf(key), 403);
    expect((await callApi('/petstore/v1/pets/1', key)).code).toBe('SUBSCRIPTION_INACTIVE');
    await call('PATCH', '/clients/alice', { status: 'active' });
    await eventually(() => statusOf(key), 200);
  });

  it('answers 403 KEY_NOT_AUTHORIZED when the product no longer includes the project or the group', async () => {
    await call('POST', '/projects', { id: 'other', name: 'Other', contextPath: '/other', target: { url: upstream.url } });
    await call('POST', '/projects/other/deployments', { serverGroupId: 'production' });
    await eventually(async () => (await callApi('/other/x', key)).code, 'KEY_NOT_AUTHORIZED');
    await call('PATCH', '/products/gold', { serverGroupIds: ['development'] });
    await eventually(async () => (await callApi('/petstore/v1/pets/1', key)).code, 'KEY_NOT_AUTHORIZED');
    await call('PATCH', '/products/gold', { serverGroupIds: ['production'] });
    await eventually(() => statusOf(key), 200);
  });

  it('stops a revoked key, and stops routing an undeployed project', async () => {
    await call('POST', '/subscriptions/app/products/gold/revoke');
    await eventually(() => statusOf(key), 403);
    await call('DELETE', '/projects/petstore/deployments/production');
    await eventually(async () => (await callApi('/petstore/v1/pets/1', key)).code, 'ROUTE_NOT_FOUND');
  });
});

/** `tollgate gateway` against a PostgreSQL URL nothing listens on. */
const offlineNodeArgs = (dataDir: string) => [
  'gateway',
  '--server-group',
  'production',
  '--port',
  '0',
  '--data',
  dataDir,
  '--database',
  'postgres://127.0.0.1:1/none',
];

describe('gateway: a standalone node whose store is unreachable', () => {
  it('starts from the snapshot saved by an earlier node and serves it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-gw-offline-'));
    const upstream = await startRecordingUpstream();
    try {
      const platform = await startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0'], {
        TOLLGATE_ADMIN_TOKEN: TOKEN,
      });
      const call = adminClient(platform.url, TOKEN);
      await call('POST', '/projects', { id: 'open', name: 'Open', contextPath: '/open', target: { url: upstream.url }, policies: [] });
      await call('POST', '/projects/open/deployments', { serverGroupId: 'production' });
      const gateway = platform.gateways.production ?? '';
      await eventually(async () => (await fetch(`${gateway}/open/ping`)).status, 200);
      expect(await platform.stop()).toBe(0);

      const node = await startCli(offlineNodeArgs(dataDir));
      try {
        const response = await fetch(`${node.url}/open/ping`);
        expect(response.status).toBe(200);
        expect(upstream.seen.at(-1)?.url).toBe('/ping');
      } finally {
        expect(await node.stop()).toBe(0);
      }
    } finally {
      await upstream.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start when the store is unreachable and no snapshot was saved', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-gw-none-'));
    try {
      await expect(startCli(offlineNodeArgs(dataDir))).rejects.toThrow(/store is unreachable and no saved snapshot/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
