import type { Balance, TopUp, TopUpCreate } from '../entities/invoice.js';
import { invalidField } from '../errors/catalogue.js';
import { chargeSoFar, runPeriods } from '../monetization/run-charges.js';
import { chargedRuns, ledgerCounter } from './charged-runs.js';
import { require, type ServiceContext } from './context.js';

/** ISO 4217 codes the runtime knows (Intl). */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

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
    if (!CURRENCIES.has(input.currency)) throw invalidField('currency', `is not an ISO 4217 currency code: ${input.currency}`);
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
    const prepaid = (await chargedRuns(store, { clientId })).filter((owner) => owner.plan.mode === 'prepaid');
    const clients = new Set([...marked.map((entry) => entry.clientId), ...prepaid.map((owner) => owner.clientId)]);
    let changed = 0;
    for (const client of clients) {
      const wasMarked = new Set(marked.filter((entry) => entry.clientId === client).map((entry) => entry.currency));
      for (const [currency, balance] of await this.compute(client)) {
        const exhausted = balance.prepaid && balance.toppedUp - balance.charged <= 0;
        if (exhausted !== wasMarked.has(currency)) {
          await store.exhaustedBalances.set(client, currency, exhausted);
          changed++;
        }
        wasMarked.delete(currency);
      }
      for (const currency of wasMarked) {
        await store.exhaustedBalances.set(client, currency, false);
        changed++;
      }
    }
    return changed;
  }

  /** Per currency: top-ups, the charges of prepaid plans so far, and whether a prepaid plan uses it. */
  private async compute(clientId: string): Promise<Map<string, { toppedUp: number; charged: number; prepaid: boolean }>> {
    const { store, clock } = this.context;
    const now = clock.now().getTime();
    const balances = new Map<string, { toppedUp: number; charged: number; prepaid: boolean }>();
    const balanceOf = (currency: string) => {
      const balance = balances.get(currency) ?? { toppedUp: 0, charged: 0, prepaid: false };
      balances.set(currency, balance);
      return balance;
    };
    for (const topUp of await store.billing.topUps(clientId)) balanceOf(topUp.currency).toppedUp += topUp.amount;
    for (const owner of await chargedRuns(store, { clientId })) {
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
