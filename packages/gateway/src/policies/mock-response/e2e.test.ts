import { describe, expect, it } from 'vitest';
import { makePolicy, makeResource, usePolicyGateway } from '../../testing/index.js';

/** Mock answers through a real node: the backend is never called. */
describe('policy: mock-response end to end', () => {
  const e2e = usePolicyGateway();

  it('answers a mocked resource itself, with the limit headers, and forwards the others', async () => {
    const mock = makePolicy({
      id: 'm',
      type: 'mock-response',
      resourceId: 'status',
      config: { status: 203, headers: { 'x-mocked': 'yes' }, body: { status: 'ok', request: '{request.id}' } },
    });
    const quota = makePolicy({ id: 'q', type: 'quota', config: { limit: 10, unit: 'day', identifier: 'project' } });
    const gateway = await e2e.start([quota, mock], {
      project: {
        resources: [
          makeResource({ id: 'status', path: '/status', methods: ['GET', 'HEAD'] }),
          makeResource({ id: 'all', path: '/', acceptChildPaths: true }),
        ],
      },
    });

    const mocked = await fetch(`${gateway.url}/pets/status`);
    const forwarded = await fetch(`${gateway.url}/pets/other`);

    expect(mocked.status).toBe(203);
    expect(mocked.headers.get('content-type')).toBe('application/json');
    expect(mocked.headers.get('x-mocked')).toBe('yes');
    expect(mocked.headers.get('ratelimit-remaining')).toBe('9');
    const requestId = mocked.headers.get('x-request-id');
    expect(await mocked.json()).toEqual({ status: 'ok', request: requestId });
    expect(forwarded.status).toBe(200);
    expect(e2e.upstream.received.map((request) => request.url)).toEqual(['/other']);
  });

  it('answers HEAD with the headers of the mock, its length included, and no body', async () => {
    const mock = makePolicy({ id: 'm', type: 'mock-response', config: { body: 'twelve bytes' } });
    const gateway = await e2e.start([mock], {
      project: { resources: [makeResource({ id: 'all', path: '/', methods: ['GET', 'HEAD'], acceptChildPaths: true })] },
    });

    const head = await fetch(`${gateway.url}/pets/x`, { method: 'HEAD' });

    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('12');
    expect(await head.text()).toBe('');
    expect(e2e.upstream.received).toHaveLength(0);
  });
});
