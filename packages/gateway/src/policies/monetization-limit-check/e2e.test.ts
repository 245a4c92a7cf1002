import type { GatewayPlanRun, Policy } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { makeGatewayKey, makeGatewayProduct, makePolicy, type PolicyGatewayOptions, usePolicyGateway } from '../../testing/index.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;
const KEY = 'tg_k_monetized';
const FREE_KEY = 'tg_k_free';

const verifyThenCheck: Policy[] = [
  makePolicy({ id: 'key', type: 'verify-api-key' }),
  makePolicy({ id: 'limits', type: 'monetization-limit-check' }),
];

function run(overrides: Partial<GatewayPlanRun> = {}): GatewayPlanRun {
  return { ratePlanId: 'gold-usd', since: NOW - HOUR, until: null, mode: 'prepaid', currency: 'USD', ...overrides };
}

/** The problem document of a refused call. */
interface Problem {
  status: number;
  code: string;
  detail: string;
}

/**
 * The monetization limit check through a real node whose clock reads NOW: `test-product` is
 * monetized (it has success criteria), `free-product` is not.
 */
describe('policy: monetization-limit-check end to end', () => {
  const e2e = usePolicyGateway();

  const options = (planRuns: GatewayPlanRun[], more: Partial<PolicyGatewayOptions> = {}): PolicyGatewayOptions => ({
    keys: [
      makeGatewayKey(KEY, { clientId: 'alice', planRuns }),
      makeGatewayKey(FREE_KEY, { clientId: 'alice', subscriptionId: 'free-subscription', productId: 'free-product' }),
    ],
    products: [
      makeGatewayProduct({
        id: 'test-product',
        projectIds: ['pets'],
        successCriteria: { statuses: [{ from: 200, to: 299 }], header: null },
      }),
      makeGatewayProduct({ id: 'free-product', projectIds: ['pets'] }),
    ],
    gateway: { now: () => new Date(NOW) },
    ...more,
  });

  const call = (key?: string) => fetch(`${e2e.gateway.url}/pets/1`, { headers: key === undefined ? {} : { 'x-api-key': key } });

  /** Expects a 402 PAYMENT_REQUIRED problem with `detail`, and that the backend saw nothing. */
  async function expectRefused(key: string, detail: string): Promise<void> {
    const res = await call(key);
    expect(res.status).toBe(402);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()) as Problem).toMatchObject({ status: 402, code: 'PAYMENT_REQUIRED', detail });
    expect(e2e.upstream.received).toHaveLength(0);
  }

  it('forwards a call on a prepaid plan with balance left, and a call of a product that is not monetized', async () => {
    await e2e.start(verifyThenCheck, options([run()], { exhaustedBalances: [{ clientId: 'bob', currency: 'USD' }] }));
    expect((await call(KEY)).status).toBe(200);
    expect((await call(FREE_KEY)).status).toBe(200);
    expect(e2e.upstream.received).toHaveLength(2);
  });

  it('refuses a call on a prepaid plan whose balance is used up, but not the client’s calls of a free product', async () => {
    await e2e.start(verifyThenCheck, options([run()], { exhaustedBalances: [{ clientId: 'alice', currency: 'USD' }] }));
    await expectRefused(KEY, 'the prepaid balance in USD is used up');
    expect((await call(FREE_KEY)).status).toBe(200);
  });

  it('forwards a call on a postpaid plan even when the client’s balance in its currency is used up', async () => {
    await e2e.start(verifyThenCheck, options([run({ mode: 'postpaid' })], { exhaustedBalances: [{ clientId: 'alice', currency: 'USD' }] }));
    expect((await call(KEY)).status).toBe(200);
  });

  it('refuses once the plan has ended, naming it', async () => {
    await e2e.start(verifyThenCheck, options([run({ ratePlanId: 'gold-2025', since: NOW - 2 * HOUR, until: NOW })]));
    await expectRefused(KEY, 'the rate plan gold-2025 has ended');
  });

  it('refuses before the plan starts, saying when', async () => {
    await e2e.start(verifyThenCheck, options([run({ since: NOW + HOUR })]));
    await expectRefused(KEY, 'the rate plan starts at 2026-06-01T13:00:00.000Z');
  });

  it('refuses a monetized product’s call when the subscription has no rate plan', async () => {
    await e2e.start(verifyThenCheck, options([]));
    await expectRefused(KEY, 'the subscription has no rate plan for this product');
  });

  it('lets a call through when no verify policy identified the key', async () => {
    await e2e.start([makePolicy({ id: 'limits', type: 'monetization-limit-check' })], options([]));
    expect((await call(KEY)).status).toBe(200);
    expect((await call()).status).toBe(200);
  });

  it('applies a new snapshot’s exhausted balances: used up refuses, topped up forwards again', async () => {
    const gateway = await e2e.start(verifyThenCheck, options([run()]));
    expect((await call(KEY)).status).toBe(200);

    gateway.store.replace(e2e.config(verifyThenCheck, options([run()], { exhaustedBalances: [{ clientId: 'alice', currency: 'USD' }] })));
    await gateway.node.refresh();
    expect((await call(KEY)).status).toBe(402);

    gateway.store.replace(e2e.config(verifyThenCheck, options([run()])));
    await gateway.node.refresh();
    expect((await call(KEY)).status).toBe(200);
  });
});
