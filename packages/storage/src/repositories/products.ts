import type { Product, ProductRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, toIso, toMillis, toPage } from '../sql/codec.js';
import { guarded } from '../sql/errors.js';
import { deleteObjectPermissions, inScope } from '../sql/grants.js';
import { atomic, loadLinks, replaceLinks } from '../sql/links.js';
import { deleteById } from '../sql/rows.js';
import type { Database, ProductTable } from '../sql/schema.js';
import { containsText } from '../sql/search.js';

const KIND = 'product';

function toRow(product: Product): ProductTable {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    access: product.access,
    key_approval: product.keyApproval,
    scopes: JSON.stringify(product.scopes),
    quota: product.quota === null ? null : JSON.stringify(product.quota),
    created_at: toMillis(product.createdAt),
    updated_at: toMillis(product.updatedAt),
  };
}

/** Rows plus their server-group and project links, loaded in two queries whatever the count. */
async function toEntities(db: Kysely<Database>, rows: Selectable<ProductTable>[]): Promise<Product[]> {
  const ids = rows.map((row) => row.id);
  const groups = await loadLinks(db, 'product_server_groups', ids);
  const projects = await loadLinks(db, 'product_projects', ids);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    serverGroupIds: groups.get(row.id) ?? [],
    access: row.access as Product['access'],
    keyApproval: row.key_approval as Product['keyApproval'],
    scopes: JSON.parse(row.scopes),
    quota: row.quota === null ? null : JSON.parse(row.quota),
    projectIds: projects.get(row.id) ?? [],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}

async function writeLinks(db: Kysely<Database>, product: Product): Promise<void> {
  await replaceLinks(db, 'product_server_groups', product.id, product.serverGroupIds);
  await replaceLinks(db, 'product_projects', product.id, product.projectIds);
}

/** Products with their server groups and projects as ordered link rows. */
export function productRepository(db: Kysely<Database>): ProductRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await toEntities(db, [row]))[0];
    },
    async list(filter, page) {
      const after = decodeCursor(page.cursor);
      const rows = await db
        .selectFrom('products')
        .selectAll()
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .$if(filter.scope !== undefined, (q) => q.where(inScope(filter.scope ?? { except: [] })))
        .$if(filter.q !== undefined, (q) => q.where(containsText('products', ['id', 'name'], filter.q ?? '')))
        .$if(filter.access !== undefined, (q) => q.where('access', '=', filter.access ?? ''))
        .$if(filter.serverGroupId !== undefined, (q) =>
          q.where(
            'id',
            'in',
            db
              .selectFrom('product_server_groups')
              .select('owner_id')
              .where('target_id', '=', filter.serverGroupId ?? ''),
          ),
        )
        .$if(filter.organizationId !== undefined, (q) =>
          q.where(
            'id',
            'in',
            db
              .selectFrom('organization_products')
              .select('target_id')
              .where('owner_id', '=', filter.organizationId ?? ''),
          ),
        )
        .orderBy('id')
        .limit(page.limit + 1)
        .execute();
      return toPage(await toEntities(db, rows), page);
    },
    insert: (product) =>
      guarded(KIND, product.id, 'write', () =>
        atomic(db, async (trx) => {
          await trx.insertInto('products').values(toRow(product)).execute();
          await writeLinks(trx, product);
        }),
      ),
    update: (product) =>
      guarded(KIND, product.id, 'write', () =>
        atomic(db, async (trx) => {
          await trx.updateTable('products').set(toRow(product)).where('id', '=', product.id).execute();
          await writeLinks(trx, product);
        }),
      ),
    delete: (id) =>
      atomic(db, async (trx) => {
        await deleteObjectPermissions(trx, KIND, id);
        return deleteById(trx, 'products', KIND, id);
      }),
  };
}
