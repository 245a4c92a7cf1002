import type { Repository, ServerGroup, ServerGroupFilter } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, toIso, toMillis, toPage } from '../sql/codec.js';
import { guarded } from '../sql/errors.js';
import { deleteById } from '../sql/rows.js';
import type { Database, ServerGroupTable } from '../sql/schema.js';

const KIND = 'server group';

function toEntity(row: Selectable<ServerGroupTable>): ServerGroup {
  return { id: row.id, name: row.name, description: row.description, createdAt: toIso(row.created_at), updatedAt: toIso(row.updated_at) };
}

function toRow(group: ServerGroup): ServerGroupTable {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    created_at: toMillis(group.createdAt),
    updated_at: toMillis(group.updatedAt),
  };
}

/** Server groups in SQL. */
export function serverGroupRepository(db: Kysely<Database>): Repository<ServerGroup, ServerGroupFilter> {
  return {
    async get(id) {
      const row = await db.selectFrom('server_groups').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEntity(row);
    },
    async list(_filter, page) {
      const after = decodeCursor(page.cursor);
      const rows = await db
        .selectFrom('server_groups')
        .selectAll()
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .orderBy('id')
        .limit(page.limit + 1)
        .execute();
      return toPage(rows.map(toEntity), page);
    },
    insert: (group) => guarded(KIND, group.id, 'write', () => db.insertInto('server_groups').values(toRow(group)).execute()).then(() => {}),
    update: (group) =>
      guarded(KIND, group.id, 'write', () => db.updateTable('server_groups').set(toRow(group)).where('id', '=', group.id).execute()).then(
        () => {},
      ),
    delete: (id) => deleteById(db, 'server_groups', KIND, id),
  };
}
