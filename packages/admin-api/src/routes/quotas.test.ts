import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClientInput, makeProductInput, makeSubscriptionInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem, itRequiresTheAdminToken } from '../testing/problems.js';

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
  await api.services.products.create(makeProductInput({ id: 'gold', quota: { limit: 5, unit: 'day' } }));
  await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver' }));
  await api.services.clients.create(makeClientInput());
  await api.services.subscriptions.create(makeSubscriptionInput({ products: [{ productId: 'gold' }] }));
});

afterEach(async () => {
  await api.close();
});

/** The quota epoch gateway nodes read for app's gold key. */
async function epochOfGold(): Promise<number | undefined> {
  const config = await api.test.store.gatewayConfig.load('production', new Date());
  return config.keys.find((key) => key.subscriptionId === 'app' && key.productId === 'gold')?.quotaEpoch;
}

describe('POST /api/v1/quotas/reset', () => {
  it('starts a new quota epoch for the subscription product and answers it', async () => {
    expect(await epochOfGold()).toBe(0);

    const res = await api.call('POST', '/api/v1/quotas/reset', { subscriptionId: 'app', productId: 'gold' });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ subscriptionId: 'app', productId: 'gold', epoch: 1, resetAt: expect.any(String) });
    expect(await epochOfGold()).toBe(1);
    const again = await api.call('POST', '/api/v1/quotas/reset', { subscriptionId: 'app', productId: 'gold' });
    expect(again.json().epoch).toBe(2);
  });

  it('answers 400 naming subscriptionId for an unknown subscription', async () => {
    const res = await api.call('POST', '/api/v1/quotas/reset', { subscriptionId: 'ghost', productId: 'gold' });

    expectProblem(res, 'VALIDATION_FAILED', ['subscriptionId']);
  });

  it('answers 400 naming productId for a product the subscription does not hold', async () => {
    const res = await api.call('POST', '/api/v1/quotas/reset', { subscriptionId: 'app', productId: 'silver' });

    expectProblem(res, 'VALIDATION_FAILED', ['productId']);
    expect(await epochOfGold()).toBe(0);
  });

  it('answers 400 naming a missing or extra field', async () => {
    expectProblem(await api.call('POST', '/api/v1/quotas/reset', { subscriptionId: 'app' }), 'VALIDATION_FAILED', ['productId']);
    expectProblem(
      await api.call('POST', '/api/v1/quotas/reset', { subscriptionId: 'app', productId: 'gold', all: true }),
      'VALIDATION_FAILED',
      ['all'],
    );
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/quotas/reset', payload: { subscriptionId: 'app', productId: 'gold' } },
    {
      unchanged: async () => expect(await epochOfGold()).toBe(0),
    },
  );
});
