import type { MeteredCall, MeteringLedger, Policy, SuccessCriteria } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { ECHO, makeGatewayKey, makeGatewayProduct, makePolicy, usePolicyGateway } from '../testing/index.js';
import type { MeteringMode } from './recorder.js';

/**
 * A ledger as the store keeps one: each request id once. `failNext` makes writes fail, after
 * committing (`committed`: the outcome a client cannot tell from a lost connection) or before.
 */
class CollectingLedger implements Pick<MeteringLedger, 'record'> {
  readonly calls = new Map<string, MeteredCall>();
  writes = 0;
  failNext: { count: number; committed: boolean } = { count: 0, committed: false };

  async record(calls: readonly MeteredCall[]): Promise<number> {
    this.writes++;
    const fail = this.failNext.count > 0;
    if (fail) this.failNext.count--;
    if (fail && !this.failNext.committed) throw Object.assign(new Error('store unreachable'), { code: 'STORAGE_UNAVAILABLE' });
    let added = 0;
    for (const call of calls) {
      if (this.calls.has(call.requestId)) continue;
      this.calls.set(call.requestId, call);
      added++;
    }
    if (fail) throw Object.assign(new Error('connection lost after commit'), { code: 'STORAGE_UNAVAILABLE' });
    return added;
  }
}

const KEY = 'tg_k_metering';
const FREE_KEY = 'tg_k_not_monetized';
const TWO_XX: SuccessCriteria = { statuses: [{ from: 200, to: 299 }], header: null };

describe('gateway: the calls of monetized products go to the metering ledger', () => {
  const e2e = usePolicyGateway();
  let ledger: CollectingLedger;

  async function start(mode: MeteringMode, criteria: SuccessCriteria = TWO_XX, policies: Policy[] = []) {
    ledger = new CollectingLedger();
    await e2e.start([makePolicy({ id: 'k', type: 'verify-api-key' }), ...policies], {
      keys: [makeGatewayKey(KEY), makeGatewayKey(FREE_KEY, { subscriptionId: 'free-subscription', productId: 'free-product' })],
      products: [
        makeGatewayProduct({ id: 'test-product', projectIds: ['pets'], successCriteria: criteria }),
        makeGatewayProduct({ id: 'free-product', projectIds: ['pets'] }),
      ],
      gateway: { metering: ledger, meteringOptions: { mode, flushIntervalMs: 60_000 } },
    });
  }

  const call = async (key: string | undefined, headers: Record<string, string> = {}) => {
    const res = await fetch(`${e2e.gateway.url}/pets/1`, { headers: { ...(key === undefined ? {} : { 'x-api-key': key }), ...headers } });
    await res.arrayBuffer();
    return res;
  };

  it('records each call of a monetized product once, billable by the criteria, with its caller and receive time', async () => {
    await start('async');
    const before = Date.now();
    const ok = await call(KEY);
    const failed = await call(KEY, { [ECHO.status]: '503' });
    await call(FREE_KEY);
    await call(undefined);
    expect(ledger.calls.size).toBe(0);

    await e2e.gateway.node.flushMetering();

    expect([...ledger.calls.values()]).toEqual([
      {
        requestId: ok.headers.get('x-request-id'),
        receivedAt: expect.any(Number),
        subscriptionId: 'test-subscription',
        productId: 'test-product',
        clientId: 'test-client',
        status: 200,
        billable: true,
      },
      expect.objectContaining({ requestId: failed.headers.get('x-request-id'), status: 503, billable: false }),
    ]);
    const first = [...ledger.calls.values()][0];
    expect(first?.receivedAt).toBeGreaterThanOrEqual(before);
    expect(first?.receivedAt).toBeLessThanOrEqual(Date.now());
  });

  it('bills only answers carrying the header the criteria name, with its value', async () => {
    await start('async', { statuses: [{ from: 200, to: 299 }], header: { name: 'X-Billable', value: 'yes' } });

    await call(KEY, { [ECHO.responseHeaders]: JSON.stringify({ 'x-billable': 'yes' }) });
    await call(KEY, { [ECHO.responseHeaders]: JSON.stringify({ 'x-billable': 'no' }) });
    await call(KEY);
    await e2e.gateway.node.flushMetering();

    expect([...ledger.calls.values()].map((c) => c.billable)).toEqual([true, false, false]);
  });

  it('keeps a batch the store could not take and writes it again, counting each call once even when a failed write had committed', async () => {
    await start('async');
    for (let i = 0; i < 3; i++) await call(KEY);
    ledger.failNext = { count: 1, committed: true };

    await e2e.gateway.node.flushMetering();
    expect(ledger.calls.size).toBe(3);
    await e2e.gateway.node.flushMetering();
    await e2e.gateway.node.flushMetering();

    expect(ledger.writes).toBe(2);
    expect(ledger.calls.size).toBe(3);
    ledger.failNext = { count: 1, committed: false };
    await call(KEY);
    await e2e.gateway.node.flushMetering();
    expect(ledger.calls.size).toBe(3);
    await e2e.gateway.node.flushMetering();
    expect(ledger.calls.size).toBe(4);
  });

  it('writes what is buffered when the node stops cleanly', async () => {
    await start('async');
    await call(KEY);
    await call(KEY);

    await e2e.gateway.close();

    expect(ledger.calls.size).toBe(2);
  });

  it('in sync mode, has the call in the ledger before the answer ends, without any flush', async () => {
    await start('sync');

    const res = await call(KEY);
    const streamed = await call(KEY, { [ECHO.streamBytes]: '200000' });

    expect(ledger.calls.get(res.headers.get('x-request-id') ?? '')).toMatchObject({ status: 200, billable: true });
    expect(ledger.calls.get(streamed.headers.get('x-request-id') ?? '')).toMatchObject({ status: 200, billable: true });
    await call(FREE_KEY);
    expect(ledger.calls.size).toBe(2);
  });

  it('in sync mode, judges the answer the response policies settled on', async () => {
    const billing = { statuses: [{ from: 200, to: 299 }], header: { name: 'X-Billable', value: 'yes' } };
    await start('sync', billing, [
      makePolicy({ id: 'h', type: 'headers', flow: 'proxy-response', config: { set: { 'x-billable': 'yes' } } }),
    ]);

    const res = await call(KEY);

    expect(res.headers.get('x-billable')).toBe('yes');
    expect(ledger.calls.get(res.headers.get('x-request-id') ?? '')).toMatchObject({ billable: true });
  });

  it('in sync mode, cuts the answer when the ledger does not take the call, and keeps the call for the next flush', async () => {
    await start('sync');
    ledger.failNext = { count: 1, committed: false };

    await expect(call(KEY)).rejects.toThrow();

    expect(ledger.calls.size).toBe(0);
    await e2e.gateway.node.flushMetering();
    expect(ledger.calls.size).toBe(1);
  });
});
