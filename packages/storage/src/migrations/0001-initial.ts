import { DEFAULT_SERVER_GROUPS } from '@tollgate/domain';
import type { Kysely } from 'kysely';

/**
 * The configuration tables. Foreign keys say what may be deleted: `restrict` where deleting
 * the target must answer REFERENCED, `cascade` for rows owned by their parent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const text = 'text' as const;
  const millis = 'bigint' as const;

  await db.schema
    .createTable('server_groups')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('version', text, (c) => c.notNull())
    .addColumn('context_path', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('tags', text, (c) => c.notNull())
    .addColumn('target', text, (c) => c.notNull())
    .addColumn('resources', text, (c) => c.notNull())
    .addColumn('policies', text, (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .addUniqueConstraint('projects_name_version_unique', ['name', 'version'])
    .execute();

  await db.schema
    .createTable('deployments')
    .addColumn('project_id', text, (c) => c.notNull().references('projects.id').onDelete('restrict'))
    .addColumn('server_group_id', text, (c) => c.notNull().references('server_groups.id').onDelete('restrict'))
    .addColumn('context_path', text, (c) => c.notNull())
    .addColumn('deployed_at', millis, (c) => c.notNull())
    .addPrimaryKeyConstraint('deployments_pkey', ['project_id', 'server_group_id'])
    .addUniqueConstraint('deployments_context_path_unique', ['server_group_id', 'context_path'])
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('access', text, (c) => c.notNull())
    .addColumn('key_approval', text, (c) => c.notNull())
    .addColumn('scopes', text, (c) => c.notNull())
    .addColumn('quota', text)
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('administrators', text, (c) => c.notNull())
    .addColumn('parent_id', text, (c) => c.references('organizations.id').onDelete('restrict'))
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();

  const links = [
    { table: 'product_server_groups', owner: 'products', target: 'server_groups' },
    { table: 'product_projects', owner: 'products', target: 'projects' },
    { table: 'organization_products', owner: 'organizations', target: 'products' },
  ];
  for (const link of links) {
    await db.schema
      .createTable(link.table)
      .addColumn('owner_id', text, (c) => c.notNull().references(`${link.owner}.id`).onDelete('cascade'))
      .addColumn('target_id', text, (c) => c.notNull().references(`${link.target}.id`).onDelete('restrict'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${link.table}_pkey`, ['owner_id', 'target_id'])
      .execute();
    await db.schema.createIndex(`${link.table}_target_idx`).on(link.table).column('target_id').execute();
  }

  await db.schema
    .createTable('clients')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('email', text, (c) => c.notNull())
    .addColumn('email_key', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('organization_id', text, (c) => c.references('organizations.id').onDelete('restrict'))
    .addColumn('attributes', text, (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clients_organization_idx').on('clients').column('organization_id').execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('client_id', text, (c) => c.notNull().references('clients.id').onDelete('restrict'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('redirect_uri', text)
    .addColumn('properties', text, (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscriptions_client_idx').on('subscriptions').column('client_id').execute();

  await db.schema
    .createTable('subscription_products')
    .addColumn('subscription_id', text, (c) => c.notNull().references('subscriptions.id').onDelete('cascade'))
    .addColumn('product_id', text, (c) => c.notNull().references('products.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('key_prefix', text, (c) => c.notNull())
    .addColumn('key_digest', text, (c) => c.notNull().unique())
    .addColumn('secret_digest', text, (c) => c.notNull())
    .addColumn('previous_key_digest', text)
    .addColumn('previous_key_expires_at', millis)
    .addColumn('key_issued_at', millis, (c) => c.notNull())
    .addColumn('rate_plan_id', text)
    .addColumn('created_at', millis, (c) => c.notNull())
    .addPrimaryKeyConstraint('subscription_products_pkey', ['subscription_id', 'product_id'])
    .execute();
  await db.schema.createIndex('subscription_products_product_idx').on('subscription_products').column('product_id').execute();

  // The default server groups exist from the first start; deleting one later is the operator's choice.
  const now = Date.now();
  await (db as Kysely<{ server_groups: { id: string; name: string; description: string; created_at: number; updated_at: number } }>)
    .insertInto('server_groups')
    .values(DEFAULT_SERVER_GROUPS.map((group) => ({ ...group, created_at: now, updated_at: now })))
    .execute();
}
