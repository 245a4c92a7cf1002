import { isTollgateError, TollgateError, type User, type UserRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, toIso, toMillis, toPageBy } from '../sql/codec.js';
import { guarded } from '../sql/errors.js';
import { deleteGrant } from '../sql/grants.js';
import { atomic } from '../sql/links.js';
import { deleteMemberships, loadGroupsOf, replaceGroupsOf } from '../sql/members.js';
import type { Database, UserTable } from '../sql/schema.js';

const KIND = 'user';

/** The user's columns, without its password hash (written only when there is a new one). */
function toRow(user: User): Omit<UserTable, 'password_hash'> {
  return {
    username: user.username,
    display_name: user.displayName,
    email: user.email,
    status: user.status,
    created_at: toMillis(user.createdAt),
    updated_at: toMillis(user.updatedAt),
  };
}

/** A taken username is reported on the `username` field (the shared translation names `id`). */
function onUsername(error: unknown): never {
  if (isTollgateError(error) && error.code === 'CONFLICT' && error.fields?.id !== undefined) {
    throw new TollgateError('CONFLICT', error.message, { username: error.fields.id });
  }
  throw error;
}

/** Rows plus their direct groups, loaded in one query whatever the count. */
async function toEntities(db: Kysely<Database>, rows: Selectable<UserTable>[]): Promise<User[]> {
  const groups = await loadGroupsOf(
    db,
    rows.map((row) => row.username),
  );
  return rows.map((row) => ({
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    status: row.status as User['status'],
    groups: groups.get(row.username) ?? [],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}

/**
 * Users, keyed by username. `groups` is not a column: it is the groups whose `group_members`
 * hold the user, read from there and written there. The password hash is never part of a `User`.
 */
export function userRepository(db: Kysely<Database>): UserRepository {
  return {
    async get(username) {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return row && (await toEntities(db, [row]))[0];
    },
    async list(filter, page) {
      const after = decodeCursor(page.cursor);
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .$if(after !== undefined, (q) => q.where('username', '>', after ?? ''))
        .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? ''))
        .$if(filter.groupId !== undefined, (q) =>
          q.where(
            'username',
            'in',
            db
              .selectFrom('group_members')
              .select('member_id')
              .where('group_id', '=', filter.groupId ?? '')
              .where('member_type', '=', 'user'),
          ),
        )
        .orderBy('username')
        .limit(page.limit + 1)
        .execute();
      return toPageBy(await toEntities(db, rows), page, (user) => user.username);
    },
    async passwordHashOf(username) {
      const row = await db.selectFrom('users').select('password_hash').where('username', '=', username).executeTakeFirst();
      return row?.password_hash;
    },
    insert: (user, passwordHash) =>
      guarded(KIND, user.username, 'write', () =>
        atomic(db, async (trx) => {
          await trx
            .insertInto('users')
            .values({ ...toRow(user), password_hash: passwordHash })
            .execute();
          await replaceGroupsOf(trx, user.username, user.groups);
        }),
      ).catch(onUsername),
    update: (user, passwordHash) =>
      guarded(KIND, user.username, 'write', () =>
        atomic(db, async (trx) => {
          const result = await trx
            .updateTable('users')
            .set({ ...toRow(user), ...(passwordHash === undefined ? {} : { password_hash: passwordHash }) })
            .where('username', '=', user.username)
            .executeTakeFirst();
          // No such user: nothing to write, and no memberships for no one.
          if (result.numUpdatedRows > 0n) await replaceGroupsOf(trx, user.username, user.groups);
        }),
      ),
    delete: (username) =>
      guarded(KIND, username, 'delete', () =>
        atomic(db, async (trx) => {
          await deleteMemberships(trx, 'user', username);
          await deleteGrant(trx, 'user', username);
          const result = await trx.deleteFrom('users').where('username', '=', username).executeTakeFirst();
          return result.numDeletedRows > 0n;
        }),
      ),
  };
}
