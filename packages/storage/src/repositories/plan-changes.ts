import type { PlanChange, PlanChangeRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { guarded } from '../sql/errors.js';
import { atomic } from '../sql/links.js';
import type { Database, PlanChangeTable } from '../sql/schema.js';

const KIND = 'rate plan history of subscription';

function toEntity(row: Selectable<PlanChangeTable>): PlanChange {
  return {
    subscriptionId: row.subscription_id,
    productId: row.product_id,
    effectiveFrom: Number(row.effective_from),
    ratePlanId: row.rate_plan_id,
  };
}

/**
 * The rate plan history of each subscription product, one `plan_changes` row per change. It goes
 * with its subscription; a plan it names cannot be deleted (REFERENCED).
 */
export function planChangeRepository(db: Kysely<Database>): PlanChangeRepository {
  return {
    async history(subscriptionId, productId) {
      const rows = await db
        .selectFrom('plan_changes')
        .selectAll()
        .where('subscription_id', '=', subscriptionId)
        .$if(productId !== undefined, (q) => q.where('product_id', '=', productId ?? ''))
        .orderBy('product_id')
        .orderBy('effective_from')
        .execute();
      return rows.map(toEntity);
    },
    async all() {
      const rows = await db
        .selectFrom('plan_changes')
        .selectAll()
        .orderBy('subscription_id')
        .orderBy('product_id')
        .orderBy('effective_from')
        .execute();
      return rows.map(toEntity);
    },
    async uses(ratePlanId) {
      const row = await db
        .selectFrom('plan_changes')
        .select('rate_plan_id')
        .where('rate_plan_id', '=', ratePlanId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    // A change replaces every change of that subscription product at or after its start: a
    // pending change scheduled again is replaced, not added to.
    schedule: (change) =>
      guarded(KIND, change.subscriptionId, 'write', () =>
        atomic(db, async (trx) => {
          await trx
            .deleteFrom('plan_changes')
            .where('subscription_id', '=', change.subscriptionId)
            .where('product_id', '=', change.productId)
            .where('effective_from', '>=', change.effectiveFrom)
            .execute();
          await trx
            .insertInto('plan_changes')
            .values({
              subscription_id: change.subscriptionId,
              product_id: change.productId,
              effective_from: change.effectiveFrom,
              rate_plan_id: change.ratePlanId,
            })
            .execute();
        }),
      ),
  };
}
