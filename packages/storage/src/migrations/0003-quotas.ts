import type { Kysely } from 'kysely';

/**
 * Quota epochs: a subscription product's quota counters are keyed by its epoch, so
 * `POST /api/v1/quotas/reset` starts a new count on every node by incrementing it. A table of
 * its own: saving a subscription rewrites its product rows, an epoch must survive that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quota_epochs')
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('subscriptions.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('quota_epochs_pk', ['subscription_id', 'product_id'])
    .execute();
}
