import type { Balance, TopUp, TopUpCreate } from '../entities/invoice.js';
import { invalidField } from '../errors/catalogue.js';
import { chargeSoFar, runPeriods } from '../monetization/run-charges.js';
import { type ChargedRun, chargedRuns, ledgerCounter } from './charged-runs.js';
import { require, type ServiceContext } from './context.js';
import { isCurrency } from './rate-plans.js';

/**
 * Prepaid balances: a client's top-ups less every charge of its prepaid plans so far (fees and
 * priced calls of every period started, the running one included), per currency. Gateway nodes
 * refuse calls on prepaid plans of an exhausted balance (`monetization-limit-check`); `check`
 * marks balances exhausted or not, writing only on a change (each change makes nodes reload).
 */
export class BalanceService {
  constructor(private readonly context: ServiceContext) {}

  /** Credits the client's balance in a currency, then checks it at once (a top-up lifts a refusal). */
  async topUp(clientId: string, input: TopUpCreate): Promise<TopUp> {
    const { store, clock, ids } = this.context;
    await require(store.clients.get(clientId), 'client', clientId);
    if (!isCurrency(input.currency)) throw invalidField('currency', `is not an ISO 4217 currency code: ${input.currency}`);
    const createdAt = clock.now().getTime();
    const topUp = { id: ids.next(), clientId, currency: input.currency, amount: input.amount, note: input.note ?? '', createdAt };
    await store.billing.addTopUp(topUp);
    await this.check(clientId);
    return { ...topUp, createdAt: new Date(createdAt).toISOString() };
  }

  async topUps(clientId: string): Promise<TopUp[]> {
    await require(this.context.store.clients.get(clientId), 'client', clientId);
    const topUps = await this.context.store.billing.topUps(clientId);
    return topUps.map((topUp) => ({ ...topUp, createdAt: new Date(topUp.createdAt).toISOString() }));
  }

  /** The client's balance in every currency it has topped up or has a prepaid plan in, by currency. */
  async balances(clientId: string): Promise<Balance[]> {
    const { store } = this.context;
    await require(store.clients.get(clientId), 'client', clientId);
    const exhausted = new Set(
      (await store.exhaustedBalances.list()).filter((entry) => entry.clientId === clientId).map((entry) => entry.currency),
    );
    const computed = await this.compute(clientId);
    return [...computed.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, { toppedUp, charged }]) => ({
        currency,
        toppedUp,
        charged,
        available: toppedUp - charged,
        exhausted: exhausted.has(currency),
      }));
  }

  /**
   * Marks each balance exhausted when nothing is left of it (available ≤ 0) and the client has a
   * prepaid plan in its currency, and not exhausted otherwise: every client's, or one client's.
   * Answers how many marks changed.
   */
  async check(clientId?: string): Promise<number> {
    const { store } = this.context;
    const marked = (await store.exhaustedBalances.list()).filter((entry) => clientId === undefined || entry.clientId === clientId);
    const prepaidRuns = new Map<string, ChargedRun[]>();
    for (const owner of await chargedRuns(store, { clientId })) {
      if (owner.plan.mode === 'prepaid') prepaidRuns.set(owner.clientId, [...(prepaidRuns.get(owner.clientId) ?? []), owner]);
    }
    const changes: Array<{ client: string; currency: string; exhausted: boolean }> = [];
    for (const client of new Set([...marked.map((entry) => entry.clientId), ...prepaidRuns.keys()])) {
      const wasMarked = new Set(marked.filter((entry) => entry.clientId === client).map((entry) => entry.currency));
      for (const [currency, balance] of await this.compute(client, prepaidRuns.get(client) ?? [])) {
        const exhausted = balance.prepaid && balance.toppedUp - balance.charged <= 0;
        if (exhausted !== wasMarked.has(currency)) changes.push({ client, currency, exhausted });
        wasMarked.delete(currency);
      }
      for (const currency of wasMarked) changes.push({ client, currency, exhausted: false });
    }
    // One transaction: one configuration version for all marks, so nodes reload once. Only the
    // writes are in it: rating the balances above must not hold the store's write lock.
    if (changes.length > 0) {
      await store.transaction(async (repos) => {
        for (const change of changes) await repos.exhaustedBalances.set(change.client, change.currency, change.exhausted);
      });
    }
    return changes.length;
  }

  /** Per currency: top-ups, the charges of its prepaid plan runs so far (`prepaid`: the client's, else loaded), and whether a prepaid plan uses it. */
  private async compute(
    clientId: string,
    prepaid?: readonly ChargedRun[],
  ): Promise<Map<string, { toppedUp: number; charged: number; prepaid: boolean }>> {
    const { store, clock } = this.context;
    const now = clock.now().getTime();
    const balances = new Map<string, { toppedUp: number; charged: number; prepaid: boolean }>();
    const balanceOf = (currency: string) => {
      const balance = balances.get(currency) ?? { toppedUp: 0, charged: 0, prepaid: false };
      balances.set(currency, balance);
      return balance;
    };
    for (const topUp of await store.billing.topUps(clientId)) balanceOf(topUp.currency).toppedUp += topUp.amount;
    for (const owner of prepaid ?? (await chargedRuns(store, { clientId }))) {
      if (owner.plan.mode !== 'prepaid') continue;
      const balance = balanceOf(owner.plan.currency);
      balance.prepaid = true;
      const count = ledgerCounter(store, owner.subscriptionId, owner.productId);
      for (const part of runPeriods(owner.plan, owner.run, owner.run.since, now)) {
        balance.charged += (await chargeSoFar(owner.plan, owner.run, part, now, count))?.charge.total ?? 0;
      }
    }
    return balances;
  }
}
