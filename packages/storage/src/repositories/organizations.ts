import type { Organization, OrganizationRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, toIso, toMillis, toPage } from '../sql/codec.js';
import { guarded } from '../sql/errors.js';
import { deleteObjectPermissions, inScope } from '../sql/grants.js';
import { atomic, loadLinks, replaceLinks } from '../sql/links.js';
import { deleteById } from '../sql/rows.js';
import type { Database, OrganizationTable } from '../sql/schema.js';
import { containsText } from '../sql/search.js';

const KIND = 'organization';

function toRow(organization: Organization): OrganizationTable {
  return {
    id: organization.id,
    name: organization.name,
    administrators: JSON.stringify(organization.administrators),
    parent_id: organization.parentId,
    created_at: toMillis(organization.createdAt),
    updated_at: toMillis(organization.updatedAt),
  };
}

async function toEntities(db: Kysely<Database>, rows: Selectable<OrganizationTable>[]): Promise<Organization[]> {
  const products = await loadLinks(
    db,
    'organization_products',
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    administrators: JSON.parse(row.administrators),
    parentId: row.parent_id,
    productIds: products.get(row.id) ?? [],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}

/** Organizations (a tree through `parent_id`) with their offered products as link rows. */
export function organizationRepository(db: Kysely<Database>): OrganizationRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await toEntities(db, [row]))[0];
    },
    async list(filter, page) {
      const after = decodeCursor(page.cursor);
      const rows = await db
        .selectFrom('organizations')
        .selectAll()
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .$if(filter.scope !== undefined, (q) => q.where(inScope(filter.scope ?? { except: [] })))
        .$if(filter.q !== undefined, (q) => q.where(containsText('organizations', ['id', 'name'], filter.q ?? '')))
        .$if(filter.parentId !== undefined, (q) => q.where('parent_id', '=', filter.parentId ?? ''))
        .$if(filter.productId !== undefined, (q) =>
          q.where(
            'id',
            'in',
            db
              .selectFrom('organization_products')
              .select('owner_id')
              .where('target_id', '=', filter.productId ?? ''),
          ),
        )
        .orderBy('id')
        .limit(page.limit + 1)
        .execute();
      return toPage(await toEntities(db, rows), page);
    },
    insert: (organization) =>
      guarded(KIND, organization.id, 'write', () =>
        atomic(db, async (trx) => {
          await trx.insertInto('organizations').values(toRow(organization)).execute();
          await replaceLinks(trx, 'organization_products', organization.id, organization.productIds);
        }),
      ),
    update: (organization) =>
      guarded(KIND, organization.id, 'write', () =>
        atomic(db, async (trx) => {
          await trx.updateTable('organizations').set(toRow(organization)).where('id', '=', organization.id).execute();
          await replaceLinks(trx, 'organization_products', organization.id, organization.productIds);
        }),
      ),
    delete: (id) =>
      atomic(db, async (trx) => {
        await deleteObjectPermissions(trx, KIND, id);
        return deleteById(trx, 'organizations', KIND, id);
      }),
  };
}
