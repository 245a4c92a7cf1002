import { type Kysely, sql } from 'kysely';

/**
 * The metering ledger: one row per call of a monetized product (`MeteredCall`), written by
 * gateway nodes and summed by rating.
 *
 * - `request_id` is the primary key and inserts use `ON CONFLICT DO NOTHING`: a node retrying a
 *   batch whose first write did commit records each call once.
 * - No foreign keys: the ledger is a record of what happened, billed from later; it must outlive
 *   the subscriptions, products and clients it names (deleting one must not be refused, nor
 *   delete the calls to bill).
 * - `billable` is 0 or 1 on both dialects (SQLite has no boolean; `built_in` of `groups` does
 *   the same), so `sum(billable)` counts the billable calls in one code path.
 *
 * Indexes, for `usage` (a window `[from, to)`, optionally one subscription and product, summed
 * per subscription, product and client). Both hold every column the query reads, so it is
 * answered from the index alone (no table read per call, on SQLite nor PostgreSQL, whose
 * index-only scans suit an append-only table):
 * - `metering_ledger_by_subscription` (subscription, product, time): a subscription product's
 *   calls in a window are one contiguous range. Rating asks this repeatedly, over long windows
 *   too (the calls since the plan's start), so it must not read every subscription's calls.
 * - `metering_ledger_by_time` (time first): a window over every subscription (an invoice run, a
 *   report) is one contiguous range; with only the subscription index it would read the whole
 *   history, which the ledger keeps.
 * Two indexes are what every call then pays on insert beside the primary key; a time-first
 * index alone would make each per-subscription query read the whole window of every subscription.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metering_ledger')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('billable', 'integer', (c) => c.notNull().check(sql`billable in (0, 1)`))
    .execute();
  await db.schema
    .createIndex('metering_ledger_by_subscription')
    .on('metering_ledger')
    .columns(['subscription_id', 'product_id', 'received_at', 'client_id', 'billable'])
    .execute();
  await db.schema
    .createIndex('metering_ledger_by_time')
    .on('metering_ledger')
    .columns(['received_at', 'subscription_id', 'product_id', 'client_id', 'billable'])
    .execute();
}
