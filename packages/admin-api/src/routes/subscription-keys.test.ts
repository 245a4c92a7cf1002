import type { IssuedSubscriptionProduct } from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClientInput, makeProductInput, makeSubscriptionInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem, itRequiresTheAdminToken } from '../testing/problems.js';

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
});

afterEach(async () => {
  await api.close();
});

/**
 * Products gold (automatic approval) and silver (manual approval), client alice and her
 * subscription app to both; answers the issued entries by product id.
 */
async function makeSubscription(): Promise<Record<string, IssuedSubscriptionProduct>> {
  await api.services.products.create(makeProductInput({ id: 'gold' }));
  await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver', keyApproval: 'manual' }));
  await api.services.clients.create(makeClientInput());
  const res = await api.call(
    'POST',
    '/api/v1/subscriptions',
    makeSubscriptionInput({ products: [{ productId: 'gold' }, { productId: 'silver' }] }),
  );
  expect(res.statusCode).toBe(201);
  const products: IssuedSubscriptionProduct[] = res.json().products;
  return Object.fromEntries(products.map((entry) => [entry.productId, entry]));
}

async function entryOf(productId: string) {
  return (await api.services.subscriptions.get('app')).products.find((entry) => entry.productId === productId);
}

describe('POST /api/v1/subscriptions/{id}/products/{productId}/approve', () => {
  it('approves a pending key and answers 200 with the entry, without its key', async () => {
    const issued = await makeSubscription();
    expect(issued.silver?.status).toBe('pending');

    const res = await api.call('POST', '/api/v1/subscriptions/app/products/silver/approve');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      productId: 'silver',
      status: 'approved',
      keyPrefix: issued.silver?.keyPrefix,
      ratePlanId: null,
      createdAt: issued.silver?.createdAt,
      keyIssuedAt: issued.silver?.keyIssuedAt,
      previousKeyExpiresAt: null,
    });
    expect((await entryOf('silver'))?.status).toBe('approved');
  });

  it('approves a revoked key again', async () => {
    await makeSubscription();
    await api.services.subscriptions.revoke('app', 'gold');

    const res = await api.call('POST', '/api/v1/subscriptions/app/products/gold/approve');

    expect(res.json().status).toBe('approved');
  });

  it('answers 404 NOT_FOUND for a product the subscription does not hold', async () => {
    await makeSubscription();
    await api.services.products.create(makeProductInput({ id: 'bronze', name: 'Bronze' }));

    const body = expectProblem(await api.call('POST', '/api/v1/subscriptions/app/products/bronze/approve'), 'NOT_FOUND');
    expect(body.detail).toBe("subscription 'app' does not hold product 'bronze'");
  });

  it('answers 404 NOT_FOUND for a subscription that does not exist', async () => {
    expectProblem(await api.call('POST', '/api/v1/subscriptions/ghost/products/gold/approve'), 'NOT_FOUND');
  });

  it('answers 400 naming params.productId when the product id is malformed', async () => {
    await makeSubscription();

    expectProblem(await api.call('POST', '/api/v1/subscriptions/app/products/Gold%20Plan/approve'), 'VALIDATION_FAILED', [
      'params.productId',
    ]);
  });

  it('answers 400 naming params.id when the subscription id is malformed', async () => {
    expectProblem(await api.call('POST', '/api/v1/subscriptions/BAD%20ID/products/gold/approve'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/subscriptions/app/products/silver/approve' },
    { setup: makeSubscription, unchanged: async () => expect((await entryOf('silver'))?.status).toBe('pending') },
  );
});

describe('POST /api/v1/subscriptions/{id}/products/{productId}/revoke', () => {
  it('revokes a key and answers 200 with the entry, without its key', async () => {
    const issued = await makeSubscription();

    const res = await api.call('POST', '/api/v1/subscriptions/app/products/gold/revoke');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ productId: 'gold', status: 'revoked', keyPrefix: issued.gold?.keyPrefix });
    expect(res.json()).not.toHaveProperty('consumerKey');
    expect((await entryOf('gold'))?.status).toBe('revoked');
    expect((await entryOf('silver'))?.status).toBe('pending');
  });

  it('answers 404 NOT_FOUND for a product the subscription does not hold', async () => {
    await makeSubscription();

    expectProblem(await api.call('POST', '/api/v1/subscriptions/app/products/bronze/revoke'), 'NOT_FOUND');
  });

  it('answers 404 NOT_FOUND for a subscription that does not exist', async () => {
    expectProblem(await api.call('POST', '/api/v1/subscriptions/ghost/products/gold/revoke'), 'NOT_FOUND');
  });

  it('answers 400 naming params.productId when the product id is malformed', async () => {
    expectProblem(await api.call('POST', '/api/v1/subscriptions/app/products/-gold/revoke'), 'VALIDATION_FAILED', ['params.productId']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/subscriptions/app/products/gold/revoke' },
    { setup: makeSubscription, unchanged: async () => expect((await entryOf('gold'))?.status).toBe('approved') },
  );
});

describe('POST /api/v1/subscriptions/{id}/products/{productId}/regenerate', () => {
  it('issues a new key pair whose previous key works for the grace period', async () => {
    const issued = await makeSubscription();
    const before = Date.now();

    const res = await api.call('POST', '/api/v1/subscriptions/app/products/gold/regenerate', { graceSeconds: 60 });

    const after = Date.now();
    expect(res.statusCode).toBe(200);
    const entry = res.json();
    expect(entry).toMatchObject({
      productId: 'gold',
      status: 'approved',
      consumerKey: expect.stringMatching(/^tg_k_/),
      consumerSecret: expect.stringMatching(/^tg_s_/),
    });
    expect(entry.consumerKey).not.toBe(issued.gold?.consumerKey);
    expect(entry.consumerSecret).not.toBe(issued.gold?.consumerSecret);
    expect(entry.consumerKey.startsWith(entry.keyPrefix)).toBe(true);
    const issuedAt = Date.parse(entry.keyIssuedAt);
    expect(issuedAt).toBeGreaterThanOrEqual(before);
    expect(issuedAt).toBeLessThanOrEqual(after);
    expect(Date.parse(entry.previousKeyExpiresAt) - issuedAt).toBe(60_000);
  });

  it('issues a new key with no grace period when no body is sent', async () => {
    const issued = await makeSubscription();

    const res = await api.call('POST', '/api/v1/subscriptions/app/products/gold/regenerate');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ productId: 'gold', previousKeyExpiresAt: null, consumerKey: expect.stringMatching(/^tg_k_/) });
    expect(res.json().consumerKey).not.toBe(issued.gold?.consumerKey);
  });

  it('issues a new key with no grace period when graceSeconds is 0', async () => {
    await makeSubscription();

    const res = await api.call('POST', '/api/v1/subscriptions/app/products/gold/regenerate', { graceSeconds: 0 });

    expect(res.json().previousKeyExpiresAt).toBeNull();
  });

  it('keeps the new key out of every later read, which shows only its prefix', async () => {
    await makeSubscription();
    const regenerated = (await api.call('POST', '/api/v1/subscriptions/app/products/gold/regenerate', { graceSeconds: 60 })).json();

    const read = await api.call('GET', '/api/v1/subscriptions/app');
    const listed = await api.call('GET', '/api/v1/subscriptions');

    for (const res of [read, listed]) {
      expect(res.body).not.toContain(regenerated.consumerKey);
      expect(res.body).not.toContain(regenerated.consumerSecret);
    }
    expect(read.json().products[0]).toMatchObject({
      productId: 'gold',
      keyPrefix: regenerated.keyPrefix,
      previousKeyExpiresAt: regenerated.previousKeyExpiresAt,
    });
  });

  it('leaves the other products of the subscription alone', async () => {
    const issued = await makeSubscription();

    await api.call('POST', '/api/v1/subscriptions/app/products/gold/regenerate');

    expect((await entryOf('silver'))?.keyPrefix).toBe(issued.silver?.keyPrefix);
  });

  it('answers 400 naming graceSeconds when it is negative, too long or not an integer', async () => {
    const issued = await makeSubscription();
    const url = '/api/v1/subscriptions/app/products/gold/regenerate';

    for (const graceSeconds of [-1, 90 * 24 * 3600 + 1, 1.5, '60']) {
      expectProblem(await api.call('POST', url, { graceSeconds }), 'VALIDATION_FAILED', ['graceSeconds']);
    }
    expect((await entryOf('gold'))?.keyPrefix).toBe(issued.gold?.keyPrefix);
  });

  it('answers 400 naming an unknown field', async () => {
    await makeSubscription();

    const res = await api.call('POST', '/api/v1/subscriptions/app/products/gold/regenerate', { consumerKey: 'tg_k_chosen' });

    expectProblem(res, 'VALIDATION_FAILED', ['consumerKey']);
  });

  it('answers 400 VALIDATION_FAILED to malformed JSON', async () => {
    await makeSubscription();

    const res = await api.send('POST', '/api/v1/subscriptions/app/products/gold/regenerate', 'application/json', '{"graceSeconds": 60');

    expectProblem(res, 'VALIDATION_FAILED');
  });

  it('answers 404 NOT_FOUND for a product the subscription does not hold', async () => {
    await makeSubscription();

    expectProblem(await api.call('POST', '/api/v1/subscriptions/app/products/bronze/regenerate', { graceSeconds: 60 }), 'NOT_FOUND');
  });

  it('answers 404 NOT_FOUND for a subscription that does not exist', async () => {
    expectProblem(await api.call('POST', '/api/v1/subscriptions/ghost/products/gold/regenerate'), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the subscription id is malformed', async () => {
    expectProblem(await api.call('POST', '/api/v1/subscriptions/BAD%20ID/products/gold/regenerate'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/subscriptions/app/products/gold/regenerate', payload: { graceSeconds: 60 } },
    { setup: makeSubscription, unchanged: async () => expect((await entryOf('gold'))?.previousKeyExpiresAt).toBeNull() },
  );
});
