import type {
  ClientMonetization,
  MonetizationReport,
  MonetizationReportRow,
  MonetizationReportTotal,
  ProductMonetization,
  SubscriptionMonetization,
  SubscriptionProductPlan,
} from '../entities/monetization.js';
import { invalidField } from '../errors/catalogue.js';
import { periodOf } from '../monetization/periods.js';
import { runAt } from '../monetization/plan-history.js';
import { ratePeriod } from '../monetization/rating.js';
import { type ChargeSoFar, chargeSoFar, runPeriods } from '../monetization/run-charges.js';
import { BalanceService } from './balances.js';
import { type ChargedRun, chargedRuns, ledgerCounter } from './charged-runs.js';
import { require, type ServiceContext } from './context.js';
import { RatePlanService } from './rate-plans.js';
import { toInvoice } from './rating.js';

const iso = (at: number) => new Date(at).toISOString();

/** Longest window a report rates: ten years. */
export const MAX_REPORT_WINDOW_MS = 3_660 * 86_400_000;

/**
 * What the Monetization tabs show of products, clients and subscriptions, and the monetization
 * report: all rated on demand from the metering ledger, so they include calls made seconds ago.
 */
export class MonetizationService {
  constructor(private readonly context: ServiceContext) {}

  /** Each subscribed product's plan in effect, the pending change, the running period and its charge so far. */
  async subscription(id: string): Promise<SubscriptionMonetization> {
    const store = this.context.store;
    const subscription = await require(store.subscriptions.get(id), 'subscription', id);
    const now = this.context.clock.now().getTime();
    const history = await store.planChanges.history(id);
    const runs = await chargedRuns(store, { subscriptionId: id });
    const products: SubscriptionProductPlan[] = [];
    for (const { productId } of subscription.products) {
      const own = runs.filter((owner) => owner.productId === productId);
      const current = own.find((owner) => runAt([owner.run], now) !== undefined);
      const pending = history
        .filter((change) => change.productId === productId && change.effectiveFrom > now)
        .sort((a, b) => a.effectiveFrom - b.effectiveFrom)[0];
      const part = current === undefined ? undefined : runPeriods(current.plan, current.run, now, now + 1)[0];
      const soFar =
        current === undefined || part === undefined
          ? undefined
          : await chargeSoFar(current.plan, current.run, part, now, ledgerCounter(store, id, productId));
      products.push({
        productId,
        ratePlan: current === undefined ? null : { id: current.plan.id, name: current.plan.name, since: iso(current.run.since) },
        next:
          pending === undefined || pending.ratePlanId === current?.plan.id
            ? null
            : { ratePlanId: pending.ratePlanId, from: iso(pending.effectiveFrom) },
        period: part === undefined ? null : { start: iso(part.period.start), end: iso(part.period.end) },
        usage:
          current === undefined || part === undefined
            ? null
            : {
                currency: current.plan.currency,
                calls: soFar?.calls ?? 0,
                billableCalls: soFar?.usage.calls ?? 0,
                charge: soFar?.charge.total ?? 0,
                projectedCharge: projected(current, part, soFar, now),
              },
      });
    }
    return { subscriptionId: id, products };
  }

  /** The client's balances, the plans in effect on its subscriptions, and its newest invoices. */
  async client(id: string): Promise<ClientMonetization> {
    const { store, clock } = this.context;
    await require(store.clients.get(id), 'client', id);
    const now = clock.now().getTime();
    const plans = (await chargedRuns(store, { clientId: id }))
      .filter((owner) => runAt([owner.run], now) !== undefined)
      .map((owner) => ({
        subscriptionId: owner.subscriptionId,
        productId: owner.productId,
        ratePlanId: owner.plan.id,
        name: owner.plan.name,
        mode: owner.plan.mode,
        currency: owner.plan.currency,
        since: iso(owner.run.since),
      }));
    const invoices = await store.billing.listInvoices({ clientId: id }, { limit: 20 });
    return {
      clientId: id,
      balances: await new BalanceService(this.context).balances(id),
      plans,
      invoices: invoices.items.map(toInvoice),
    };
  }

  /** The product's plans and success criteria, and its revenue this calendar month so far. */
  async product(id: string): Promise<ProductMonetization> {
    const ratePlans = new RatePlanService(this.context);
    const plans = await ratePlans.list(id);
    const now = this.context.clock.now().getTime();
    const month = periodOf(now, 'calendar', now);
    const report = await this.report(month.start, month.end, id);
    return {
      productId: id,
      ratePlans: plans,
      successCriteria: await ratePlans.successCriteria(id),
      revenue: { from: report.from, to: report.to, totals: report.totals },
    };
  }

  /**
   * Calls, billable calls and revenue per product, client and plan in `[from, to)` (one product's,
   * when given). Calls are counted by receive time; a period's revenue is what it has charged by
   * the window's end less what it had charged by its start (fees when the period starts), so
   * adjacent windows add up and a whole period's revenue is its invoice total. Calls made without
   * a plan in effect have a row with no plan and no revenue.
   */
  async report(from: number, to: number, productId?: string): Promise<MonetizationReport> {
    if (!(to > from)) throw invalidField('to', 'must be after from');
    if (to - from > MAX_REPORT_WINDOW_MS) throw invalidField('to', 'must be at most 3,660 days after from');
    const { store, clock } = this.context;
    const now = clock.now().getTime();
    const asOf = Math.min(to, now);
    const rows = new Map<string, MonetizationReportRow>();
    const rowOf = (owner: { productId: string; clientId: string }, ratePlanId: string | null, currency: string | null) => {
      const key = [owner.productId, owner.clientId, ratePlanId ?? ''].join('\u0000');
      const row = rows.get(key) ?? {
        productId: owner.productId,
        clientId: owner.clientId,
        ratePlanId,
        currency,
        calls: 0,
        billableCalls: 0,
        revenue: 0,
      };
      rows.set(key, row);
      return row;
    };
    const planned = new Map<string, { calls: number; billable: number }>();
    for (const owner of await chargedRuns(store)) {
      if (productId !== undefined && owner.productId !== productId) continue;
      const count = ledgerCounter(store, owner.subscriptionId, owner.productId);
      const row = rowOf(owner, owner.plan.id, owner.plan.currency);
      const counted = planned.get(`${owner.subscriptionId}\u0000${owner.productId}`) ?? { calls: 0, billable: 0 };
      for (const part of runPeriods(owner.plan, owner.run, from, to)) {
        const windowStart = Math.max(from, part.start);
        const windowEnd = Math.min(to, part.end);
        if (windowEnd > windowStart) {
          const usage = await count(windowStart, windowEnd);
          row.calls += usage.calls;
          row.billableCalls += usage.billable;
          counted.calls += usage.calls;
          counted.billable += usage.billable;
        }
        const after = (await chargeSoFar(owner.plan, owner.run, part, asOf, count))?.charge.total ?? 0;
        // Nothing is charged after now: a window starting later has earned nothing yet.
        const before = (await chargeSoFar(owner.plan, owner.run, part, Math.min(from, now), count))?.charge.total ?? 0;
        row.revenue += after - before;
      }
      planned.set(`${owner.subscriptionId}\u0000${owner.productId}`, counted);
    }
    for (const usage of await store.metering.usage({ from, to, productId })) {
      const counted = planned.get(`${usage.subscriptionId}\u0000${usage.productId}`) ?? { calls: 0, billable: 0 };
      if (usage.calls > counted.calls) {
        const row = rowOf(usage, null, null);
        row.calls += usage.calls - counted.calls;
        row.billableCalls += usage.billableCalls - counted.billable;
      }
    }
    const sorted = [...rows.values()]
      .filter((row) => row.calls > 0 || row.revenue !== 0)
      .sort(
        (a, b) =>
          a.productId.localeCompare(b.productId) ||
          a.clientId.localeCompare(b.clientId) ||
          (a.ratePlanId ?? '\uffff').localeCompare(b.ratePlanId ?? '\uffff'),
      );
    return { from: iso(from), to: iso(to), generatedAt: iso(now), rows: sorted, totals: totalsOf(sorted) };
  }
}

/** The period's charge if its billable calls go on at the rate so far until its end (or the run's). */
function projected(owner: ChargedRun, part: { start: number; end: number }, soFar: ChargeSoFar | undefined, now: number): number {
  if (soFar === undefined) return 0;
  const elapsed = Math.max(1, now - part.start);
  const calls = Math.round((soFar.usage.calls * (part.end - part.start)) / elapsed);
  return ratePeriod(owner.plan, { ...soFar.usage, calls: Math.max(calls, soFar.usage.calls) }).total;
}

/** One total per currency, the no-plan row (null) last. */
function totalsOf(rows: readonly MonetizationReportRow[]): MonetizationReportTotal[] {
  const totals = new Map<string | null, MonetizationReportTotal>();
  for (const row of rows) {
    const total = totals.get(row.currency) ?? { currency: row.currency, calls: 0, billableCalls: 0, revenue: 0 };
    total.calls += row.calls;
    total.billableCalls += row.billableCalls;
    total.revenue += row.revenue;
    totals.set(row.currency, total);
  }
  return [...totals.values()].sort((a, b) => (a.currency ?? '\uffff').localeCompare(b.currency ?? '\uffff'));
}
