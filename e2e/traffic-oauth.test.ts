import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMetrics } from '../packages/gateway/src/testing/prometheus.js';
import { type CliProcess, startCli } from './cli-process.js';
import { startRecordingUpstream } from './echo-upstream.js';
import { type AdminCall, adminClient, eventually } from './platform.js';

const TOKEN = 'traffic-oauth-e2e-token';

/** The README's traffic-control and OAuth steps, through `tollgate start` and its production node. */
describe('gateway: quotas, rate limits and OAuth as the README shows them', () => {
  let dataDir: string;
  let platform: CliProcess;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let call: AdminCall;
  let gateway: string;
  let key: string;
  let secret: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-traffic-e2e-'));
    upstream = await startRecordingUpstream();
    platform = await startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0'], { TOLLGATE_ADMIN_TOKEN: TOKEN });
    gateway = platform.gateways.production ?? '';
    call = adminClient(platform.url, TOKEN);
    const setup = [
      await call('POST', '/projects', { id: 'petstore', name: 'Petstore', contextPath: '/petstore/v1', target: { url: upstream.url } }),
      await call('POST', '/projects/petstore/deployments', { serverGroupId: 'production' }),
      await call('POST', '/products', {
        id: 'gold',
        name: 'Gold',
        serverGroupIds: ['production'],
        projectIds: ['petstore'],
        scopes: ['pets:read'],
        quota: { limit: 3, unit: 'day' },
      }),
      await call('POST', '/clients', { id: 'alice', email: 'alice@example.test', name: 'Alice' }),
      await call('POST', '/subscriptions', { id: 'app', name: 'App', clientId: 'alice', products: [{ productId: 'gold' }] }),
    ];
    expect(setup.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const products = (setup[4]?.body.products ?? []) as Array<{ consumerKey: string; consumerSecret: string }>;
    const issued = products[0];
    key = issued?.consumerKey ?? '';
    secret = issued?.consumerSecret ?? '';
  });

  afterAll(async () => {
    await platform?.stop();
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const withKey = () => fetch(`${gateway}/petstore/v1/pets/1`, { headers: { 'x-api-key': key } });

  it("enforces the product's quota with RateLimit headers, and POST /api/v1/quotas/reset restarts it within a second", async () => {
    await eventually(async () => (await withKey()).headers.get('ratelimit-remaining'), '1');
    const third = await withKey();
    expect(third.headers.get('ratelimit-remaining')).toBe('0');
    const refused = await withKey();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('QUOTA_EXCEEDED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const reset = await call('POST', '/quotas/reset', { subscriptionId: 'app', productId: 'gold' });
    expect(reset.status).toBe(200);

    await eventually(async () => (await withKey()).status, 200);
  });

  it('refuses a policy config that does not match its type, naming the field', async () => {
    const res = await call('PATCH', '/projects/petstore', {
      policies: [{ type: 'rate-limit', flow: 'proxy-request', config: { limit: 0, windowSeconds: 1 } }],
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields as object)).toEqual(['policies.0.config.limit']);
  });

  it('issues a token with curl-style Basic credentials at /oauth/token and admits it with verify-access-token', async () => {
    const tokenResponse = await fetch(`${gateway}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token: accessToken, scope } = (await tokenResponse.json()) as { access_token: string; scope: string };
    expect(scope).toBe('pets:read');

    const patched = await call('PATCH', '/projects/petstore', { policies: [{ type: 'verify-access-token', flow: 'proxy-request' }] });
    expect(patched.status).toBe(200);
    await eventually(async () => (await fetch(`${gateway}/petstore/v1/pets/1`)).status, 401);
    await call('POST', '/quotas/reset', { subscriptionId: 'app', productId: 'gold' });
    await eventually(
      async () => (await fetch(`${gateway}/petstore/v1/pets/1`, { headers: { authorization: `Bearer ${accessToken}` } })).status,
      200,
    );
    expect(upstream.seen.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('exposes the gateway counters and process metrics at the management /metrics (admin token) and the node /metrics (loopback)', async () => {
    const scrape = await fetch(`${platform.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scrape.status).toBe(200);
    const value = parseMetrics(await scrape.text());
    expect(value('tollgate_gateway_rejections_total', { server_group: 'production', code: 'QUOTA_EXCEEDED' })).toBeGreaterThanOrEqual(1);
    expect(
      value('tollgate_gateway_requests_total', { server_group: 'production', project: 'petstore', status_class: '2xx' }),
    ).toBeGreaterThanOrEqual(3);
    expect(value('tollgate_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect((await fetch(`${platform.url}/metrics`)).status).toBe(401);

    const node = parseMetrics(await (await fetch(`${gateway}/metrics`)).text());
    expect(node('tollgate_gateway_snapshot_version', { server_group: 'production' })).toBeGreaterThan(0);
  });
});
