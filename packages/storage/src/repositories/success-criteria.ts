import type { SuccessCriteriaRepository } from '@tollgate/domain';
import type { Kysely } from 'kysely';
import { guarded } from '../sql/errors.js';
import type { Database } from '../sql/schema.js';

const KIND = 'success criteria of product';

/** Each product's success criteria, one `product_success_criteria` row (JSON), deleted with the product. */
export function successCriteriaRepository(db: Kysely<Database>): SuccessCriteriaRepository {
  return {
    async get(productId) {
      const row = await db.selectFrom('product_success_criteria').select('criteria').where('product_id', '=', productId).executeTakeFirst();
      return row && JSON.parse(row.criteria);
    },
    set: (productId, criteria) =>
      guarded(KIND, productId, 'write', async () => {
        const value = JSON.stringify(criteria);
        await db
          .insertInto('product_success_criteria')
          .values({ product_id: productId, criteria: value })
          .onConflict((oc) => oc.column('product_id').doUpdateSet({ criteria: value }))
          .execute();
      }),
  };
}
