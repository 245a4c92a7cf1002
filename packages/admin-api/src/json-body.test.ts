import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, startApi } from './testing/harness.js';

describe('JSON bodies', () => {
  let api: ApiHarness;
  beforeEach(async () => {
    api = await startApi();
  });
  afterEach(() => api.close());

  const send = (method: 'POST' | 'PATCH', url: string, payload: string) => api.send(method, url, 'application/json', payload);

  it('accepts an empty body with a JSON content type on a route that takes none', async () => {
    await api.call('POST', '/api/v1/server-groups', { id: 'edge', name: 'Edge' });
    await api.call('POST', '/api/v1/products', { id: 'p', name: 'P', keyApproval: 'manual' });
    await api.call('POST', '/api/v1/clients', { id: 'c', name: 'C', email: 'c@x.test' });
    await api.call('POST', '/api/v1/subscriptions', { id: 's', name: 'S', clientId: 'c', products: [{ productId: 'p' }] });
    const response = await send('POST', '/api/v1/subscriptions/s/products/p/approve', '');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'approved' });
  });

  it('answers an empty body where one is required with a 400 naming the body', async () => {
    const response = await send('POST', '/api/v1/server-groups', '  ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { body: 'must be object' } });
  });

  it('refuses prototype poisoning keys', async () => {
    const response = await send('POST', '/api/v1/server-groups', '{"id":"x","name":"X","__proto__":{"admin":true}}');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
