import type { Kysely } from 'kysely';
import type { Database, PermissionGrantTable } from './schema.js';

/** Deletes the grant of a user or a group (no foreign key does it). */
export async function deleteGrant(
  db: Kysely<Database>,
  principalType: PermissionGrantTable['principal_type'],
  principalId: string,
): Promise<void> {
  await db.deleteFrom('permission_grants').where('principal_type', '=', principalType).where('principal_id', '=', principalId).execute();
}
