import type { AuthTokenStore, StoredToken } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { guarded } from '../sql/errors.js';
import type { AuthTokenTable, Database } from '../sql/schema.js';

const KIND = 'auth token';

function toToken(row: Selectable<AuthTokenTable>): StoredToken {
  return {
    digest: row.digest,
    kind: row.kind,
    id: row.id,
    username: row.username,
    name: row.name,
    prefix: row.prefix,
    createdAt: Number(row.created_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
  };
}

/**
 * Sessions and personal API tokens, one row per token keyed by its digest. Not configuration:
 * every statement stands alone and bumps no version. A user's tokens go with the user (cascade).
 */
export function authTokenStore(db: Kysely<Database>): AuthTokenStore {
  return {
    insert: (token) =>
      // A duplicate digest or a user that is gone → CONFLICT.
      guarded(KIND, token.id, 'write', async () => {
        await db
          .insertInto('auth_tokens')
          .values({
            digest: token.digest,
            kind: token.kind,
            id: token.id,
            username: token.username,
            name: token.name,
            prefix: token.prefix,
            created_at: token.createdAt,
            expires_at: token.expiresAt,
          })
          .execute();
      }),
    async find(digest) {
      const row = await db.selectFrom('auth_tokens').selectAll().where('digest', '=', digest).executeTakeFirst();
      return row === undefined ? undefined : toToken(row);
    },
    async delete(digest) {
      const result = await db.deleteFrom('auth_tokens').where('digest', '=', digest).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async listApiTokens(username) {
      const rows = await db
        .selectFrom('auth_tokens')
        .selectAll()
        .where('username', '=', username)
        .where('kind', '=', 'api')
        // The id breaks ties of tokens made in the same millisecond, so the order is stable.
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toToken);
    },
    async deleteApiToken(username, id) {
      const result = await db
        .deleteFrom('auth_tokens')
        .where('username', '=', username)
        .where('kind', '=', 'api')
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async deleteExpired(now) {
      const result = await db
        .deleteFrom('auth_tokens')
        .where('expires_at', 'is not', null)
        .where('expires_at', '<', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
