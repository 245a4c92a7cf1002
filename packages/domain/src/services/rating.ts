import type { Page, PageRequest } from '../entities/common.js';
import type { Invoice, InvoiceFilter, InvoiceLine } from '../entities/invoice.js';
import { invalidField, notFound, TollgateError } from '../errors/catalogue.js';
import { addDays } from '../monetization/periods.js';
import { chargeSoFar, runPeriods } from '../monetization/run-charges.js';
import type { StoredInvoice } from '../ports/billing.js';
import { chargedRuns, invoiceLine, ledgerCounter } from './charged-runs.js';
import { require, type ServiceContext } from './context.js';

/** What one rating run did to the invoices. */
export interface RatingRunResult {
  ratedAt: string;
  created: number;
  updated: number;
  unchanged: number;
  finalized: number;
}

/** What a rating run is asked to do beyond rating: make the drafts of periods ended by then final. */
export interface RatingRunOptions {
  /** Epoch ms, at most now: drafts of periods ended at or before it become final. */
  finalizeBefore?: number | undefined;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** An invoice number as shown: INV-000042. */
export const invoiceNumber = (number: number) => `INV-${String(number).padStart(6, '0')}`;

/** The API view of a stored invoice. */
export function toInvoice(stored: StoredInvoice): Invoice {
  return {
    id: stored.id,
    number: stored.number === null ? null : invoiceNumber(stored.number),
    clientId: stored.clientId,
    currency: stored.currency,
    periodStart: new Date(stored.periodStart).toISOString(),
    periodEnd: new Date(stored.periodEnd).toISOString(),
    status: stored.status,
    lines: stored.lines,
    total: stored.total,
    ratedAt: new Date(stored.ratedAt).toISOString(),
    finalizedAt: iso(stored.finalizedAt),
    dueAt: iso(stored.dueAt),
    createdAt: new Date(stored.createdAt).toISOString(),
  };
}

/** The invoice a rating run computes for one client, currency and period. */
interface DraftCharge {
  clientId: string;
  currency: string;
  periodStart: number;
  periodEnd: number;
  lines: InvoiceLine[];
}

/**
 * The rating job: turns the metering ledger into invoices. One invoice per client, currency and
 * billing period holds the charges of every subscription product whose plan has that period:
 * fees, free calls and each band's calls. A run rates every period started by now, the running
 * ones included (their drafts show the charges so far), skipping periods already final; a draft
 * whose lines did not change is left as it is. Runs are serialised (`lockRating`) and an invoice
 * is unique per client, currency and period, so running twice or concurrently gives the same
 * invoices.
 */
export class RatingService {
  constructor(private readonly context: ServiceContext) {}

  run(options: RatingRunOptions = {}): Promise<RatingRunResult> {
    const { store, clock } = this.context;
    if (options.finalizeBefore !== undefined && options.finalizeBefore > clock.now().getTime()) {
      throw invalidField('finalizeBefore', 'must not be in the future: only ended periods can be final');
    }
    return store.transaction(async () => {
      await store.billing.lockRating();
      // Read after the lock: a run that waited for another rates as of when it really runs.
      const now = clock.now().getTime();
      const result: RatingRunResult = { ratedAt: new Date(now).toISOString(), created: 0, updated: 0, unchanged: 0, finalized: 0 };
      for (const draft of await this.draftCharges(now)) {
        const existing = await store.billing.findInvoice(draft.clientId, draft.currency, draft.periodStart, draft.periodEnd);
        const total = draft.lines.reduce((sum, line) => sum + line.amount, 0);
        if (existing === undefined) {
          await store.billing.insertInvoice({
            id: this.context.ids.next(),
            number: null,
            ...draft,
            status: 'draft',
            total,
            ratedAt: now,
            finalizedAt: null,
            dueAt: null,
            createdAt: now,
          });
          result.created++;
        } else if (JSON.stringify(existing.lines) === JSON.stringify(draft.lines)) {
          result.unchanged++;
        } else {
          await store.billing.updateDraft(existing.id, draft.lines, total, now);
          result.updated++;
        }
      }
      if (options.finalizeBefore !== undefined) result.finalized = await this.finalizeEnded(options.finalizeBefore, now);
      return result;
    });
  }

  /** The charges of every period started by `now` whose invoice is not final yet, grouped by invoice. */
  private async draftCharges(now: number): Promise<DraftCharge[]> {
    const { store } = this.context;
    const drafts = new Map<string, DraftCharge>();
    const final = new Map<string, boolean>();
    for (const owner of await chargedRuns(store)) {
      const count = ledgerCounter(store, owner.subscriptionId, owner.productId);
      for (const part of runPeriods(owner.plan, owner.run, owner.run.since, now)) {
        const key = [owner.clientId, owner.plan.currency, part.period.start, part.period.end].join('\u0000');
        if (!final.has(key)) {
          const invoice = await store.billing.findInvoice(owner.clientId, owner.plan.currency, part.period.start, part.period.end);
          final.set(key, invoice?.status === 'final');
        }
        if (final.get(key)) continue;
        const soFar = await chargeSoFar(owner.plan, owner.run, part, now, count);
        if (soFar === undefined || soFar.charge.lines.length === 0) continue;
        const draft = drafts.get(key) ?? {
          clientId: owner.clientId,
          currency: owner.plan.currency,
          periodStart: part.period.start,
          periodEnd: part.period.end,
          lines: [],
        };
        draft.lines.push(...soFar.charge.lines.map((line) => invoiceLine(owner, line)));
        drafts.set(key, draft);
      }
    }
    return [...drafts.values()];
  }

  /** Makes every draft of a period ended at or before `before` final, oldest period first. */
  private async finalizeEnded(before: number, now: number): Promise<number> {
    const drafts: StoredInvoice[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.context.store.billing.listInvoices({ status: 'draft' }, { limit: 100, cursor });
      drafts.push(...page.items.filter((invoice) => invoice.periodEnd <= before));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    drafts.sort((a, b) => a.periodStart - b.periodStart || a.clientId.localeCompare(b.clientId) || a.currency.localeCompare(b.currency));
    for (const draft of drafts) await this.makeFinal(draft, now);
    return drafts.length;
  }

  /** Gives the draft its number and due date: the longest `paymentDueDays` of the plans it charges. */
  private async makeFinal(draft: StoredInvoice, now: number): Promise<void> {
    let dueDays = 0;
    for (const planId of new Set(draft.lines.map((line) => line.ratePlanId))) {
      dueDays = Math.max(dueDays, (await this.context.store.ratePlans.get(planId))?.paymentDueDays ?? 0);
    }
    await this.context.store.billing.finalize(draft.id, now, addDays(now, dueDays));
  }

  /** `POST /invoices/{id}/finalize`: rates the invoice's period one last time and makes it final. 409 unless a draft of an ended period. */
  async finalize(id: string): Promise<Invoice> {
    const { store, clock } = this.context;
    const invoice = await require(store.billing.getInvoice(id), 'invoice', id);
    const now = clock.now().getTime();
    if (invoice.status === 'final') throw new TollgateError('CONFLICT', `invoice '${id}' is already final`);
    if (invoice.periodEnd > now) throw new TollgateError('CONFLICT', `invoice '${id}' is for a period that has not ended`);
    await this.run();
    return store.transaction(async () => {
      await store.billing.lockRating();
      const draft = await require(store.billing.getInvoice(id), 'invoice', id);
      if (draft.status === 'draft') await this.makeFinal(draft, now);
      return toInvoice(await require(store.billing.getInvoice(id), 'invoice', id));
    });
  }

  async getInvoice(id: string): Promise<Invoice> {
    const invoice = await this.context.store.billing.getInvoice(id);
    if (invoice === undefined) throw notFound('invoice', id);
    return toInvoice(invoice);
  }

  async listInvoices(filter: InvoiceFilter, page: PageRequest): Promise<Page<Invoice>> {
    const found = await this.context.store.billing.listInvoices(filter, page);
    return { items: found.items.map(toInvoice), nextCursor: found.nextCursor };
  }
}
