import type { Kysely } from 'kysely';

/**
 * The history of the rate plan of each subscription product: from `effective_from` (epoch ms)
 * on, the product is charged by `rate_plan_id` (null: no plan).
 *
 * A history goes with its subscription (`cascade`). `product_id` has no foreign key: the
 * history outlives the product's entry in the subscription until it is forgotten. A plan named
 * in any history cannot be deleted (`restrict`: REFERENCED); the index on `rate_plan_id` is
 * what that check reads when a plan is deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = 'text' as const;
  const millis = 'bigint' as const;

  await db.schema
    .createTable('plan_changes')
    .addColumn('subscription_id', text, (c) => c.notNull().references('subscriptions.id').onDelete('cascade'))
    .addColumn('product_id', text, (c) => c.notNull())
    .addColumn('effective_from', millis, (c) => c.notNull())
    .addColumn('rate_plan_id', text, (c) => c.references('rate_plans.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('plan_changes_pkey', ['subscription_id', 'product_id', 'effective_from'])
    .execute();
  await db.schema.createIndex('plan_changes_rate_plan_idx').on('plan_changes').column('rate_plan_id').execute();
}
