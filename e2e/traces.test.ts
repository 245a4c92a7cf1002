import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './cli-process.js';
import { startRecordingUpstream } from './echo-upstream.js';
import { type AdminCall, adminClient, eventually } from './platform.js';

const TOKEN = 'traces-e2e-token';

/**
 * The README's analytics and trace steps through `tollgate start` on its defaults (rollups):
 * a product's summary counts the calls, and a traced project shows its calls in full with the
 * consumer key and secret masked everywhere.
 */
describe('analytics and traces as the README shows them', () => {
  let dataDir: string;
  let platform: CliProcess;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let call: AdminCall;
  let gateway: string;
  let key: string;
  let secret: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-traces-e2e-'));
    upstream = await startRecordingUpstream();
    platform = await startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0'], { TOLLGATE_ADMIN_TOKEN: TOKEN });
    gateway = platform.gateways.production ?? '';
    call = adminClient(platform.url, TOKEN);
    const setup = [
      await call('POST', '/projects', {
        id: 'petstore',
        name: 'Petstore',
        contextPath: '/petstore/v1',
        target: { url: upstream.url },
        policies: [{ type: 'verify-api-key', flow: 'proxy-request' }],
      }),
      await call('POST', '/projects/petstore/deployments', { serverGroupId: 'production' }),
      await call('POST', '/products', { id: 'gold', name: 'Gold', serverGroupIds: ['production'], projectIds: ['petstore'] }),
      await call('POST', '/clients', { id: 'alice', email: 'alice@example.test', name: 'Alice' }),
      await call('POST', '/subscriptions', { id: 'alice-app', name: 'App', clientId: 'alice', products: [{ productId: 'gold' }] }),
    ];
    expect(setup.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const issued = ((setup[4]?.body.products ?? []) as Array<{ consumerKey: string; consumerSecret: string }>)[0];
    key = issued?.consumerKey ?? '';
    secret = issued?.consumerSecret ?? '';
  });

  afterAll(async () => {
    await platform?.stop();
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway}/petstore/v1${path}`, { headers: { 'x-api-key': key, ...headers } }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });

  it("counts a product's calls in its summary with the default analytics mode", async () => {
    const hits = async () => ((await call('GET', '/analytics/summary?period=last1h&productId=gold')).body.totals as { hits: number }).hits;
    await eventually(() => get('/ready'), 200);
    // The readiness probes are counted too: wait until a flush (every second) changes nothing.
    let before = await hits();
    for (let previous = -1; before !== previous; before = await hits()) {
      previous = before;
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    }
    for (let i = 0; i < 5; i++) expect(await get(`/pets/${i}`)).toBe(200);
    await eventually(hits, before + 5);
  });

  it('traces the next calls of a project in full, the key and secret masked everywhere', async () => {
    const started = await call('POST', '/projects/petstore/trace', { durationMinutes: 5, maxCalls: 2 });
    expect(started.status).toBe(201);
    expect((await call('GET', '/projects/petstore/trace')).body.id).toBe(started.body.id);

    // The node learns of the session with the configuration; calls before that are not traced.
    const sessionOf = async () => ((await call('GET', '/projects/petstore/traces')).body.items as unknown[]).length;
    const traced = async () => {
      await get('/pets/7?debug=1', { authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` });
      return (await sessionOf()) > 0;
    };
    await eventually(traced, true);
    // maxCalls 2: later calls are not kept.
    for (let i = 0; i < 3; i++) await get('/pets/8');
    await eventually(sessionOf, 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sessionOf()).toBe(2);

    const list = (await call('GET', '/projects/petstore/traces')).body.items as Array<{ id: string; path: string; status: number }>;
    const first = list.at(-1);
    expect(first).toMatchObject({ path: '/petstore/v1/pets/7', status: 200 });
    const shown = await call('GET', `/projects/petstore/traces/${first?.id}`);
    expect(shown.status).toBe(200);
    const trace = shown.body as {
      request: { headers: Record<string, string>; query: string };
      steps: Array<{ policyId: string; type: string; outcome: string }>;
      backend: { status: number } | null;
      response: { status: number; body: { text: string } | null };
    };
    expect(trace.request.headers['x-api-key']).toBe('***');
    expect(trace.request.headers.authorization).toBe('Basic ***');
    expect(trace.request.query).toBe('debug=1');
    expect(trace.steps.map((step) => [step.type, step.outcome])).toEqual([['verify-api-key', 'continued']]);
    expect(trace.backend?.status).toBe(200);
    expect(trace.response.status).toBe(200);
    expect(trace.response.body?.text).toContain('/pets/7');
    const text = JSON.stringify(shown.body);
    expect(text).not.toContain(key);
    expect(text).not.toContain(secret);

    expect((await call('DELETE', '/projects/petstore/trace')).status).toBe(204);
    expect((await call('GET', '/projects/petstore/trace')).body).toBeNull();
  });
});
