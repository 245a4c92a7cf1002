import type { RatePlanCreate } from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClientInput, makeProductInput, makeSubscriptionInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem } from '../testing/problems.js';

let api: ApiHarness;
/** The time every clock of the API reads; tests move it. */
let now: number;

const at = (iso: string) => Date.parse(iso);

const plan = (id: string, over: Partial<RatePlanCreate> = {}): RatePlanCreate => ({
  id,
  name: id.toUpperCase(),
  currency: 'USD',
  meteringType: 'UNIT',
  rates: [{ from: 1, price: 1 }],
  startDate: '2026-01-01T00:00:00.000Z',
  ...over,
});

beforeEach(async () => {
  now = at('2027-01-20T10:00:00.000Z');
  api = await startApi(undefined, { clock: { now: () => new Date(now) } });
  await api.services.products.create(makeProductInput({ id: 'gold' }));
  await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver' }));
  await api.services.clients.create(makeClientInput({ id: 'carol' }));
  await api.services.ratePlans.create('gold', plan('std'));
  await api.services.ratePlans.create('gold', plan('pro'));
  await api.services.ratePlans.create('gold', plan('anniv', { billingPeriod: 'subscription-month' }));
  await api.services.ratePlans.create('silver', plan('other'));
});

afterEach(async () => {
  await api.close();
});

const subscribe = (ratePlanId: string | null) =>
  api.call(
    'POST',
    '/api/v1/subscriptions',
    makeSubscriptionInput({ id: 'app', clientId: 'carol', products: [{ productId: 'gold', ratePlanId }] }),
  );

const choose = (ratePlanId: string | null) =>
  api.call('PATCH', '/api/v1/subscriptions/app', { products: [{ productId: 'gold', ratePlanId }] });

const tab = async () => {
  const res = await api.call('GET', '/api/v1/subscriptions/app/monetization');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().products[0];
};

describe('choosing a rate plan per subscribed product', () => {
  it('puts a plan chosen on create in effect at once, in the calendar month now running', async () => {
    const res = await subscribe('std');

    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().products[0].ratePlanId).toBe('std');
    expect(await tab()).toEqual({
      productId: 'gold',
      ratePlan: { id: 'std', name: 'STD', since: '2027-01-20T10:00:00.000Z' },
      next: null,
      period: { start: '2027-01-01T00:00:00.000Z', end: '2027-02-01T00:00:00.000Z' },
      usage: { currency: 'USD', calls: 0, billableCalls: 0, charge: 0, projectedCharge: 0 },
    });
  });

  it('changes the plan from the start of the next period, not before', async () => {
    await subscribe('std');

    const res = await choose('pro');

    expect(res.json().products[0].ratePlanId).toBe('pro');
    expect(await tab()).toMatchObject({ ratePlan: { id: 'std' }, next: { ratePlanId: 'pro', from: '2027-02-01T00:00:00.000Z' } });
    now = at('2027-01-31T23:59:59.999Z');
    expect((await tab()).ratePlan.id).toBe('std');
    now = at('2027-02-01T00:00:00.000Z');
    expect(await tab()).toEqual({
      productId: 'gold',
      ratePlan: { id: 'pro', name: 'PRO', since: '2027-02-01T00:00:00.000Z' },
      next: null,
      period: { start: '2027-02-01T00:00:00.000Z', end: '2027-03-01T00:00:00.000Z' },
      usage: { currency: 'USD', calls: 0, billableCalls: 0, charge: 0, projectedCharge: 0 },
    });
  });

  it('drops a pending change when the plan in effect is chosen again, and keeps its start', async () => {
    await subscribe('std');
    await choose('pro');

    await choose('std');

    expect(await tab()).toMatchObject({ ratePlan: { id: 'std', since: '2027-01-20T10:00:00.000Z' }, next: null });
    now = at('2027-02-10T00:00:00.000Z');
    expect(await tab()).toMatchObject({ ratePlan: { id: 'std', since: '2027-01-20T10:00:00.000Z' }, next: null });
  });

  it('ends the plan from the next period when null is chosen', async () => {
    await subscribe('std');

    await choose(null);

    expect(await tab()).toMatchObject({ ratePlan: { id: 'std' }, next: { ratePlanId: null, from: '2027-02-01T00:00:00.000Z' } });
    now = at('2027-02-01T00:00:00.000Z');
    expect(await tab()).toEqual({ productId: 'gold', ratePlan: null, next: null, period: null, usage: null });
  });

  it('anchors subscription-month periods on the day the plan started, the 31st falling back to the month end', async () => {
    now = at('2027-01-31T15:00:00.000Z');
    await subscribe('anniv');

    expect((await tab()).period).toEqual({ start: '2027-01-31T00:00:00.000Z', end: '2027-02-28T00:00:00.000Z' });
    await choose('std');
    expect((await tab()).next).toEqual({ ratePlanId: 'std', from: '2027-02-28T00:00:00.000Z' });
    now = at('2027-03-15T00:00:00.000Z');
    expect((await tab()).period).toEqual({ start: '2027-03-01T00:00:00.000Z', end: '2027-04-01T00:00:00.000Z' });
  });

  it('puts a plan into effect once a product without one gets it, at once', async () => {
    await subscribe(null);
    expect(await tab()).toEqual({ productId: 'gold', ratePlan: null, next: null, period: null, usage: null });

    await choose('pro');

    expect((await tab()).ratePlan).toEqual({ id: 'pro', name: 'PRO', since: '2027-01-20T10:00:00.000Z' });
  });

  it('puts a plan chosen after the last one’s durationMonths ran out into effect at once, the same plan again included', async () => {
    await api.services.ratePlans.create('gold', plan('month', { durationMonths: 1 }));
    await subscribe('month');
    now = at('2027-03-05T00:00:00.000Z');
    expect((await tab()).ratePlan).toBeNull();

    await choose('pro');
    expect((await tab()).ratePlan).toEqual({ id: 'pro', name: 'PRO', since: '2027-03-05T00:00:00.000Z' });

    // Back on the one-month plan from the next period (Apr 1); after its month ends, choosing it again restarts it at once.
    await choose('month');
    now = at('2027-05-02T00:00:00.000Z');
    expect((await tab()).ratePlan).toBeNull();
    await choose(null);
    await choose('month');
    expect((await tab()).ratePlan).toEqual({ id: 'month', name: 'MONTH', since: '2027-05-02T00:00:00.000Z' });
  });

  it('waits for a plan that starts later', async () => {
    await api.services.ratePlans.create('gold', plan('later', { startDate: '2027-03-01T00:00:00.000Z' }));

    await subscribe('later');

    expect(await tab()).toMatchObject({ ratePlan: null, next: { ratePlanId: 'later', from: '2027-03-01T00:00:00.000Z' } });
  });

  it("answers 400 naming the entry for an unknown plan, another product's plan and a plan that has ended", async () => {
    await api.services.ratePlans.create('gold', plan('old', { endDate: '2027-01-01T00:00:00.000Z' }));

    expectProblem(await subscribe('nope'), 'VALIDATION_FAILED', ['products.0.ratePlanId']);
    expectProblem(await subscribe('other'), 'VALIDATION_FAILED', ['products.0.ratePlanId']);
    expectProblem(await subscribe('old'), 'VALIDATION_FAILED', ['products.0.ratePlanId']);
    expectProblem(await api.call('GET', '/api/v1/subscriptions/app/monetization'), 'NOT_FOUND');
  });

  it('refuses to delete a plan a subscription has been on (409), and keeps it', async () => {
    await subscribe('std');

    expectProblem(await api.call('DELETE', '/api/v1/products/gold/rate-plans/std'), 'REFERENCED');
    expect((await api.call('GET', '/api/v1/products/gold/rate-plans/std')).statusCode).toBe(200);
    expect((await api.call('DELETE', '/api/v1/products/gold/rate-plans/pro')).statusCode).toBe(204);
  });
});
