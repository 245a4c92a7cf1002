import type { GatewayConfig } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { balanceKey } from '../policies/kit.js';
import { makeGatewayConfig, makeGatewayKey, makeGatewayProduct } from '../testing/factories.js';
import { buildSnapshot, sha256Hex } from './snapshot.js';

const RUN = { ratePlanId: 'gold', since: 0, until: null, mode: 'prepaid', currency: 'USD' } as const;

/** What the monetization limit check reads from a snapshot: each key's plan runs and the used-up balances. */
describe('snapshot: monetization facts', () => {
  const config = makeGatewayConfig({
    products: [makeGatewayProduct({ id: 'test-product' })],
    keys: [makeGatewayKey('tg_k_a', { planRuns: [RUN] })],
    exhaustedBalances: [
      { clientId: 'alice', currency: 'USD' },
      { clientId: 'bob', currency: 'EUR' },
    ],
  });

  it('carries each key’s plan runs and indexes the exhausted balances by client and currency', () => {
    const snapshot = buildSnapshot(config, () => 0);
    expect(snapshot.keys.get(sha256Hex('tg_k_a'))?.planRuns).toEqual([RUN]);
    expect([...snapshot.exhaustedBalances].sort()).toEqual([balanceKey('alice', 'USD'), balanceKey('bob', 'EUR')]);
    expect(snapshot.exhaustedBalances.has(balanceKey('alice', 'EUR'))).toBe(false);
  });

  it('builds a configuration saved before plan runs and balances existed: no runs, nothing used up', () => {
    const { exhaustedBalances: _, keys, ...rest } = config;
    const saved = { ...rest, keys: keys.map(({ planRuns: __, ...key }) => key) } as unknown as GatewayConfig;
    const snapshot = buildSnapshot(saved, () => 0);
    expect(snapshot.keys.get(sha256Hex('tg_k_a'))?.planRuns).toEqual([]);
    expect(snapshot.exhaustedBalances.size).toBe(0);
  });
});
