import type { AuditRecord, RatePlanCreate } from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeProductInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem } from '../testing/problems.js';
import { userSessions } from '../testing/users.js';

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
  await api.services.products.create(makeProductInput({ id: 'gold' }));
  await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver' }));
});

afterEach(async () => {
  await api.close();
});

const { createUser, sessionOf, as } = userSessions(() => api);

/** 1–10 at 5 cents, 11+ at 2 cents, USD. */
const makePlan = (over: Partial<RatePlanCreate> = {}): RatePlanCreate => ({
  id: 'std',
  name: 'Standard',
  currency: 'USD',
  meteringType: 'UNIT',
  rates: [
    { from: 1, to: 10, price: 5 },
    { from: 11, price: 2 },
  ],
  ...over,
});

const plans = '/api/v1/products/gold/rate-plans';

describe('POST /api/v1/products/{id}/rate-plans', () => {
  it('creates a plan with its defaults and answers 201 with its Location', async () => {
    const res = await api.call('POST', plans, makePlan({ startDate: '2027-01-01T00:00:00.000Z' }));

    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe('/api/v1/products/gold/rate-plans/std');
    expect(res.json()).toMatchObject({
      id: 'std',
      productId: 'gold',
      description: '',
      rates: [
        { from: 1, to: 10, price: 5 },
        { from: 11, price: 2 },
      ],
      fees: {},
      freemium: {},
      billingPeriod: 'calendar-month',
      durationMonths: null,
      paymentDueDays: 30,
      mode: 'postpaid',
      startDate: '2027-01-01T00:00:00.000Z',
      endDate: null,
    });
    expect((await api.call('GET', `${plans}/std`)).json()).toEqual(res.json());
  });

  it.each([
    ['a first band not starting at call 1', [{ from: 2, to: 10, price: 5 }], 'rates.0.from'],
    [
      'overlapping bands',
      [
        { from: 1, to: 10, price: 5 },
        { from: 10, price: 2 },
      ],
      'rates.1.from',
    ],
    [
      'a gap between bands',
      [
        { from: 1, to: 10, price: 5 },
        { from: 12, price: 2 },
      ],
      'rates.1.from',
    ],
    [
      'a band after an open-ended one',
      [
        { from: 1, price: 5 },
        { from: 11, price: 2 },
      ],
      'rates.0.to',
    ],
    ['a band ending before it starts', [{ from: 1, to: 0, price: 5 }], 'rates.0.to'],
    ['no band', [], 'rates'],
    ['a fractional price', [{ from: 1, price: 2.5 }], 'rates.0.price'],
    ['a negative price', [{ from: 1, price: -1 }], 'rates.0.price'],
  ])('answers 400 naming the field for %s, and creates nothing', async (_case, rates, field) => {
    expectProblem(await api.call('POST', plans, { ...makePlan(), rates }), 'VALIDATION_FAILED', [field]);
    expect((await api.call('GET', plans)).json()).toEqual({ items: [] });
  });

  it('answers 400 naming currency for a code that is not ISO 4217, and endDate for an end before the start', async () => {
    expectProblem(await api.call('POST', plans, makePlan({ currency: 'XYZ' })), 'VALIDATION_FAILED', ['currency']);
    expectProblem(await api.call('POST', plans, makePlan({ currency: 'usd' })), 'VALIDATION_FAILED', ['currency']);
    expectProblem(
      await api.call('POST', plans, makePlan({ startDate: '2027-02-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' })),
      'VALIDATION_FAILED',
      ['endDate'],
    );
  });

  it('answers 409 for an id another plan has, on any product, and 404 for an unknown product', async () => {
    await api.call('POST', plans, makePlan());

    expectProblem(await api.call('POST', '/api/v1/products/silver/rate-plans', makePlan()), 'CONFLICT', ['id']);
    expectProblem(await api.call('POST', '/api/v1/products/none/rate-plans', makePlan()), 'NOT_FOUND');
  });
});

describe('reading, updating and deleting plans', () => {
  it("lists a product's plans by id, not another product's", async () => {
    await api.call('POST', plans, makePlan({ id: 'b' }));
    await api.call('POST', plans, makePlan({ id: 'a' }));
    await api.call('POST', '/api/v1/products/silver/rate-plans', makePlan({ id: 'c' }));

    expect((await api.call('GET', plans)).json().items.map((plan: { id: string }) => plan.id)).toEqual(['a', 'b']);
    expectProblem(await api.call('GET', '/api/v1/products/silver/rate-plans/a'), 'NOT_FOUND');
  });

  it('updates the fields sent, validating the result, and records the change on the product in the audit log', async () => {
    await api.call('POST', plans, makePlan());

    const res = await api.call('PATCH', `${plans}/std`, { name: 'Standard 2', meteringType: 'VOLUME' });
    const refused = await api.call('PATCH', `${plans}/std`, { rates: [{ from: 5, price: 1 }] });

    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Standard 2', meteringType: 'VOLUME', rates: makePlan().rates });
    expectProblem(refused, 'VALIDATION_FAILED', ['rates.0.from']);
    const records: AuditRecord[] = (await api.call('GET', '/api/v1/audit?action=updateRatePlan&outcome=success')).json().items;
    expect(records[0]?.target).toEqual({ type: 'product', id: 'gold' });
    expect(records[0]?.changes?.after).toMatchObject({ ratePlans: [{ id: 'std', name: 'Standard 2' }] });
  });

  it('deletes a plan: 204, then 404', async () => {
    await api.call('POST', plans, makePlan());

    expect((await api.call('DELETE', `${plans}/std`)).statusCode).toBe(204);
    expectProblem(await api.call('DELETE', `${plans}/std`), 'NOT_FOUND');
    expectProblem(await api.call('GET', `${plans}/std`), 'NOT_FOUND');
  });

  it('refuses to delete a product that still has plans (409), and deletes it once they are gone', async () => {
    await api.call('POST', plans, makePlan());

    expectProblem(await api.call('DELETE', '/api/v1/products/gold'), 'REFERENCED');
    await api.call('DELETE', `${plans}/std`);
    expect((await api.call('DELETE', '/api/v1/products/gold')).statusCode).toBe(204);
  });

  it('follows the permissions of the product: view to read, modify to change, per object too', async () => {
    await createUser('bob');
    await api.call('POST', plans, makePlan());
    await api.call('PUT', '/api/v1/products/gold/permissions', {
      entries: [{ principal: { type: 'user', id: 'bob' }, view: 'allow', modify: 'inherit' }],
    });
    const bob = await sessionOf('bob');

    expect((await as(bob, 'GET', plans)).statusCode).toBe(200);
    expectProblem(await as(bob, 'GET', '/api/v1/products/silver/rate-plans'), 'FORBIDDEN');
    expectProblem(await as(bob, 'POST', plans, makePlan({ id: 'other' })), 'FORBIDDEN');
    expectProblem(
      await as(bob, 'PUT', '/api/v1/products/gold/success-criteria', { statuses: [{ from: 200, to: 201 }], header: null }),
      'FORBIDDEN',
    );
  });
});

describe('GET and PUT /api/v1/products/{id}/success-criteria', () => {
  it('answers the default, any 2xx, until set; then what was set', async () => {
    expect((await api.call('GET', '/api/v1/products/gold/success-criteria')).json()).toEqual({
      statuses: [{ from: 200, to: 299 }],
      header: null,
    });
    const criteria = {
      statuses: [
        { from: 200, to: 201 },
        { from: 304, to: 304 },
      ],
      header: { name: 'X-Billable', value: 'yes' },
    };

    const res = await api.call('PUT', '/api/v1/products/gold/success-criteria', criteria);

    expect(res.json()).toEqual(criteria);
    expect((await api.call('GET', '/api/v1/products/gold/success-criteria')).json()).toEqual(criteria);
    expect((await api.call('GET', '/api/v1/products/silver/success-criteria')).json().statuses).toEqual([{ from: 200, to: 299 }]);
  });

  it('answers 400 naming the range that ends before it starts, or a status out of 100–599, and 404 for an unknown product', async () => {
    const put = (body: unknown, product = 'gold') => api.call('PUT', `/api/v1/products/${product}/success-criteria`, body);

    expectProblem(
      await put({
        statuses: [
          { from: 200, to: 299 },
          { from: 300, to: 250 },
        ],
        header: null,
      }),
      'VALIDATION_FAILED',
      ['statuses.1.to'],
    );
    expectProblem(await put({ statuses: [{ from: 200, to: 600 }], header: null }), 'VALIDATION_FAILED', ['statuses.0.to']);
    expectProblem(await put({ statuses: [], header: null }), 'VALIDATION_FAILED', ['statuses']);
    expectProblem(await put({ statuses: [{ from: 200, to: 299 }], header: null }, 'none'), 'NOT_FOUND');
  });
});
