import { createHash } from 'node:crypto';
import type { AnalyticsBatch, AnalyticsEvent, Policy, Trace, TraceSink } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import {
  ECHO,
  type EchoReply,
  echoStreamSha256,
  makeGatewayKey,
  makePolicy,
  makeTraceSession,
  type PolicyGatewayOptions,
  TEST_SERVER_GROUP_ID,
  usePolicyGateway,
} from '../testing/index.js';
import { TRACE_BODY_CAP } from './capture.js';

/** Traced calls as a node writes them: a collecting trace sink behind a real node and a real echo upstream. */
describe('gateway: trace capture', () => {
  const e2e = usePolicyGateway();
  const KEY = 'tg_k_trace_0123456789abcdef';
  const written: Array<{ trace: Trace; maxCalls: number }> = [];
  const traces: TraceSink = {
    write: async (trace, maxCalls) => {
      written.push({ trace, maxCalls });
      return true;
    },
  };
  // Analytics tell when a call is over: its event and its trace are recorded in the same step.
  const events: AnalyticsEvent[] = [];
  const analytics = { write: async (batch: AnalyticsBatch) => void events.push(...batch.events) };

  const verifyKey = (config: Record<string, unknown> = {}) => makePolicy({ id: 'k', type: 'verify-api-key', config });

  async function start(policies: Policy[], options: PolicyGatewayOptions = {}) {
    written.length = 0;
    events.length = 0;
    return e2e.start(policies, {
      keys: [makeGatewayKey(KEY)],
      traceSessions: [makeTraceSession()],
      ...options,
      gateway: { traces, analytics, recorder: { flushIntervalMs: 60_000 }, ...options.gateway },
    });
  }

  /** The traces written once `calls` calls are over (whether or not each was traced). */
  async function tracesAfter(calls: number): Promise<Trace[]> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      await e2e.gateway.node.flushAnalytics();
      if (events.length >= calls) break;
      if (Date.now() > deadline) throw new Error(`only ${events.length} of ${calls} calls ended`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await e2e.gateway.node.flushTraces();
    return written.map((entry) => entry.trace);
  }

  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${e2e.gateway.url}${path}`, init);
    return { response, body: await response.text() };
  };

  const withoutDurations = (trace: Trace) => trace.steps.map(({ durationMs: _, ...step }) => step);

  it('records a call in full: request with the key masked, every step in order, backend timing, response as sent', async () => {
    await start([
      verifyKey(),
      makePolicy({ id: 'h', type: 'headers', config: { set: { 'x-traced': 'yes' } } }),
      makePolicy({ id: 'hr', type: 'headers', flow: 'proxy-response', config: { set: { 'x-answered': 'yes' } } }),
    ]);
    const { response, body } = await call('/pets/2?page=2', {
      headers: { 'x-api-key': KEY, accept: 'application/json', [ECHO.delayMs]: '30' },
    });
    expect(response.status).toBe(200);

    const [trace, ...others] = await tracesAfter(1);
    expect(others).toEqual([]);
    expect(written[0]?.maxCalls).toBe(100);
    expect(trace).toMatchObject({
      id: response.headers.get('x-request-id'),
      sessionId: 'test-trace-session',
      projectId: 'pets',
      serverGroupId: TEST_SERVER_GROUP_ID,
      request: {
        method: 'GET',
        path: '/pets/2',
        query: 'page=2',
        headers: { 'x-api-key': '***', accept: 'application/json', [ECHO.delayMs]: '30' },
        body: null,
      },
      backend: { status: 200 },
      response: {
        status: 200,
        headers: {
          'x-answered': 'yes',
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'x-request-id': response.headers.get('x-request-id'),
        },
        body: { text: body, encoding: 'utf8', size: Buffer.byteLength(body), truncated: false },
      },
    });
    expect(withoutDurations(trace as Trace)).toEqual([
      { flow: 'proxy-request', policyId: 'k', type: 'verify-api-key', outcome: 'continued' },
      { flow: 'proxy-request', policyId: 'h', type: 'headers', outcome: 'continued' },
      { flow: 'proxy-response', policyId: 'hr', type: 'headers', outcome: 'continued' },
    ]);
    for (const step of trace?.steps ?? []) expect(step.durationMs).toBeGreaterThanOrEqual(0);
    expect(trace?.backend?.latencyMs).toBeGreaterThanOrEqual(25);
    expect(trace?.durationMs).toBeGreaterThanOrEqual(trace?.backend?.latencyMs ?? Number.POSITIVE_INFINITY);
    expect(trace?.nodeId).toMatch(/:\d+$/);
    expect(Date.parse(trace?.receivedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect((JSON.parse(body) as EchoReply).headers['x-traced']).toBe('yes');
    expect(JSON.stringify(trace)).not.toContain(KEY);
  });

  it('masks a key sent in the query string, and keeps the other parameters exactly', async () => {
    await start([verifyKey({ queryParameter: 'apikey' })]);
    const { response } = await call(`/pets?page=2&apikey=${KEY}&q=a%20b`);
    expect(response.status).toBe(200);

    const [trace] = await tracesAfter(1);
    expect(trace?.request.query).toBe('page=2&apikey=***&q=a%20b');
    expect(JSON.stringify(trace)).not.toContain(KEY);
  });

  it('masks the header and query parameter a key policy reads, whatever their names', async () => {
    await start([verifyKey({ header: 'x-client', queryParameter: 'c' })]);
    expect((await call('/pets', { headers: { 'x-client': KEY } })).response.status).toBe(200);
    expect((await call(`/pets?c=${KEY}&d=1`)).response.status).toBe(200);

    const [byHeader, byQuery] = await tracesAfter(2);
    expect(byHeader?.request.headers['x-client']).toBe('***');
    expect(byQuery?.request.query).toBe('c=***&d=1');
    expect(JSON.stringify(written)).not.toContain(KEY);
  });

  it('hides the key wherever else it shows up, such as a backend echoing it back', async () => {
    await start([verifyKey()]);
    const { body } = await call('/pets', { headers: { 'x-api-key': KEY, 'x-note': `sent ${KEY}` } });
    expect(body).toContain(KEY);

    const [trace] = await tracesAfter(1);
    expect(trace?.request.headers['x-note']).toBe('sent ***');
    expect(trace?.response.body?.text).toContain('"x-note":"sent ***"');
    expect(JSON.stringify(trace)).not.toContain(KEY);
  });

  it('records the body the client sent, truncated past the cap, while the backend receives all of it', async () => {
    await start([verifyKey()]);
    const sent = 'abcdefghij'.repeat(2_000);
    const { response, body } = await call('/pets', {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'text/plain' },
      body: sent,
    });
    expect(response.status).toBe(200);

    const [trace] = await tracesAfter(1);
    expect(trace?.request.body).toEqual({ text: sent.slice(0, TRACE_BODY_CAP), encoding: 'utf8', size: 20_000, truncated: true });
    const [received] = e2e.upstream.received;
    expect(received?.bodyBytes).toBe(20_000);
    expect(received?.bodySha256).toBe(createHash('sha256').update(sent).digest('hex'));
    // The echo's answer (over 20,000 bytes) is cut at the cap too.
    expect(trace?.response.body).toEqual({
      text: body.slice(0, TRACE_BODY_CAP),
      encoding: 'utf8',
      size: Buffer.byteLength(body),
      truncated: true,
    });
  });

  it('masks credentials in a JSON body, and records a chunked binary body as base64', async () => {
    await start([verifyKey()]);
    const json = '{"user":"ann","password":"hunter2-secret"}';
    await call('/pets', { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: json });
    const binary = Buffer.from(Array.from({ length: 1_000 }, (_, i) => (i * 7) % 256));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(binary.subarray(0, 400));
        controller.enqueue(binary.subarray(400));
        controller.close();
      },
    });
    await call('/pets', {
      method: 'PUT',
      headers: { 'x-api-key': KEY, 'content-type': 'application/octet-stream' },
      body: stream,
      duplex: 'half',
    } as RequestInit);

    const [jsonTrace, binaryTrace] = await tracesAfter(2);
    expect(jsonTrace?.request.body).toEqual({
      text: '{"user":"ann","password":"***"}',
      encoding: 'utf8',
      size: json.length,
      truncated: false,
    });
    expect(JSON.stringify(jsonTrace)).not.toContain('hunter2-secret');
    expect(binaryTrace?.request.headers['transfer-encoding']).toBe('chunked');
    expect(binaryTrace?.request.body).toEqual({ text: binary.toString('base64'), encoding: 'base64', size: 1_000, truncated: false });
    expect(e2e.upstream.received[1]?.bodySha256).toBe(createHash('sha256').update(binary).digest('hex'));
  });

  it("answers 413 to a traced body over the node's limit, and records that answer", async () => {
    await start([verifyKey()], { gateway: { maxBodyBytes: 1_000 } });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(Buffer.alloc(5_000, 'x'));
        controller.close();
      },
    });
    const { response, body } = await call('/pets', {
      method: 'POST',
      headers: { 'x-api-key': KEY },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);

    const [trace] = await tracesAfter(1);
    expect(trace).toMatchObject({ steps: [], backend: null, response: { status: 413, body: { text: body } } });
    expect(JSON.parse(body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('records a rejected call: the step rejected with its code, no backend, the problem body as sent', async () => {
    await start([verifyKey(), makePolicy({ id: 'h', type: 'headers', config: { set: { 'x-traced': 'yes' } } })]);
    const { response, body } = await call('/pets/1');
    expect(response.status).toBe(401);

    const [trace] = await tracesAfter(1);
    expect(withoutDurations(trace as Trace)).toEqual([
      { flow: 'proxy-request', policyId: 'k', type: 'verify-api-key', outcome: 'rejected', code: 'API_KEY_MISSING' },
    ]);
    expect(trace).toMatchObject({
      backend: null,
      response: {
        status: 401,
        headers: { 'content-type': 'application/problem+json' },
        body: { text: body, encoding: 'utf8', size: Buffer.byteLength(body), truncated: false },
      },
    });
    expect(JSON.parse(trace?.response.body?.text ?? '')).toMatchObject({ code: 'API_KEY_MISSING', status: 401 });
  });

  it("records a policy's reply as the step's outcome and the response", async () => {
    await start([makePolicy({ id: 'mock', type: 'mock-response', config: { status: 201, body: { ok: true } } })]);
    const { response, body } = await call('/pets');
    expect(response.status).toBe(201);

    const [trace] = await tracesAfter(1);
    expect(withoutDurations(trace as Trace)).toEqual([
      { flow: 'proxy-request', policyId: 'mock', type: 'mock-response', outcome: 'replied', status: 201 },
    ]);
    expect(trace).toMatchObject({ backend: null, response: { status: 201, body: { text: body } } });
  });

  it('records a streamed backend answer the way the client received it: binary as base64, cut at the cap', async () => {
    await start([verifyKey()]);
    const res = await fetch(`${e2e.gateway.url}/pets`, {
      headers: { 'x-api-key': KEY, [ECHO.status]: '503', [ECHO.streamBytes]: '70000' },
    });
    const received = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(received).digest('hex')).toBe(echoStreamSha256(70_000));

    const [trace] = await tracesAfter(1);
    expect(trace).toMatchObject({
      backend: { status: 503 },
      response: { status: 503, headers: { 'content-type': 'application/octet-stream' } },
    });
    expect(trace?.response.body).toEqual({
      text: received.subarray(0, TRACE_BODY_CAP).toString('base64'),
      encoding: 'base64',
      size: 70_000,
      truncated: true,
    });
  });

  it('stops recording once the session expires', async () => {
    const clock = { now: Date.now() };
    await start([verifyKey()], {
      traceSessions: [makeTraceSession({ expiresAt: new Date(clock.now + 60_000).toISOString() })],
      gateway: { now: () => new Date(clock.now) },
    });
    await call('/pets/before', { headers: { 'x-api-key': KEY } });
    expect((await tracesAfter(1)).map((trace) => trace.request.path)).toEqual(['/pets/before']);

    clock.now += 60_000;
    await call('/pets/after', { headers: { 'x-api-key': KEY } });
    expect((await tracesAfter(2)).map((trace) => trace.request.path)).toEqual(['/pets/before']);
  });

  it('records at most maxCalls calls of a session on a node, and hands the sink that limit', async () => {
    await start([verifyKey()], { traceSessions: [makeTraceSession({ maxCalls: 2 })] });
    for (const id of [1, 2, 3, 4]) await call(`/pets/${id}`, { headers: { 'x-api-key': KEY } });

    expect((await tracesAfter(4)).map((trace) => trace.request.path)).toEqual(['/pets/1', '/pets/2']);
    expect(written.map((entry) => entry.maxCalls)).toEqual([2, 2]);
  });

  it('records nothing for a project without a session', async () => {
    await start([verifyKey()], { traceSessions: [makeTraceSession({ projectId: 'other' })] });
    await call('/pets/1', { headers: { 'x-api-key': KEY } });
    await call('/pets/2');

    expect(await tracesAfter(2)).toEqual([]);
  });

  it('records nothing for a session of another server group', async () => {
    await start([verifyKey()], { traceSessions: [makeTraceSession({ serverGroupId: 'elsewhere' })] });
    await call('/pets/1', { headers: { 'x-api-key': KEY } });

    expect(await tracesAfter(1)).toEqual([]);
  });
});
