import type { MeteredCall, MeteringLedger } from '@tollgate/domain';
import type { Insertable, Kysely } from 'kysely';
import { atomic } from '../sql/links.js';
import type { Database, MeteringLedgerTable } from '../sql/schema.js';

/**
 * Rows per INSERT statement. Each row binds 7 parameters, so 1,000 rows bind 7,000: well under
 * SQLite's 32,766 (SQLITE_MAX_VARIABLE_NUMBER of the SQLite bundled with better-sqlite3) and
 * PostgreSQL's 65,535 (the wire protocol's 16-bit parameter count).
 */
export const METERING_ROWS_PER_INSERT = 1_000;

function toRow(call: MeteredCall): Insertable<MeteringLedgerTable> {
  return {
    request_id: call.requestId,
    received_at: call.receivedAt,
    subscription_id: call.subscriptionId,
    product_id: call.productId,
    client_id: call.clientId,
    status: call.status,
    billable: call.billable ? 1 : 0,
  };
}

/**
 * The metering ledger in SQL. A batch is recorded in one transaction: its own, or the caller's
 * when `db` is one. Not configuration: recording bumps no version.
 */
export function meteringLedger(db: Kysely<Database>): MeteringLedger {
  return {
    async record(calls) {
      if (calls.length === 0) return 0;
      return atomic(db, async (trx) => {
        let inserted = 0;
        for (let start = 0; start < calls.length; start += METERING_ROWS_PER_INSERT) {
          const rows = calls.slice(start, start + METERING_ROWS_PER_INSERT).map(toRow);
          // Idempotent: a request id already recorded (by an earlier batch, an earlier statement of
          // this one, or earlier in this statement) is skipped, and not counted: both drivers
          // report the rows actually inserted (SQLite's changes(), PostgreSQL's row count).
          const result = await trx
            .insertInto('metering_ledger')
            .values(rows)
            .onConflict((oc) => oc.column('request_id').doNothing())
            .executeTakeFirst();
          inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
        }
        return inserted;
      });
    },

    async usage(filter) {
      let query = db
        .selectFrom('metering_ledger')
        .select(['subscription_id', 'product_id', 'client_id'])
        .select((eb) => [eb.fn.countAll().as('calls'), eb.fn.sum('billable').as('billable_calls')])
        .where('received_at', '>=', filter.from)
        .where('received_at', '<', filter.to);
      if (filter.subscriptionId !== undefined) query = query.where('subscription_id', '=', filter.subscriptionId);
      if (filter.productId !== undefined) query = query.where('product_id', '=', filter.productId);
      const rows = await query
        .groupBy(['subscription_id', 'product_id', 'client_id'])
        .orderBy('subscription_id')
        .orderBy('product_id')
        .orderBy('client_id')
        .execute();
      // PostgreSQL answers count and sum as bigint (a string, or a number through the pool's
      // parser), SQLite as a number: Number() makes them one.
      return rows.map((row) => ({
        subscriptionId: row.subscription_id,
        productId: row.product_id,
        clientId: row.client_id,
        calls: Number(row.calls),
        billableCalls: Number(row.billable_calls),
      }));
    },
  };
}
