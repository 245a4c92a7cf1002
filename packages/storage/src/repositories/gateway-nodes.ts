import type { NodeRegistry } from '@tollgate/domain';
import type { Kysely } from 'kysely';
import { toIso, toMillis } from '../sql/codec.js';
import type { Database } from '../sql/schema.js';

/** Gateway nodes and their last heartbeat. Heartbeats are not configuration: they bump no version. */
export function nodeRegistry(db: Kysely<Database>): NodeRegistry {
  return {
    async heartbeat(node, seenAt) {
      const row = {
        id: node.id,
        server_group_id: node.serverGroupId,
        address: node.address,
        config_version: node.configVersion,
        started_at: toMillis(node.startedAt),
        last_seen_at: toMillis(seenAt),
      };
      await db
        .insertInto('gateway_nodes')
        .values(row)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            server_group_id: row.server_group_id,
            address: row.address,
            config_version: row.config_version,
            started_at: row.started_at,
            last_seen_at: row.last_seen_at,
          }),
        )
        .execute();
    },
    async list(serverGroupId) {
      const rows = await db.selectFrom('gateway_nodes').selectAll().where('server_group_id', '=', serverGroupId).orderBy('id').execute();
      return rows.map((row) => ({
        id: row.id,
        serverGroupId: row.server_group_id,
        address: row.address,
        configVersion: row.config_version === null ? null : Number(row.config_version),
        startedAt: toIso(row.started_at),
        lastSeenAt: toIso(row.last_seen_at),
      }));
    },
    async remove(id) {
      await db.deleteFrom('gateway_nodes').where('id', '=', id).execute();
    },
  };
}
