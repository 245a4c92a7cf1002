import type { GatewayPlanRun, SuccessCriteria } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry, makePolicyKit, rejectionOf } from '../../testing/policy-kit.js';
import { balanceKey, type KeyEntry, type Rejection } from '../kit.js';
import { monetizationLimitCheck } from './index.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;
const BILLING: SuccessCriteria = { statuses: [{ from: 200, to: 299 }], header: null };

function run(overrides: Partial<GatewayPlanRun> = {}): GatewayPlanRun {
  return { ratePlanId: 'gold-usd', since: NOW - HOUR, until: null, mode: 'prepaid', currency: 'USD', ...overrides };
}

/** A caller of a monetized product (billing criteria set) with `planRuns`. */
function monetized(planRuns: GatewayPlanRun[], overrides: Partial<KeyEntry> = {}): KeyEntry {
  return makeKeyEntry({ clientId: 'alice', productBilling: BILLING, planRuns, ...overrides });
}

/** The verdict on one call at NOW by `identity`, with the given used-up balances. */
function check(identity: KeyEntry | undefined, exhausted: Array<[string, string]> = [], now = NOW): Rejection | undefined {
  const kit = makePolicyKit({ exhaustedBalances: new Set(exhausted.map(([client, currency]) => balanceKey(client, currency))) });
  kit.clock.now = now;
  return rejectionOf(instantiate(monetizationLimitCheck, {}, kit).onRequest?.(makeExchange({ identity })));
}

const refused = (detail: string): Rejection => ({ code: 'PAYMENT_REQUIRED', detail });

describe('policy: monetization-limit-check', () => {
  it('has no settings: an empty object only', () => {
    expect(acceptsConfig(monetizationLimitCheck, {})).toBe(true);
    expect(acceptsConfig(monetizationLimitCheck, { mode: 'prepaid' })).toBe(false);
  });

  it('lets a call through when no key was identified (access is the verify policies’ job)', () => {
    expect(check(undefined, [['alice', 'USD']])).toBeUndefined();
  });

  it('lets every call of a product that is not monetized through, even without any plan', () => {
    expect(check(makeKeyEntry({ productBilling: null, planRuns: [] }))).toBeUndefined();
    expect(check(makeKeyEntry({ productBilling: null, planRuns: [run()] }), [['alice', 'USD']])).toBeUndefined();
  });

  it('lets a call on a prepaid plan through while its balance is left', () => {
    expect(check(monetized([run()]))).toBeUndefined();
    expect(
      check(monetized([run()]), [
        ['alice', 'EUR'],
        ['bob', 'USD'],
      ]),
    ).toBeUndefined();
  });

  it('refuses a call on a prepaid plan whose balance in its currency is used up', () => {
    expect(check(monetized([run()]), [['alice', 'USD']])).toEqual(refused('the prepaid balance in USD is used up'));
    expect(check(monetized([run({ currency: 'EUR' })]), [['alice', 'EUR']])).toEqual(refused('the prepaid balance in EUR is used up'));
  });

  it('lets a call on a postpaid plan through even when the client’s balance in its currency is used up', () => {
    expect(check(monetized([run({ mode: 'postpaid' })]), [['alice', 'USD']])).toBeUndefined();
  });

  it('judges by the run in effect now: [since, until), an open run never ends', () => {
    const runs = [run({ ratePlanId: 'old', mode: 'postpaid', until: NOW }), run({ ratePlanId: 'new', since: NOW, mode: 'prepaid' })];
    expect(check(monetized(runs), [['alice', 'USD']])).toEqual(refused('the prepaid balance in USD is used up'));
    expect(check(monetized(runs), [['alice', 'USD']], NOW - 1)).toBeUndefined();
    expect(check(monetized([run({ since: NOW })]), [], NOW + 10 * 365 * 24 * HOUR)).toBeUndefined();
  });

  it('refuses once the last run has ended, naming its plan, at its exact end', () => {
    const runs = [run({ ratePlanId: 'first', since: NOW - 3 * HOUR, until: NOW - 2 * HOUR }), run({ ratePlanId: 'last', until: NOW })];
    expect(check(monetized(runs))).toEqual(refused('the rate plan last has ended'));
    expect(check(monetized([...runs].reverse()))).toEqual(refused('the rate plan last has ended'));
    expect(check(monetized(runs), [], NOW - 1)).toBeUndefined();
  });

  it('refuses before a plan starts, naming the earliest start, also in a gap between runs', () => {
    const later = [run({ since: NOW + 2 * HOUR }), run({ since: NOW + HOUR, until: NOW + 2 * HOUR })];
    expect(check(monetized(later))).toEqual(refused('the rate plan starts at 2026-06-01T13:00:00.000Z'));
    const gap = [run({ ratePlanId: 'ended', until: NOW - 1 }), ...later];
    expect(check(monetized(gap))).toEqual(refused('the rate plan starts at 2026-06-01T13:00:00.000Z'));
  });

  it('refuses a subscription that never had a rate plan for the monetized product', () => {
    expect(check(monetized([]))).toEqual(refused('the subscription has no rate plan for this product'));
  });

  it('reads the balances of the snapshot it was created with', () => {
    const identity = monetized([run()]);
    const kit = makePolicyKit();
    kit.clock.now = NOW;
    const before = instantiate(monetizationLimitCheck, {}, kit);
    const after = instantiate(monetizationLimitCheck, {}, { ...kit, exhaustedBalances: new Set([balanceKey('alice', 'USD')]) });
    expect(rejectionOf(before.onRequest?.(makeExchange({ identity })))).toBeUndefined();
    expect(rejectionOf(after.onRequest?.(makeExchange({ identity })))?.code).toBe('PAYMENT_REQUIRED');
  });
});
