import { describe, expect, it } from 'vitest';
import { makePolicy, makeResource, usePolicyGateway } from '../../testing/index.js';

/** JSON bodies converted to XML through a real node. */
describe('policy: json-to-xml end to end', () => {
  const e2e = usePolicyGateway();

  it('forwards a JSON request as XML and answers the backend JSON as XML, each with its own length', async () => {
    const policies = [
      makePolicy({ id: 'in', type: 'json-to-xml', flow: 'target-request', config: { declaration: false } }),
      makePolicy({ id: 'out', type: 'json-to-xml', flow: 'proxy-response', config: { rootElement: 'echo' } }),
    ];
    const gateway = await e2e.start(policies, {
      project: {
        id: 'orders',
        contextPath: '/orders',
        resources: [makeResource({ id: 'all', path: '/', methods: ['POST'], acceptChildPaths: true })],
      },
    });

    const res = await fetch(`${gateway.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order: { '@id': 7, lines: [{ sku: 'a<b' }, { sku: 'c' }] } }),
    });

    expect(res.headers.get('content-type')).toBe('application/xml');
    const xml = await res.text();
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(xml)));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><echo><method>POST</method>')).toBe(true);
    // What the backend received, as XML inside the XML answer (escaped once more).
    const forwarded = '<order id="7"><lines><sku>a&lt;b</sku></lines><lines><sku>c</sku></lines></order>';
    const escaped = forwarded.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    expect(xml).toContain(`<body>${escaped}</body>`);
    expect(e2e.upstream.received[0]?.headers['content-type']).toBe('application/xml');
    expect(e2e.upstream.received[0]?.headers['content-length']).toBe(String(Buffer.byteLength(forwarded)));
  });
});
