import type { Kysely } from 'kysely';

/**
 * Monetization: rate plans and transaction success criteria, both of a product.
 *
 * A plan's product is `restrict`: deleting a product that still has plans answers REFERENCED
 * (its plans are removed one by one, through the service, first). Success criteria are owned by
 * their product and go with it (`cascade`). Bands, fees, free calls and criteria are JSON text,
 * as written, so both dialects share one code path.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = 'text' as const;
  const millis = 'bigint' as const;

  await db.schema
    .createTable('rate_plans')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id').onDelete('restrict'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('currency', text, (c) => c.notNull())
    .addColumn('metering_type', text, (c) => c.notNull())
    .addColumn('rates', text, (c) => c.notNull())
    .addColumn('fees', text, (c) => c.notNull())
    .addColumn('freemium', text, (c) => c.notNull())
    .addColumn('billing_period', text, (c) => c.notNull())
    .addColumn('duration_months', 'integer')
    .addColumn('payment_due_days', 'integer', (c) => c.notNull())
    .addColumn('mode', text, (c) => c.notNull())
    .addColumn('start_date', millis, (c) => c.notNull())
    .addColumn('end_date', millis)
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  // A product's plans, by id (`listByProduct`); also what a product delete checks against.
  await db.schema.createIndex('rate_plans_product_idx').on('rate_plans').columns(['product_id', 'id']).execute();

  await db.schema
    .createTable('product_success_criteria')
    .addColumn('product_id', text, (c) => c.primaryKey().references('products.id').onDelete('cascade'))
    .addColumn('criteria', text, (c) => c.notNull())
    .execute();
}
