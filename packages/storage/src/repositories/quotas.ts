import type { QuotaRepository } from '@tollgate/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../sql/schema.js';

/** Quota epochs in SQL: one upsert per reset. */
export function quotaRepository(db: Kysely<Database>): QuotaRepository {
  return {
    async reset(subscriptionId, productId) {
      const row = await db
        .insertInto('quota_epochs')
        .values({ subscription_id: subscriptionId, product_id: productId, epoch: 1 })
        .onConflict((conflict) =>
          conflict.columns(['subscription_id', 'product_id']).doUpdateSet((eb) => ({ epoch: eb('quota_epochs.epoch', '+', 1) })),
        )
        .returning('epoch')
        .executeTakeFirstOrThrow();
      return Number(row.epoch);
    },
  };
}
