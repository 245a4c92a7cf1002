import type { Page, PageRequest } from '../entities/common.js';
import type { InvoiceFilter, InvoiceLine, InvoiceStatus, TopUp } from '../entities/invoice.js';

/** An invoice as stored: times in epoch ms. */
export interface StoredInvoice {
  id: string;
  /** Sequence number given when final (shown as INV-000001); null on a draft. */
  number: number | null;
  clientId: string;
  currency: string;
  periodStart: number;
  periodEnd: number;
  status: InvoiceStatus;
  lines: InvoiceLine[];
  total: number;
  ratedAt: number;
  finalizedAt: number | null;
  dueAt: number | null;
  createdAt: number;
}

/**
 * Invoices, and the prepaid top-ups of clients. Not configuration: writing bumps no version.
 * Kept whole: no foreign keys, so deleting a client or a subscription leaves its invoices.
 */
export interface BillingStore {
  /**
   * Makes the caller's transaction the only rating run until it ends: its first statement takes
   * a write lock (a row of `rating_lock`) that a second run waits for. Call it first, inside
   * `Store.transaction`.
   */
  lockRating(): Promise<void>;
  /** The invoice of a client, currency and period (`unique`), if any. */
  findInvoice(clientId: string, currency: string, periodStart: number, periodEnd: number): Promise<StoredInvoice | undefined>;
  getInvoice(id: string): Promise<StoredInvoice | undefined>;
  /** Newest period first, then client and currency. */
  listInvoices(filter: InvoiceFilter, page: PageRequest): Promise<Page<StoredInvoice>>;
  insertInvoice(invoice: StoredInvoice): Promise<void>;
  /** Replaces a draft's lines and total. A final invoice is never changed (the store refuses). */
  updateDraft(id: string, lines: readonly InvoiceLine[], total: number, ratedAt: number): Promise<void>;
  /** Makes a draft final with the next invoice number; answers the number. */
  finalize(id: string, finalizedAt: number, dueAt: number): Promise<number>;
  addTopUp(topUp: StoredTopUp): Promise<void>;
  /** The client's top-ups, newest first. */
  topUps(clientId: string): Promise<StoredTopUp[]>;
}

/** A top-up as stored: times in epoch ms. */
export type StoredTopUp = Omit<TopUp, 'createdAt'> & { createdAt: number };

/**
 * Which clients' prepaid balances are used up, per currency: configuration, because gateway
 * nodes enforce it (a change bumps the version, so nodes reload). Written by the balance check
 * only when a balance crosses zero.
 */
export interface ExhaustedBalanceRepository {
  /** Every exhausted balance, by client then currency. */
  list(): Promise<{ clientId: string; currency: string }[]>;
  set(clientId: string, currency: string, exhausted: boolean): Promise<void>;
}
