import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The ordered link tables: owner → list of target ids. */
export type LinkTableName = 'product_server_groups' | 'product_projects' | 'organization_products';

/** Replaces an owner's links with `targetIds`, keeping their order. */
export async function replaceLinks(
  db: Kysely<Database>,
  table: LinkTableName,
  ownerId: string,
  targetIds: readonly string[],
): Promise<void> {
  await db.deleteFrom(table).where('owner_id', '=', ownerId).execute();
  if (targetIds.length === 0) return;
  await db
    .insertInto(table)
    .values(targetIds.map((targetId, position) => ({ owner_id: ownerId, target_id: targetId, position })))
    .execute();
}

/** Loads the links of many owners at once (no query per row), each list in its saved order. */
export async function loadLinks(db: Kysely<Database>, table: LinkTableName, ownerIds: readonly string[]): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
  if (ownerIds.length === 0) return links;
  const rows = await db
    .selectFrom(table)
    .select(['owner_id', 'target_id'])
    .where('owner_id', 'in', ownerIds)
    .orderBy('owner_id')
    .orderBy('position')
    .execute();
  for (const row of rows) links.get(row.owner_id)?.push(row.target_id);
  return links;
}

/** Runs `work` in the caller's transaction, or in a new one when there is none. */
export function atomic<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
