import type { MeteredCall, RatePlanCreate } from '@tollgate/domain';
import { sqliteBackend, type TestBackend, testBackends } from '@tollgate/storage/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeClientInput, makeProductInput, makeSubscriptionInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem } from '../testing/problems.js';

let api: ApiHarness;
/** The time every clock of the API reads; tests move it. */
let now: number;

const at = (iso: string) => Date.parse(iso);

/** Calls 1–10 at 5, 11 and beyond at 2 (cents); setup 1000, recurring 500. */
const STANDARD: RatePlanCreate = {
  id: 'std',
  name: 'Standard',
  currency: 'USD',
  meteringType: 'UNIT',
  rates: [
    { from: 1, to: 10, price: 5 },
    { from: 11, price: 2 },
  ],
  fees: { setup: 1000, recurring: 500 },
  paymentDueDays: 15,
  startDate: '2027-01-01T00:00:00.000Z',
};

let sequence = 0;
/** `count` calls of a subscription product one second apart from `start`. */
function calls(subscriptionId: string, productId: string, clientId: string, start: string, count: number, billable = true): MeteredCall[] {
  return Array.from({ length: count }, (_, index) => ({
    requestId: `r${++sequence}`,
    receivedAt: at(start) + index * 1000,
    subscriptionId,
    productId,
    clientId,
    status: billable ? 200 : 503,
    billable,
  }));
}

const record = (batch: MeteredCall[]) => api.test.store.metering.record(batch);
const rate = async (body: object = {}) => {
  const res = await api.call('POST', '/api/v1/monetization/rating-runs', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const invoices = async (query = '') => (await api.call('GET', `/api/v1/invoices${query}`)).json().items;

/** The store the next test's API runs on: SQLite, and PostgreSQL for the rating runs when it is available. */
let backend: TestBackend = sqliteBackend;

beforeEach(async () => {
  now = at('2027-01-20T10:00:00.000Z');
  api = await startApi(backend, { clock: { now: () => new Date(now) } });
  await api.services.products.create(makeProductInput({ id: 'gold' }));
  await api.services.clients.create(makeClientInput({ id: 'carol' }));
  await api.services.ratePlans.create('gold', STANDARD);
  await api.services.subscriptions.create(
    makeSubscriptionInput({ id: 'app', clientId: 'carol', products: [{ productId: 'gold', ratePlanId: 'std' }] }),
  );
  // January: 14 billable calls and 3 that failed the criteria; February: 5 billable.
  await record([
    ...calls('app', 'gold', 'carol', '2027-01-21T00:00:00Z', 14),
    ...calls('app', 'gold', 'carol', '2027-01-22T00:00:00Z', 3, false),
  ]);
  await record(calls('app', 'gold', 'carol', '2027-02-03T00:00:00Z', 5));
  now = at('2027-02-10T00:00:00.000Z');
});

afterEach(async () => {
  await api.close();
});

// On PostgreSQL two runs really run at once (SQLite's one connection serialises them anyway), so
// the race below is decided there by the rating lock and the invoices' unique key.
describe.each(testBackends())('rating runs and invoices on $name', (each) => {
  beforeAll(() => {
    backend = each;
  });
  afterAll(() => {
    backend = sqliteBackend;
  });

  it('rates each period into a draft invoice with lines for fees and each band, and a second run changes nothing', async () => {
    expect(await rate()).toMatchObject({ created: 2, updated: 0, unchanged: 0, finalized: 0 });

    const [february, january] = await invoices();
    expect(january).toMatchObject({
      clientId: 'carol',
      currency: 'USD',
      periodStart: '2027-01-01T00:00:00.000Z',
      periodEnd: '2027-02-01T00:00:00.000Z',
      status: 'draft',
      number: null,
      total: 1000 + 500 + 10 * 5 + 4 * 2,
    });
    expect(january.lines).toEqual([
      { subscriptionId: 'app', productId: 'gold', ratePlanId: 'std', kind: 'setup-fee', amount: 1000 },
      { subscriptionId: 'app', productId: 'gold', ratePlanId: 'std', kind: 'recurring-fee', amount: 500 },
      { subscriptionId: 'app', productId: 'gold', ratePlanId: 'std', kind: 'usage', calls: 10, from: 1, to: 10, price: 5, amount: 50 },
      { subscriptionId: 'app', productId: 'gold', ratePlanId: 'std', kind: 'usage', calls: 4, from: 11, to: null, price: 2, amount: 8 },
    ]);
    expect(february).toMatchObject({ periodStart: '2027-02-01T00:00:00.000Z', total: 500 + 5 * 5 });

    expect(await rate()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await invoices()).toEqual([february, january]);
  });

  it('gives the same invoices when two runs race', async () => {
    const [first, second] = await Promise.all([rate(), rate()]);
    expect(first.created + second.created).toBe(2);
    expect(first.unchanged + second.unchanged).toBe(2);
    expect(await invoices()).toHaveLength(2);
  });

  it('rates the running period again as calls come in', async () => {
    await rate();
    await record(calls('app', 'gold', 'carol', '2027-02-05T00:00:00Z', 1));
    expect(await rate()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await invoices())[0].total).toBe(500 + 6 * 5);
  });

  it('makes drafts of ended periods final with a number and a due date, and never changes them again', async () => {
    await rate();
    const result = await rate({ finalizeBefore: '2027-02-10T00:00:00.000Z' });
    expect(result.finalized).toBe(1);
    const [february, january] = await invoices();
    expect(january).toMatchObject({
      status: 'final',
      number: 'INV-000001',
      finalizedAt: '2027-02-10T00:00:00.000Z',
      dueAt: '2027-02-25T00:00:00.000Z',
      total: 1558,
    });
    expect(february.status).toBe('draft');

    // A call that reaches the ledger late does not change a final invoice: its period is not rated again.
    await record(calls('app', 'gold', 'carol', '2027-01-30T00:00:00Z', 3));
    expect(await rate()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await api.call('GET', `/api/v1/invoices/${january.id}`)).json()).toEqual(january);

    expectProblem(await api.call('POST', `/api/v1/invoices/${january.id}/finalize`), 'CONFLICT');
    expectProblem(await api.call('POST', `/api/v1/invoices/${february.id}/finalize`), 'CONFLICT');
    now = at('2027-03-01T00:00:00.000Z');
    const finalized = await api.call('POST', `/api/v1/invoices/${february.id}/finalize`);
    expect(finalized.statusCode, finalized.body).toBe(200);
    expect(finalized.json()).toMatchObject({ number: 'INV-000002', status: 'final', total: 525 });
  });

  it('refuses to delete a subscription that has been on a rate plan (its billing history stays), and to change a plan in use’s terms', async () => {
    await rate();
    expectProblem(await api.call('DELETE', '/api/v1/subscriptions/app'), 'REFERENCED');
    expect((await api.call('GET', '/api/v1/subscriptions/app')).statusCode).toBe(200);

    const repriced = await api.call('PATCH', '/api/v1/products/gold/rate-plans/std', { rates: [{ from: 1, price: 1 }] });
    expectProblem(repriced, 'REFERENCED');
    expect(repriced.json().detail).toContain('rates');
    expectProblem(await api.call('PATCH', '/api/v1/products/gold/rate-plans/std', { currency: 'EUR' }), 'REFERENCED');
    expectProblem(
      await api.call('PATCH', '/api/v1/products/gold/rate-plans/std', { endDate: '2027-02-01T00:00:00.000Z' }),
      'VALIDATION_FAILED',
      ['endDate'],
    );
    const renamed = await api.call('PATCH', '/api/v1/products/gold/rate-plans/std', {
      name: 'Standard 2027',
      endDate: '2027-06-01T00:00:00.000Z',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // What was billed stays as it was.
    expect(await rate()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('filters invoices by client and status, and refuses a finalizeBefore in the future', async () => {
    await rate({ finalizeBefore: '2027-02-01T00:00:00.000Z' });
    expect((await invoices('?status=final')).map((i: { periodStart: string }) => i.periodStart)).toEqual(['2027-01-01T00:00:00.000Z']);
    expect(await invoices('?clientId=nobody')).toEqual([]);
    expectProblem(
      await api.call('POST', '/api/v1/monetization/rating-runs', { finalizeBefore: '2027-03-01T00:00:00.000Z' }),
      'VALIDATION_FAILED',
      ['finalizeBefore'],
    );
    expectProblem(await api.call('GET', '/api/v1/invoices/unknown'), 'NOT_FOUND');
  });
});

describe('the monetization report', () => {
  it('counts calls by receive time and gives whole periods their invoice totals; calls without a plan have their own row', async () => {
    await api.services.subscriptions.create(makeSubscriptionInput({ id: 'free', clientId: 'carol', products: [{ productId: 'gold' }] }));
    await record(calls('free', 'gold', 'carol', '2027-01-25T00:00:00Z', 2));

    const res = await api.call('GET', '/api/v1/monetization/report?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      from: '2027-01-01T00:00:00.000Z',
      to: '2027-02-01T00:00:00.000Z',
      generatedAt: '2027-02-10T00:00:00.000Z',
      rows: [
        { productId: 'gold', clientId: 'carol', ratePlanId: 'std', currency: 'USD', calls: 17, billableCalls: 14, revenue: 1558 },
        { productId: 'gold', clientId: 'carol', ratePlanId: null, currency: null, calls: 2, billableCalls: 2, revenue: 0 },
      ],
      totals: [
        { currency: 'USD', calls: 17, billableCalls: 14, revenue: 1558 },
        { currency: null, calls: 2, billableCalls: 2, revenue: 0 },
      ],
    });
  });

  it('reflects calls made a moment ago, and adjacent windows add up to the whole', async () => {
    const window = async (from: string, to: string) =>
      (await api.call('GET', `/api/v1/monetization/report?from=${from}&to=${to}`)).json().totals[0];
    await record(calls('app', 'gold', 'carol', '2027-02-09T23:59:59Z', 1));
    const whole = await window('2027-01-01T00:00:00Z', '2027-03-01T00:00:00Z');
    expect(whole).toEqual({ currency: 'USD', calls: 23, billableCalls: 20, revenue: 1558 + 500 + 6 * 5 });
    const first = await window('2027-01-01T00:00:00Z', '2027-01-21T00:00:05Z');
    const rest = await window('2027-01-21T00:00:05Z', '2027-03-01T00:00:00Z');
    expect(first).toEqual({ currency: 'USD', calls: 5, billableCalls: 5, revenue: 1000 + 500 + 5 * 5 });
    expect(first.revenue + rest.revenue).toBe(whole.revenue);
    expect(first.calls + rest.calls).toBe(whole.calls);
  });

  it('gives a window in the future no revenue yet (not minus the fees)', async () => {
    const res = await api.call('GET', '/api/v1/monetization/report?from=2027-03-05T00:00:00Z&to=2027-03-20T00:00:00Z');
    expect(res.json().rows).toEqual([]);
    expect(res.json().totals).toEqual([]);
  });

  it('downloads as CSV and as PDF, and refuses a window that ends before it starts', async () => {
    const csv = await api.call('GET', '/api/v1/monetization/report?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z&format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.trim().split('\n')).toEqual([
      'productId,clientId,ratePlanId,currency,calls,billableCalls,revenue',
      'gold,carol,std,USD,17,14,1558',
      'TOTAL,,,USD,17,14,1558',
    ]);
    const pdf = await api.call('GET', '/api/v1/monetization/report?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z&format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expectProblem(
      await api.call('GET', '/api/v1/monetization/report?from=2027-02-01T00:00:00Z&to=2027-01-01T00:00:00Z'),
      'VALIDATION_FAILED',
      ['to'],
    );
    expectProblem(await api.call('GET', '/api/v1/monetization/report?from=2027-02-01T00:00:00Z'), 'VALIDATION_FAILED', ['query.to']);
  });
});

describe('prepaid balances', () => {
  beforeEach(async () => {
    await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver' }));
    await api.services.ratePlans.create('silver', {
      ...STANDARD,
      id: 'pre',
      mode: 'prepaid',
      rates: [{ from: 1, price: 100 }],
      fees: {},
      startDate: '2027-02-01T00:00:00.000Z',
    });
    await api.services.clients.create(makeClientInput({ id: 'dave', email: 'dave@example.com' }));
    await api.services.subscriptions.create(
      makeSubscriptionInput({ id: 'pp', clientId: 'dave', products: [{ productId: 'silver', ratePlanId: 'pre' }] }),
    );
  });

  const balance = async () => (await api.call('GET', '/api/v1/clients/dave/balance')).json().items;
  const exhausted = async () => (await api.test.store.exhaustedBalances.list()).filter((entry) => entry.clientId === 'dave');

  it('is used up without a top-up, lifted by one, and used up again by calls', async () => {
    await api.services.balances.check();
    expect(await balance()).toEqual([{ currency: 'USD', toppedUp: 0, charged: 0, available: 0, exhausted: true }]);
    expect(await exhausted()).toEqual([{ clientId: 'dave', currency: 'USD' }]);

    const topUp = await api.call('POST', '/api/v1/clients/dave/top-ups', { currency: 'USD', amount: 1000, note: 'card' });
    expect(topUp.statusCode, topUp.body).toBe(201);
    expect(topUp.json()).toMatchObject({
      clientId: 'dave',
      currency: 'USD',
      amount: 1000,
      note: 'card',
      createdAt: '2027-02-10T00:00:00.000Z',
    });
    expect(await exhausted()).toEqual([]);
    expect(await balance()).toEqual([{ currency: 'USD', toppedUp: 1000, charged: 0, available: 1000, exhausted: false }]);

    await record(calls('pp', 'silver', 'dave', '2027-02-10T00:00:00Z', 9));
    now = at('2027-02-10T12:00:00.000Z');
    expect(await api.services.balances.check()).toBe(0);
    await record(calls('pp', 'silver', 'dave', '2027-02-10T01:00:00Z', 1));
    expect(await api.services.balances.check()).toBe(1);
    expect(await balance()).toEqual([{ currency: 'USD', toppedUp: 1000, charged: 1000, available: 0, exhausted: true }]);
    expect((await api.call('GET', '/api/v1/clients/dave/top-ups')).json().items).toHaveLength(1);
  });

  it('puts the exhausted balances in the gateway configuration, and bumps its version when one changes', async () => {
    const before = await api.test.store.gatewayConfig.currentVersion();
    await api.services.balances.check();
    expect(await api.test.store.gatewayConfig.currentVersion()).toBeGreaterThan(before);
    const config = await api.test.store.gatewayConfig.load('production', new Date(now));
    expect(config.exhaustedBalances).toEqual([{ clientId: 'dave', currency: 'USD' }]);
    const version = await api.test.store.gatewayConfig.currentVersion();
    expect(await api.services.balances.check()).toBe(0);
    expect(await api.test.store.gatewayConfig.currentVersion()).toBe(version);
  });

  it('refuses a top-up in an unknown currency, of nothing, or for an unknown client', async () => {
    expectProblem(await api.call('POST', '/api/v1/clients/dave/top-ups', { currency: 'XYZ', amount: 5 }), 'VALIDATION_FAILED', [
      'currency',
    ]);
    expectProblem(await api.call('POST', '/api/v1/clients/dave/top-ups', { currency: 'USD', amount: 0 }), 'VALIDATION_FAILED', ['amount']);
    expectProblem(await api.call('POST', '/api/v1/clients/nobody/top-ups', { currency: 'USD', amount: 5 }), 'NOT_FOUND');
  });
});

describe('the Monetization tabs', () => {
  it('shows a subscription’s usage so far this period and the projected charge', async () => {
    await record(calls('app', 'gold', 'carol', '2027-02-04T00:00:00Z', 1, true));
    const tab = (await api.call('GET', '/api/v1/subscriptions/app/monetization')).json().products[0];
    // 6 billable calls in 9 of February's 28 days: round(6 × 28 / 9) = 19 projected: 500 + 10×5 + 9×2.
    expect(tab.usage).toEqual({ currency: 'USD', calls: 6, billableCalls: 6, charge: 500 + 6 * 5, projectedCharge: 500 + 50 + 18 });
  });

  it('shows a client’s plans in effect, balances and invoices', async () => {
    await rate();
    const res = await api.call('GET', '/api/v1/clients/carol/monetization');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      clientId: 'carol',
      balances: [],
      plans: [
        {
          subscriptionId: 'app',
          productId: 'gold',
          ratePlanId: 'std',
          name: 'Standard',
          mode: 'postpaid',
          currency: 'USD',
          since: '2027-01-20T10:00:00.000Z',
        },
      ],
    });
    expect(res.json().invoices.map((i: { total: number }) => i.total)).toEqual([525, 1558]);
  });

  it('shows a product’s plans, criteria and revenue this month', async () => {
    const res = await api.call('GET', '/api/v1/products/gold/monetization');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      productId: 'gold',
      ratePlans: [{ id: 'std' }],
      successCriteria: { statuses: [{ from: 200, to: 299 }], header: null },
      revenue: {
        from: '2027-02-01T00:00:00.000Z',
        to: '2027-03-01T00:00:00.000Z',
        totals: [{ currency: 'USD', calls: 5, billableCalls: 5, revenue: 525 }],
      },
    });
  });
});
