import type { Kysely } from 'kysely';
import { guarded } from './errors.js';
import type { Database } from './schema.js';

/** Tables whose rows are entities with a text `id` primary key. */
export type EntityTable =
  | 'server_groups'
  | 'projects'
  | 'products'
  | 'organizations'
  | 'clients'
  | 'subscriptions'
  | 'groups'
  | 'rate_plans';

/** Deletes one entity row; false when there was none. Rows still referenced answer REFERENCED. */
export function deleteById(db: Kysely<Database>, table: EntityTable, kind: string, id: string): Promise<boolean> {
  return guarded(kind, id, 'delete', async () => {
    const result = await db.deleteFrom(table).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  });
}
