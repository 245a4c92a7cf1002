import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { type EchoReply, makePolicy, usePolicyGateway } from '../../testing/index.js';

/** json-threat-protection through a real gateway node and a real upstream. */
describe('json-threat-protection end to end', () => {
  const e2e = usePolicyGateway();

  beforeEach(async () => {
    const policy = makePolicy({
      id: 'jtp',
      type: 'json-threat-protection',
      config: { maxDepth: 5, maxArrayLength: 100, maxStringLength: 50, maxKeys: 20, maxBodyBytes: 1_000_000 },
    });
    await e2e.start([policy], { project: { id: 'api', contextPath: '/api' } });
  });

  const post = (body: string | ReadableStream<Uint8Array>, contentType = 'application/json', init: RequestInit = {}) =>
    fetch(`${e2e.gateway.url}/api/items`, { method: 'POST', headers: { 'content-type': contentType }, body, ...init });

  it('forwards a JSON body within the limits byte for byte', async () => {
    const body = JSON.stringify({ name: 'pencil', tags: ['a', 'b'], dims: { w: 1, h: [2, 3] } });
    const answer = await post(body);
    expect(answer.status).toBe(200);
    const echoed = (await answer.json()) as EchoReply;
    expect(echoed.body).toBe(body);
    expect(echoed.bodySha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(echoed.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('answers 400 THREAT_DETECTED naming the limit, and the backend never sees the call', async () => {
    const answer = await post(JSON.stringify({ a: [[[[[1]]]]] }));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await answer.json()) as { code: string; detail: string };
    expect(problem.code).toBe('THREAT_DETECTED');
    expect(problem.detail).toContain('maxDepth (5)');
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('refuses malformed JSON', async () => {
    const answer = await post('{"a": 1,');
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { detail: string }).detail).toContain('the JSON body is malformed');
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('survives a 900 KB body of nothing but opening brackets and keeps serving', async () => {
    const answer = await post('['.repeat(900_000));
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { code: string }).code).toBe('THREAT_DETECTED');
    expect((await post('{"ok":true}')).status).toBe(200);
  });

  it('inspects a chunked body (no Content-Length) as well', async () => {
    const chunks = ['{"a":', '[[[[[', '1]]]]]}'];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const answer = await post(stream, 'application/json', { duplex: 'half' } as RequestInit);
    expect(answer.status).toBe(400);
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('lets bodies of other content types through untouched', async () => {
    const answer = await post('[[[[[[[[not json', 'text/plain');
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as EchoReply).body).toBe('[[[[[[[[not json');
  });

  it('answers 413 PAYLOAD_TOO_LARGE above maxBodyBytes', async () => {
    const answer = await post(`[${'1,'.repeat(600_000)}1]`);
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    expect(e2e.upstream.received).toHaveLength(0);
  });
});
