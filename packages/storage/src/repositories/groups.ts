import type { Group, GroupRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, toIso, toMillis, toPage } from '../sql/codec.js';
import { guarded } from '../sql/errors.js';
import { deleteGrant } from '../sql/grants.js';
import { atomic } from '../sql/links.js';
import { deleteMemberships, loadMembers, replaceMembers } from '../sql/members.js';
import { deleteById } from '../sql/rows.js';
import type { Database, GroupTable } from '../sql/schema.js';

const KIND = 'group';

function toRow(group: Group): GroupTable {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    built_in: group.builtIn ? 1 : 0,
    created_at: toMillis(group.createdAt),
    updated_at: toMillis(group.updatedAt),
  };
}

/** Rows plus their members, loaded in one query whatever the count. */
async function toEntities(db: Kysely<Database>, rows: Selectable<GroupTable>[]): Promise<Group[]> {
  const members = await loadMembers(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    members: members.get(row.id) ?? { users: [], groups: [] },
    builtIn: Number(row.built_in) === 1,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}

/** Groups with their members (users and groups) as ordered `group_members` rows. */
export function groupRepository(db: Kysely<Database>): GroupRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await toEntities(db, [row]))[0];
    },
    async list(_filter, page) {
      const after = decodeCursor(page.cursor);
      const rows = await db
        .selectFrom('groups')
        .selectAll()
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .orderBy('id')
        .limit(page.limit + 1)
        .execute();
      return toPage(await toEntities(db, rows), page);
    },
    insert: (group) =>
      guarded(KIND, group.id, 'write', () =>
        atomic(db, async (trx) => {
          await trx.insertInto('groups').values(toRow(group)).execute();
          await replaceMembers(trx, group.id, group.members);
        }),
      ),
    update: (group) =>
      guarded(KIND, group.id, 'write', () =>
        atomic(db, async (trx) => {
          const result = await trx.updateTable('groups').set(toRow(group)).where('id', '=', group.id).executeTakeFirst();
          if (result.numUpdatedRows > 0n) await replaceMembers(trx, group.id, group.members);
        }),
      ),
    // Its own member rows go by cascade; its places in other groups and its grant here.
    delete: (id) =>
      atomic(db, async (trx) => {
        await deleteMemberships(trx, 'group', id);
        await deleteGrant(trx, 'group', id);
        return deleteById(trx, 'groups', KIND, id);
      }),
  };
}
