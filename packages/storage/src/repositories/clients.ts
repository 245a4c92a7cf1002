import type { Client, ClientRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, toIso, toMillis, toPage } from '../sql/codec.js';
import { guarded } from '../sql/errors.js';
import { deleteObjectPermissions, inScope } from '../sql/grants.js';
import { atomic } from '../sql/links.js';
import { deleteById } from '../sql/rows.js';
import type { ClientTable, Database } from '../sql/schema.js';
import { containsText } from '../sql/search.js';

const KIND = 'client';

function toEntity(row: Selectable<ClientTable>): Client {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status as Client['status'],
    organizationId: row.organization_id,
    attributes: JSON.parse(row.attributes),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function toRow(client: Client): ClientTable {
  return {
    id: client.id,
    email: client.email,
    email_key: client.email.toLowerCase(),
    name: client.name,
    status: client.status,
    organization_id: client.organizationId,
    attributes: JSON.stringify(client.attributes),
    created_at: toMillis(client.createdAt),
    updated_at: toMillis(client.updatedAt),
  };
}

/** Clients; e-mails are unique regardless of case through `email_key`. */
export function clientRepository(db: Kysely<Database>): ClientRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEntity(row);
    },
    async findByEmail(email) {
      const row = await db.selectFrom('clients').selectAll().where('email_key', '=', email.toLowerCase()).executeTakeFirst();
      return row && toEntity(row);
    },
    async list(filter, page) {
      const after = decodeCursor(page.cursor);
      const rows = await db
        .selectFrom('clients')
        .selectAll()
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .$if(filter.scope !== undefined, (q) => q.where(inScope(filter.scope ?? { except: [] })))
        .$if(filter.q !== undefined, (q) => q.where(containsText('clients', ['id', 'name', 'email'], filter.q ?? '')))
        .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? ''))
        .$if(filter.organizationId !== undefined, (q) => q.where('organization_id', '=', filter.organizationId ?? ''))
        .orderBy('id')
        .limit(page.limit + 1)
        .execute();
      return toPage(rows.map(toEntity), page);
    },
    insert: (client) => guarded(KIND, client.id, 'write', () => db.insertInto('clients').values(toRow(client)).execute()).then(() => {}),
    update: (client) =>
      guarded(KIND, client.id, 'write', () => db.updateTable('clients').set(toRow(client)).where('id', '=', client.id).execute()).then(
        () => {},
      ),
    delete: (id) =>
      atomic(db, async (trx) => {
        await deleteObjectPermissions(trx, KIND, id);
        return deleteById(trx, 'clients', KIND, id);
      }),
  };
}
