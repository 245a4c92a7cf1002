import { describe, expect, it } from 'vitest';
import { ECHO, type EchoReply, makePolicy, makeResource, usePolicyGateway } from '../../testing/index.js';

/** Messages rebuilt through a real node: what the backend receives, what the client gets. */
describe('policy: build-message end to end', () => {
  const e2e = usePolicyGateway();

  const start = (policies: ReturnType<typeof makePolicy>[]) =>
    e2e.start(policies, {
      project: { resources: [makeResource({ id: 'all', path: '/', methods: ['GET', 'POST'], acceptChildPaths: true })] },
    });

  it('forwards the built body with its own length and content type instead of the client one', async () => {
    const gateway = await start([
      makePolicy({ id: 'v', type: 'assign-variables', config: { variables: { tenant: '{request.header.x-tenant}' } } }),
      makePolicy({ id: 'b', type: 'build-message', config: { body: { tenant: '{variable.tenant}', path: '{request.pathSuffix}' } } }),
    ]);

    const res = await fetch(`${gateway.url}/pets/orders`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-tenant': 'acme"' },
      body: 'a client body much longer than the one that replaces it',
    });

    const seen = (await res.json()) as EchoReply;
    const expected = '{"tenant":"acme\\"","path":"/orders"}';
    expect(seen.body).toBe(expected);
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
  });

  it('sends the built answer with a recomputed length, the backend body read to its end', async () => {
    const gateway = await start([
      makePolicy({
        id: 'b',
        type: 'build-message',
        flow: 'proxy-response',
        config: { contentType: 'text/plain', body: 'backend answered {response.status} to {request.method}' },
      }),
    ]);

    const res = await fetch(`${gateway.url}/pets/x`, { headers: { [ECHO.status]: '404', [ECHO.streamBytes]: '200000' } });
    const again = await fetch(`${gateway.url}/pets/x`, { headers: { [ECHO.status]: '500' } });

    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('content-length')).toBe(String('backend answered 404 to GET'.length));
    expect(await res.text()).toBe('backend answered 404 to GET');
    expect(await again.text()).toBe('backend answered 500 to GET');
    expect(e2e.upstream.received.every((request) => request.responseFinished)).toBe(true);
  });
});
