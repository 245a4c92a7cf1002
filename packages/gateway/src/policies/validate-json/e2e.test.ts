import { beforeEach, describe, expect, it } from 'vitest';
import { ECHO, type EchoReply, makePolicy, makeProject, usePolicyGateway } from '../../testing/index.js';

const ORDER = {
  type: 'object',
  required: ['sku', 'quantity'],
  properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-\\d+$' }, quantity: { type: 'integer', minimum: 1 } },
};

/** What the echo upstream answers, constrained so that only GET answers are valid. */
const ECHO_GET_ONLY = {
  type: 'object',
  required: ['method', 'url', 'headers'],
  properties: { method: { const: 'GET' }, url: { type: 'string' }, headers: { type: 'object' } },
};

/** validate-json in the request and the response flows, through a real gateway node and upstream. */
describe('validate-json end to end', () => {
  const e2e = usePolicyGateway();

  beforeEach(async () => {
    const responses = makeProject({
      id: 'reports',
      contextPath: '/reports',
      target: { url: e2e.upstream.url, timeoutMs: 5_000 },
      policies: [makePolicy({ id: 'v', type: 'validate-json', flow: 'target-response', config: { schema: ECHO_GET_ONLY } })],
    });
    await e2e.start([makePolicy({ id: 'v', type: 'validate-json', config: { schema: ORDER } })], {
      project: { id: 'orders', contextPath: '/orders' },
      projects: [responses],
    });
  });

  const postOrder = (body: string, contentType = 'application/json') =>
    fetch(`${e2e.gateway.url}/orders`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const problemOf = async (answer: Response) => (await answer.json()) as { code: string; detail: string };

  it('forwards a valid request body unchanged', async () => {
    const body = '{"sku":"ABC-12","quantity":2}';
    const answer = await postOrder(body);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as EchoReply).body).toBe(body);
  });

  it('refuses an invalid request body with 400 VALIDATION_FAILED naming the path; the backend never sees it', async () => {
    const answer = await postOrder('{"sku":"abc","quantity":2}');
    expect(answer.status).toBe(400);
    expect(await problemOf(answer)).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: 'the request body does not match the schema: /sku must match pattern "^[A-Z]{3}-\\d+$"',
    });
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('refuses a POST without a body (400) and a body that is not JSON (415)', async () => {
    const empty = await fetch(`${e2e.gateway.url}/orders`, { method: 'POST' });
    const text = await postOrder('sku=ABC-1', 'application/x-www-form-urlencoded');
    expect([empty.status, text.status]).toEqual([400, 415]);
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('passes a backend answer that matches the response schema, body intact', async () => {
    const answer = await fetch(`${e2e.gateway.url}/reports/daily?x=1`);
    expect(answer.status).toBe(200);
    const echoed = (await answer.json()) as EchoReply;
    expect(echoed.url).toBe('/daily?x=1');
    expect(answer.headers.get('content-length')).toBe(String(Buffer.byteLength(JSON.stringify(echoed))));
  });

  it('answers 502 UPSTREAM_UNAVAILABLE instead of an answer that breaks the response schema', async () => {
    const answer = await fetch(`${e2e.gateway.url}/reports/daily`, { method: 'POST', body: 'x' });
    expect(answer.status).toBe(502);
    expect(await problemOf(answer)).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      detail: "the backend's answer does not match the schema: /method must be equal to constant",
    });
    expect(e2e.upstream.received).toHaveLength(1);
  });

  it('answers 502 for a 2xx answer that is not JSON', async () => {
    const answer = await fetch(`${e2e.gateway.url}/reports/file`, { headers: { [ECHO.streamBytes]: '100' } });
    expect(answer.status).toBe(502);
    expect((await problemOf(answer)).detail).toBe("the backend's answer is not JSON (Content-Type 'application/octet-stream')");
  });

  it('passes error answers through unvalidated', async () => {
    const answer = await fetch(`${e2e.gateway.url}/reports/missing`, { method: 'POST', body: 'x', headers: { [ECHO.status]: '404' } });
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as EchoReply).method).toBe('POST');
  });
});
