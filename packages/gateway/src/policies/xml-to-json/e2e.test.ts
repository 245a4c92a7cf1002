import { describe, expect, it } from 'vitest';
import { type EchoReply, makePolicy, makeResource, usePolicyGateway } from '../../testing/index.js';

/** XML bodies converted through a real node, both ways of the call. */
describe('policy: xml-to-json end to end', () => {
  const e2e = usePolicyGateway();

  const start = (policies: ReturnType<typeof makePolicy>[]) =>
    e2e.start(policies, {
      project: {
        id: 'orders',
        contextPath: '/orders',
        resources: [makeResource({ id: 'all', path: '/', methods: ['GET', 'POST'], acceptChildPaths: true })],
      },
    });

  it('forwards an XML request as JSON with its own length, and refuses a DTD before the backend', async () => {
    const gateway = await start([makePolicy({ id: 'x', type: 'xml-to-json', config: { typedValues: true } })]);

    const res = await fetch(`${gateway.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<order id="7"><qty>2</qty><note>fish &amp; chips</note></order>',
    });
    const xxe = await fetch(`${gateway.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<!DOCTYPE o [<!ENTITY e SYSTEM "file:///etc/passwd">]><o>&e;</o>',
    });

    const seen = (await res.json()) as EchoReply;
    const expected = '{"order":{"qty":2,"note":"fish & chips","@id":7}}';
    expect(JSON.parse(seen.body ?? '')).toEqual(JSON.parse(expected));
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers['content-length']).toBe(String(seen.bodyBytes));
    expect(seen.bodyBytes).toBe(Buffer.byteLength(seen.body ?? ''));
    expect(xxe.status).toBe(400);
    expect(((await xxe.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
    expect(e2e.upstream.received).toHaveLength(1);
  });

  it("converts an XML answer to JSON: the backend's JSON made XML in target-response comes back as JSON", async () => {
    const gateway = await start([
      makePolicy({ id: 'toXml', type: 'json-to-xml', flow: 'target-response' }),
      makePolicy({ id: 'toJson', type: 'xml-to-json', flow: 'proxy-response' }),
    ]);

    const res = await fetch(`${gateway.url}/orders/42?x=1`);

    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    const reply = (JSON.parse(text) as { root: { method: string; url: string; bodyBytes: string } }).root;
    expect([reply.method, reply.url, reply.bodyBytes]).toEqual(['GET', '/42?x=1', '0']);
  });
});
