import type { ExhaustedBalanceRepository } from '@tollgate/domain';
import type { Kysely } from 'kysely';
import { guarded } from '../sql/errors.js';
import type { Database } from '../sql/schema.js';

const KIND = 'client';

/** Every exhausted balance, by client then currency: what gateway nodes load with their configuration. */
export async function listExhaustedBalances(db: Kysely<Database>): Promise<{ clientId: string; currency: string }[]> {
  const rows = await db
    .selectFrom('exhausted_balances')
    .select(['client_id', 'currency'])
    .orderBy('client_id')
    .orderBy('currency')
    .execute();
  return rows.map((row) => ({ clientId: row.client_id, currency: row.currency }));
}

/**
 * Exhausted prepaid balances, one `exhausted_balances` row each, deleted with their client.
 * Setting one that is already so changes no row (the store still bumps the version: the balance
 * check only writes when a balance crosses zero). An unknown client answers CONFLICT.
 */
export function exhaustedBalanceRepository(db: Kysely<Database>): ExhaustedBalanceRepository {
  return {
    list: () => listExhaustedBalances(db),
    set: (clientId, currency, exhausted) =>
      guarded(KIND, clientId, 'write', async () => {
        if (exhausted) {
          await db
            .insertInto('exhausted_balances')
            .values({ client_id: clientId, currency })
            .onConflict((oc) => oc.columns(['client_id', 'currency']).doNothing())
            .execute();
        } else {
          await db.deleteFrom('exhausted_balances').where('client_id', '=', clientId).where('currency', '=', currency).execute();
        }
      }),
  };
}
