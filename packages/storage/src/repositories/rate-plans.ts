import type { RatePlan, RatePlanRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { toIso, toMillis } from '../sql/codec.js';
import { guarded } from '../sql/errors.js';
import { deleteById } from '../sql/rows.js';
import type { Database, RatePlanTable } from '../sql/schema.js';

const KIND = 'rate plan';

/** Bands, fees and free calls are stored as given: a band without `to` reads back without it. */
function toRow(plan: RatePlan): RatePlanTable {
  return {
    id: plan.id,
    product_id: plan.productId,
    name: plan.name,
    description: plan.description,
    currency: plan.currency,
    metering_type: plan.meteringType,
    rates: JSON.stringify(plan.rates),
    fees: JSON.stringify(plan.fees),
    freemium: JSON.stringify(plan.freemium),
    billing_period: plan.billingPeriod,
    duration_months: plan.durationMonths,
    payment_due_days: plan.paymentDueDays,
    mode: plan.mode,
    start_date: toMillis(plan.startDate),
    end_date: plan.endDate === null ? null : toMillis(plan.endDate),
    created_at: toMillis(plan.createdAt),
    updated_at: toMillis(plan.updatedAt),
  };
}

function toEntity(row: Selectable<RatePlanTable>): RatePlan {
  return {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    description: row.description,
    currency: row.currency,
    meteringType: row.metering_type as RatePlan['meteringType'],
    rates: JSON.parse(row.rates),
    fees: JSON.parse(row.fees),
    freemium: JSON.parse(row.freemium),
    billingPeriod: row.billing_period as RatePlan['billingPeriod'],
    durationMonths: row.duration_months === null ? null : Number(row.duration_months),
    paymentDueDays: Number(row.payment_due_days),
    mode: row.mode as RatePlan['mode'],
    startDate: toIso(row.start_date),
    endDate: row.end_date === null ? null : toIso(row.end_date),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** Rate plans, one `rate_plans` row each; a plan's product cannot be deleted while it exists. */
export function ratePlanRepository(db: Kysely<Database>): RatePlanRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('rate_plans').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEntity(row);
    },
    async listByProduct(productId) {
      const rows = await db.selectFrom('rate_plans').selectAll().where('product_id', '=', productId).orderBy('id').execute();
      return rows.map(toEntity);
    },
    insert: (plan) =>
      guarded(KIND, plan.id, 'write', async () => {
        await db.insertInto('rate_plans').values(toRow(plan)).execute();
      }),
    update: (plan) =>
      guarded(KIND, plan.id, 'write', async () => {
        await db.updateTable('rate_plans').set(toRow(plan)).where('id', '=', plan.id).execute();
      }),
    delete: (id) => deleteById(db, 'rate_plans', KIND, id),
  };
}
