import type { Trace, TraceSession } from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeProjectInput, makeServerGroupInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { ids } from '../testing/pages.js';
import { expectProblem, itRequiresTheAdminToken } from '../testing/problems.js';

const MINUTE = 60_000;
/** When each test starts: 2026-03-11, 10:30 UTC. */
const NOW = Date.UTC(2026, 2, 11, 10, 30);
const iso = (at: number) => new Date(at).toISOString();

/** "Now" of the services' clock; a test moves it forward to let a session run out. */
let now = NOW;
let api: ApiHarness;

beforeEach(async () => {
  now = NOW;
  api = await startApi(undefined, { clock: { now: () => new Date(now) } });
});

afterEach(async () => {
  await api.close();
});

const TRACE = '/api/v1/projects/petstore/trace';
const TRACES = '/api/v1/projects/petstore/traces';

/** Makes the `petstore` project the routes act on. */
const createProject = (id = 'petstore') => api.services.projects.create(makeProjectInput({ id }));

/** The stored session of `petstore`, expired or not. */
const storedSession = () => api.test.store.traceSessions.get('petstore');

/**
 * A traced call of `petstore` with every part recorded, `i` milliseconds after NOW; `over`
 * replaces any field.
 */
const makeTrace = (i: number, over: Partial<Trace> = {}): Trace => ({
  id: `call-${String(i).padStart(3, '0')}`,
  sessionId: 'session-1',
  projectId: 'petstore',
  serverGroupId: 'production',
  nodeId: '127.0.0.1:8080',
  receivedAt: iso(NOW + i),
  durationMs: 12.375,
  request: {
    method: 'POST',
    path: `/petstore/v1/pets/${i}`,
    query: 'apikey=****&q=1',
    headers: { 'content-type': 'application/json', 'x-api-key': '****' },
    body: { text: '{"name":"Rex"}', encoding: 'utf8', size: 14, truncated: false },
  },
  steps: [
    { flow: 'proxy-request', policyId: 'key', type: 'verify-api-key', outcome: 'continued', durationMs: 0.25 },
    { flow: 'proxy-request', policyId: 'limit', type: 'rate-limit', outcome: 'rejected', code: 'RATE_LIMITED', durationMs: 0.5 },
    { flow: 'target-response', policyId: 'cache', type: 'response-cache', outcome: 'replied', status: 304, durationMs: 1 },
  ],
  backend: { status: 201, latencyMs: 9.8125 },
  response: {
    status: 201,
    headers: { 'content-type': 'application/octet-stream' },
    body: { text: 'AAECAwQF/w==', encoding: 'base64', size: 70_000, truncated: true },
  },
  ...over,
});

/** Stores traced calls as a gateway node would. */
const seed = async (...calls: Trace[]) => {
  for (const call of calls) expect(await api.test.store.traces.write(call, 1_000)).toBe(true);
};

/** A call as a list shows it. */
const summaryOf = (call: Trace) => ({
  id: call.id,
  sessionId: call.sessionId,
  serverGroupId: call.serverGroupId,
  nodeId: call.nodeId,
  receivedAt: call.receivedAt,
  method: call.request.method,
  path: call.request.path,
  status: call.response.status,
  durationMs: call.durationMs,
});

describe('POST /api/v1/projects/{id}/trace', () => {
  it('starts a session of 10 minutes and 100 calls for every group by default, answering 201 with its Location', async () => {
    await createProject();

    const res = await api.call('POST', TRACE, {});

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(TRACE);
    const session = res.json();
    expect(session).toEqual({
      id: expect.stringMatching(/^[a-z0-9][a-z0-9._-]{0,63}$/),
      projectId: 'petstore',
      serverGroupId: null,
      startedAt: iso(NOW),
      expiresAt: iso(NOW + 10 * MINUTE),
      maxCalls: 100,
    });
    expect(await storedSession()).toEqual(session);
  });

  it('starts a session with the defaults when no body is sent, or an empty one with a JSON content type', async () => {
    await createProject();

    const res = await api.call('POST', TRACE);

    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ serverGroupId: null, expiresAt: iso(NOW + 10 * MINUTE), maxCalls: 100 });
    const empty = await api.send('POST', TRACE, 'application/json', '');
    expect(empty.statusCode).toBe(201);
    expect(empty.json()).toMatchObject({ serverGroupId: null, expiresAt: iso(NOW + 10 * MINUTE), maxCalls: 100 });
  });

  it('starts a session of the given length, calls and server group, at either bound', async () => {
    await createProject();

    const longest = await api.call('POST', TRACE, { durationMinutes: 60, maxCalls: 1000, serverGroupId: 'production' });
    expect(longest.statusCode).toBe(201);
    expect(longest.json()).toEqual({
      id: expect.any(String),
      projectId: 'petstore',
      serverGroupId: 'production',
      startedAt: iso(NOW),
      expiresAt: iso(NOW + 60 * MINUTE),
      maxCalls: 1000,
    });

    const shortest = await api.call('POST', TRACE, { durationMinutes: 1, maxCalls: 1 });
    expect(shortest.statusCode).toBe(201);
    expect(shortest.json()).toMatchObject({ serverGroupId: null, expiresAt: iso(NOW + MINUTE), maxCalls: 1 });
    expect(await storedSession()).toEqual(shortest.json());
  });

  it('accepts a server group made by an operator', async () => {
    await createProject();
    await api.services.serverGroups.create(makeServerGroupInput());

    const res = await api.call('POST', TRACE, { serverGroupId: 'staging' });

    expect(res.statusCode).toBe(201);
    expect(res.json().serverGroupId).toBe('staging');
  });

  it('replaces the session in progress with a new one', async () => {
    await createProject();
    const first = (await api.call('POST', TRACE, { durationMinutes: 30, serverGroupId: 'production' })).json() as TraceSession;
    now = NOW + 5 * MINUTE;

    const res = await api.call('POST', TRACE, { maxCalls: 7 });

    expect(res.statusCode).toBe(201);
    const second = res.json() as TraceSession;
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ serverGroupId: null, startedAt: iso(now), expiresAt: iso(now + 10 * MINUTE), maxCalls: 7 });
    expect((await api.call('GET', TRACE)).json()).toEqual(second);
  });

  it('tells the gateway nodes: the configuration version moves and the session is in their configuration', async () => {
    await createProject();
    const before = await api.test.store.gatewayConfig.currentVersion();

    const session = (await api.call('POST', TRACE, { serverGroupId: 'production' })).json();

    expect(await api.test.store.gatewayConfig.currentVersion()).toBeGreaterThan(before);
    expect((await api.test.store.gatewayConfig.load('production', new Date(now))).traceSessions).toEqual([session]);
    expect((await api.test.store.gatewayConfig.load('development', new Date(now))).traceSessions).toEqual([]);
  });

  for (const [field, body] of [
    ['durationMinutes', { durationMinutes: 0 }],
    ['durationMinutes', { durationMinutes: 61 }],
    ['durationMinutes', { durationMinutes: 1.5 }],
    ['durationMinutes', { durationMinutes: '10' }],
    ['maxCalls', { maxCalls: 0 }],
    ['maxCalls', { maxCalls: 1001 }],
    ['maxCalls', { maxCalls: 2.5 }],
    ['serverGroupId', { serverGroupId: 'Not An Id' }],
    ['nodeId', { nodeId: 'n1' }],
  ] as const) {
    it(`answers 400 naming ${field} to ${JSON.stringify(body)} and starts nothing`, async () => {
      await createProject();

      expectProblem(await api.call('POST', TRACE, body), 'VALIDATION_FAILED', [field]);

      expect(await storedSession()).toBeUndefined();
    });
  }

  it('answers 400 naming serverGroupId when the group does not exist, and keeps the session in progress', async () => {
    await createProject();
    const current = (await api.call('POST', TRACE, {})).json();

    const body = expectProblem(await api.call('POST', TRACE, { serverGroupId: 'nowhere' }), 'VALIDATION_FAILED', ['serverGroupId']);

    expect(body.detail).toContain('nowhere');
    expect(await storedSession()).toEqual(current);
  });

  it('answers 400 VALIDATION_FAILED to a body that is not an object', async () => {
    await createProject();

    expectProblem(await api.send('POST', TRACE, 'application/json', '[]'), 'VALIDATION_FAILED', ['body']);
    expectProblem(await api.send('POST', TRACE, 'application/json', '{"maxCalls":'), 'VALIDATION_FAILED');
    expect(await storedSession()).toBeUndefined();
  });

  it('answers 404 NOT_FOUND when the project does not exist', async () => {
    const body = expectProblem(await api.call('POST', '/api/v1/projects/ghost/trace', {}), 'NOT_FOUND');
    expect(body.detail).toBe("project 'ghost' does not exist");
    expect(await api.test.store.traceSessions.get('ghost')).toBeUndefined();
  });

  it('answers 400 naming params.id when the project id is malformed', async () => {
    expectProblem(await api.call('POST', '/api/v1/projects/BAD%20ID/trace', {}), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: TRACE, payload: {} },
    { setup: () => createProject(), unchanged: async () => expect(await storedSession()).toBeUndefined() },
  );
});

describe('GET /api/v1/projects/{id}/trace', () => {
  it('answers 200 with the session in progress', async () => {
    await createProject();
    const session = (await api.call('POST', TRACE, { durationMinutes: 5, maxCalls: 20, serverGroupId: 'development' })).json();

    const res = await api.call('GET', TRACE);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(session);
  });

  it('answers 200 null when the project has no session', async () => {
    await createProject();

    const res = await api.call('GET', TRACE);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toBeNull();
  });

  it('answers the session until it expires and null from its expiry on', async () => {
    await createProject();
    const session = (await api.call('POST', TRACE, { durationMinutes: 2 })).json();

    now = NOW + 2 * MINUTE - 1;
    expect((await api.call('GET', TRACE)).json()).toEqual(session);
    now = NOW + 2 * MINUTE;
    expect((await api.call('GET', TRACE)).json()).toBeNull();
    now = NOW + 3 * MINUTE;
    expect((await api.call('GET', TRACE)).json()).toBeNull();
  });

  it("answers null for another project's session", async () => {
    await createProject();
    await createProject('orders');
    await api.call('POST', '/api/v1/projects/orders/trace', {});

    expect((await api.call('GET', TRACE)).json()).toBeNull();
  });

  it('answers 404 NOT_FOUND when the project does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/projects/ghost/trace'), 'NOT_FOUND');
    expect(body.detail).toBe("project 'ghost' does not exist");
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: TRACE }, { setup: () => createProject() });
});

describe('DELETE /api/v1/projects/{id}/trace', () => {
  it('stops the session: 204 without a body, then null to GET and 404 to a second DELETE', async () => {
    await createProject();
    await api.call('POST', TRACE, { serverGroupId: 'production' });
    const before = await api.test.store.gatewayConfig.currentVersion();

    const res = await api.call('DELETE', TRACE);

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await storedSession()).toBeUndefined();
    expect(await api.test.store.gatewayConfig.currentVersion()).toBeGreaterThan(before);
    expect((await api.test.store.gatewayConfig.load('production', new Date(now))).traceSessions).toEqual([]);
    expect((await api.call('GET', TRACE)).json()).toBeNull();
    expectProblem(await api.call('DELETE', TRACE), 'NOT_FOUND');
  });

  it('keeps the traced calls readable', async () => {
    await createProject();
    await api.call('POST', TRACE, {});
    await seed(makeTrace(0));

    expect((await api.call('DELETE', TRACE)).statusCode).toBe(204);

    expect(ids((await api.call('GET', TRACES)).json())).toEqual(['call-000']);
    expect((await api.call('GET', `${TRACES}/call-000`)).statusCode).toBe(200);
  });

  it("answers 404 NOT_FOUND when the project has no session, and leaves another project's alone", async () => {
    await createProject();
    await createProject('orders');
    const orders = (await api.call('POST', '/api/v1/projects/orders/trace', {})).json();

    const body = expectProblem(await api.call('DELETE', TRACE), 'NOT_FOUND');

    expect(body.detail).toContain('petstore');
    expect(await api.test.store.traceSessions.get('orders')).toEqual(orders);
  });

  it('answers 404 NOT_FOUND when the project does not exist', async () => {
    const body = expectProblem(await api.call('DELETE', '/api/v1/projects/ghost/trace'), 'NOT_FOUND');
    expect(body.detail).toBe("project 'ghost' does not exist");
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: TRACE },
    {
      setup: async () => {
        await createProject();
        await api.call('POST', TRACE, {});
      },
      unchanged: async () => expect(await storedSession()).toBeDefined(),
    },
  );
});

describe('GET /api/v1/projects/{id}/traces', () => {
  /** Five calls of `petstore` (two received in the same millisecond) and one of `orders`, the newest. */
  const CALLS = [
    makeTrace(2),
    makeTrace(1, { id: 'call-tie-a' }),
    makeTrace(4, { serverGroupId: 'development', nodeId: 'node-b', durationMs: 0.5, backend: null }),
    makeTrace(1, { id: 'call-tie-b', response: { status: 429, headers: {}, body: null } }),
    makeTrace(0),
    makeTrace(9, { id: 'call-orders', projectId: 'orders', sessionId: 'session-orders' }),
  ];
  const NEWEST_FIRST = ['call-004', 'call-002', 'call-tie-b', 'call-tie-a', 'call-000'];

  it("lists the project's traced calls newest first, as summaries, without another project's", async () => {
    await createProject();
    await seed(...CALLS);

    const res = await api.call('GET', TRACES);

    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(ids(page)).toEqual(NEWEST_FIRST);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toEqual(summaryOf(CALLS[2] as Trace));
    expect(page.items[2]).toEqual(summaryOf(CALLS[3] as Trace));
  });

  it('walks every call once with limit and cursor, ending with a null nextCursor', async () => {
    await createProject();
    await seed(...CALLS);

    const seen: string[] = [];
    let url = `${TRACES}?limit=2`;
    for (let pages = 1; pages <= 3; pages++) {
      const res = await api.call('GET', url);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      seen.push(...ids(page));
      if (pages < 3) {
        expect(ids(page)).toHaveLength(2);
        expect(page.nextCursor).toEqual(expect.any(String));
        url = `${TRACES}?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
      } else {
        expect(page.nextCursor).toBeNull();
      }
    }
    expect(seen).toEqual(NEWEST_FIRST);
  });

  it('answers an empty page to a project without traced calls and to a cursor it did not make', async () => {
    await createProject();
    expect((await api.call('GET', TRACES)).json()).toEqual({ items: [], nextCursor: null });
    await seed(...CALLS);

    const res = await api.call('GET', `${TRACES}?cursor=garbage`);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

  it('answers 400 naming the query parameter for a bad limit or an unknown parameter', async () => {
    await createProject();
    expectProblem(await api.call('GET', `${TRACES}?limit=0`), 'VALIDATION_FAILED', ['query.limit']);
    expectProblem(await api.call('GET', `${TRACES}?limit=101`), 'VALIDATION_FAILED', ['query.limit']);
    expectProblem(await api.call('GET', `${TRACES}?status=200`), 'VALIDATION_FAILED', ['query.status']);
  });

  it('answers 404 NOT_FOUND when the project does not exist, even with traced calls under its id', async () => {
    await seed(makeTrace(0, { projectId: 'ghost' }));

    const body = expectProblem(await api.call('GET', '/api/v1/projects/ghost/traces'), 'NOT_FOUND');

    expect(body.detail).toBe("project 'ghost' does not exist");
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: TRACES }, { setup: () => createProject() });
});

describe('GET /api/v1/projects/{id}/traces/{traceId}', () => {
  it('answers 200 with the whole traced call, as the node recorded it', async () => {
    await createProject();
    const call = makeTrace(3);
    const bare = makeTrace(4, {
      request: { method: 'GET', path: '/petstore/v1/pets', query: '', headers: {}, body: null },
      steps: [],
      backend: null,
      response: { status: 502, headers: {}, body: null },
    });
    await seed(call, bare);

    const res = await api.call('GET', `${TRACES}/call-003`);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(call);
    expect((await api.call('GET', `${TRACES}/call-004`)).json()).toEqual(bare);
  });

  it('answers 404 NOT_FOUND naming the trace when the project has no such call', async () => {
    await createProject();
    await seed(makeTrace(0));

    const body = expectProblem(await api.call('GET', `${TRACES}/call-999`), 'NOT_FOUND');

    expect(body.detail).toBe("trace 'call-999' does not exist");
  });

  it("answers 404 NOT_FOUND for another project's call", async () => {
    await createProject();
    await createProject('orders');
    await seed(makeTrace(0, { id: 'call-orders', projectId: 'orders', sessionId: 'session-orders' }));

    expectProblem(await api.call('GET', `${TRACES}/call-orders`), 'NOT_FOUND');
    expect((await api.call('GET', '/api/v1/projects/orders/traces/call-orders')).statusCode).toBe(200);
  });

  it('answers 404 NOT_FOUND when the project does not exist', async () => {
    await seed(makeTrace(0, { projectId: 'ghost' }));

    const body = expectProblem(await api.call('GET', '/api/v1/projects/ghost/traces/call-000'), 'NOT_FOUND');

    expect(body.detail).toBe("project 'ghost' does not exist");
  });

  it('answers 400 naming params.traceId when the trace id is malformed', async () => {
    await createProject();
    expectProblem(await api.call('GET', `${TRACES}/BAD%20ID`), 'VALIDATION_FAILED', ['params.traceId']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'GET', url: `${TRACES}/call-000` },
    {
      setup: async () => {
        await createProject();
        await seed(makeTrace(0));
      },
    },
  );
});
