import type { Policy } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { type EchoReply, makePolicy, makeResource, usePolicyGateway } from '../../testing/index.js';

/** ip-filter through a real gateway node: the test client always connects from 127.0.0.1. */
describe('policy: ip-filter end to end', () => {
  const e2e = usePolicyGateway();

  const filter = (config: Record<string, unknown>, overrides: Partial<Policy> = {}) =>
    makePolicy({ id: 'ip', type: 'ip-filter', config, ...overrides });

  const start = (policies: Policy[], resources = [] as ReturnType<typeof makeResource>[]) =>
    e2e.start(policies, { project: { resources } });

  async function call(path = '/pets/x', headers: Record<string, string> = {}) {
    const response = await fetch(`${e2e.gateway.url}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as { code?: string; detail?: string } & Partial<EchoReply> };
  }

  it('refuses a denied client with 403 IP_DENIED before the backend, and admits an allowed one', async () => {
    await start([filter({ deny: ['127.0.0.0/8'] })]);
    const denied = await call();
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('IP_DENIED');
    expect(denied.body.detail).toBe('the client address 127.0.0.1 is not allowed');
    expect(e2e.upstream.received).toHaveLength(0);

    await e2e.gateway.close();
    await start([filter({ allow: ['127.0.0.1'] })]);
    expect((await call()).status).toBe(200);
    expect(e2e.upstream.received).toHaveLength(1);
  });

  it('refuses a client outside a non-empty allow list', async () => {
    await start([filter({ allow: ['10.0.0.0/8', '2001:db8::/32'] })]);
    expect((await call()).body.code).toBe('IP_DENIED');
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('behind a trusted proxy, filters on the X-Forwarded-For client and forwards the chain', async () => {
    await start([filter({ deny: ['203.0.113.0/24'], trustedProxies: ['127.0.0.1'] })]);
    expect((await call('/pets/x', { 'x-forwarded-for': '203.0.113.9' })).body.code).toBe('IP_DENIED');

    const admitted = await call('/pets/x', { 'x-forwarded-for': '203.0.113.9, 198.51.100.1' });
    expect(admitted.status).toBe(200);
    expect(admitted.body.headers?.['x-forwarded-for']).toBe('203.0.113.9, 198.51.100.1, 127.0.0.1');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    await start([filter({ allow: ['198.51.100.1'] })]);
    expect((await call('/pets/x', { 'x-forwarded-for': '198.51.100.1' })).body.code).toBe('IP_DENIED');
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('runs before key verification whatever the declared order: a denied caller gets IP_DENIED, not API_KEY_MISSING', async () => {
    await start([makePolicy({ id: 'key', type: 'verify-api-key' }), filter({ deny: ['127.0.0.1'] })]);
    expect((await call()).body.code).toBe('IP_DENIED');
  });

  it('applies at resource scope to that resource only', async () => {
    const resources = [
      makeResource({ id: 'admin', path: '/admin', methods: ['GET'] }),
      makeResource({ id: 'public', path: '/public', methods: ['GET'] }),
    ];
    await start([filter({ deny: ['127.0.0.1'] }, { resourceId: 'admin' })], resources);
    expect((await call('/pets/admin')).body.code).toBe('IP_DENIED');
    expect((await call('/pets/public')).status).toBe(200);
  });

  it('fails closed on a list entry that is not a CIDR: 500 POLICY_FAILED, the reason logged', async () => {
    const started = await start([filter({ allow: ['127.0.0.1', '127.0.0.300'] })]);
    const answer = await call();
    expect(answer.status).toBe(500);
    expect(answer.body.code).toBe('POLICY_FAILED');
    expect(e2e.upstream.received).toHaveLength(0);
    expect(JSON.stringify(started.logs)).toContain("not a CIDR: '127.0.0.300'");
  });
});
