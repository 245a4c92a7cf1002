import { describe, expect, it } from 'vitest';
import { ECHO, type EchoReply, makeGatewayKey, makePolicy, usePolicyGateway } from '../../testing/index.js';

/** The headers policy through a real node and a real upstream. */
describe('policy: headers end to end', () => {
  const e2e = usePolicyGateway();

  const start = (policies: ReturnType<typeof makePolicy>[]) => e2e.start(policies, { keys: [makeGatewayKey('tg_k_headers')] });

  it('changes what the backend receives in a request flow, with values rendered per call', async () => {
    const gateway = await start([
      makePolicy({ id: 'k', type: 'verify-api-key' }),
      makePolicy({
        id: 'h',
        type: 'headers',
        flow: 'target-request',
        config: {
          remove: ['x-debug'],
          rename: { 'x-old-name': 'x-new-name' },
          set: { 'x-caller': '{client.id}/{subscription.id}', 'x-q': '{request.query.q}' },
          add: { 'x-tag': 'gateway' },
        },
      }),
    ]);

    const res = await fetch(`${gateway.url}/pets/x?q=a%0D%0AX-Evil%3A%201`, {
      headers: { 'x-api-key': 'tg_k_headers', 'x-debug': '1', 'x-old-name': 'moved', 'x-caller': 'admin', 'x-tag': 'client' },
    });

    expect(res.status).toBe(200);
    const seen = ((await res.json()) as EchoReply).headers;
    expect(seen['x-debug']).toBeUndefined();
    expect(seen['x-old-name']).toBeUndefined();
    expect(seen['x-new-name']).toBe('moved');
    expect(seen['x-caller']).toBe('test-client/test-subscription');
    expect(seen['x-tag']).toBe('client, gateway');
    // The CR LF from the query stays inside one encoded value: no header was injected.
    expect(seen['x-q']).toBe('a%0D%0AX-Evil: 1');
    expect(seen['x-evil']).toBeUndefined();
  });

  it("changes the backend's answer in a response flow", async () => {
    const gateway = await start([
      makePolicy({
        id: 'h',
        type: 'headers',
        flow: 'proxy-response',
        config: {
          remove: ['server'],
          rename: { 'x-backend-version': 'x-api-version' },
          set: { 'x-status': 'backend said {response.status}' },
        },
      }),
    ]);

    const res = await fetch(`${gateway.url}/pets/x`, {
      headers: { [ECHO.status]: '201', [ECHO.responseHeaders]: JSON.stringify({ server: 'internal/1.2', 'x-backend-version': '7' }) },
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('server')).toBeNull();
    expect(res.headers.get('x-backend-version')).toBeNull();
    expect(res.headers.get('x-api-version')).toBe('7');
    expect(res.headers.get('x-status')).toBe('backend said 201');
    expect(((await res.json()) as EchoReply).headers['x-status']).toBeUndefined();
  });

  it('fails closed (500 POLICY_FAILED, nothing forwarded) when configured to set a gateway-owned header', async () => {
    const gateway = await start([makePolicy({ id: 'h', type: 'headers', config: { set: { 'x-tollgate-client': 'someone-else' } } })]);

    const res = await fetch(`${gateway.url}/pets/x`);

    expect(res.status).toBe(500);
    expect(((await res.json()) as { code: string }).code).toBe('POLICY_FAILED');
    expect(e2e.upstream.received).toHaveLength(0);
  });
});
