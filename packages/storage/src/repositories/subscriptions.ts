import type { SubscriptionProductRecord, SubscriptionRecord, SubscriptionRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, toIso, toMillis, toPage } from '../sql/codec.js';
import { guarded } from '../sql/errors.js';
import { deleteObjectPermissions, inScope } from '../sql/grants.js';
import { atomic } from '../sql/links.js';
import { deleteById } from '../sql/rows.js';
import type { Database, SubscriptionProductTable, SubscriptionTable } from '../sql/schema.js';
import { containsText } from '../sql/search.js';

const KIND = 'subscription';

function toRow(subscription: SubscriptionRecord): SubscriptionTable {
  return {
    id: subscription.id,
    name: subscription.name,
    client_id: subscription.clientId,
    status: subscription.status,
    description: subscription.description,
    redirect_uri: subscription.redirectUri,
    properties: JSON.stringify(subscription.properties),
    created_at: toMillis(subscription.createdAt),
    updated_at: toMillis(subscription.updatedAt),
  };
}

function toProductRows(subscription: SubscriptionRecord): SubscriptionProductTable[] {
  return subscription.products.map((entry, position) => ({
    subscription_id: subscription.id,
    product_id: entry.productId,
    position,
    status: entry.status,
    key_prefix: entry.keyPrefix,
    key_digest: entry.keyDigest,
    secret_digest: entry.secretDigest,
    previous_key_digest: entry.previousKeyDigest,
    previous_key_expires_at: entry.previousKeyExpiresAt === null ? null : toMillis(entry.previousKeyExpiresAt),
    key_issued_at: toMillis(entry.keyIssuedAt),
    rate_plan_id: entry.ratePlanId,
    created_at: toMillis(entry.createdAt),
  }));
}

function toProductRecord(row: Selectable<SubscriptionProductTable>): SubscriptionProductRecord {
  return {
    productId: row.product_id,
    status: row.status as SubscriptionProductRecord['status'],
    keyPrefix: row.key_prefix,
    ratePlanId: row.rate_plan_id,
    createdAt: toIso(row.created_at),
    keyIssuedAt: toIso(row.key_issued_at),
    previousKeyExpiresAt: row.previous_key_expires_at === null ? null : toIso(row.previous_key_expires_at),
    keyDigest: row.key_digest,
    secretDigest: row.secret_digest,
    previousKeyDigest: row.previous_key_digest,
  };
}

/** Subscriptions and their product entries loaded in two queries whatever the count. */
async function toRecords(db: Kysely<Database>, rows: Selectable<SubscriptionTable>[]): Promise<SubscriptionRecord[]> {
  const ids = rows.map((row) => row.id);
  const entries = new Map<string, SubscriptionProductRecord[]>(ids.map((id) => [id, []]));
  if (ids.length > 0) {
    const productRows = await db
      .selectFrom('subscription_products')
      .selectAll()
      .where('subscription_id', 'in', ids)
      .orderBy('subscription_id')
      .orderBy('position')
      .execute();
    for (const row of productRows) entries.get(row.subscription_id)?.push(toProductRecord(row));
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    clientId: row.client_id,
    status: row.status as SubscriptionRecord['status'],
    description: row.description,
    redirectUri: row.redirect_uri,
    properties: JSON.parse(row.properties),
    products: entries.get(row.id) ?? [],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}

async function writeProducts(db: Kysely<Database>, subscription: SubscriptionRecord): Promise<void> {
  await db.deleteFrom('subscription_products').where('subscription_id', '=', subscription.id).execute();
  const rows = toProductRows(subscription);
  if (rows.length > 0) await db.insertInto('subscription_products').values(rows).execute();
}

/** Subscriptions; each product entry keeps key digests, never raw keys. */
export function subscriptionRepository(db: Kysely<Database>): SubscriptionRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await toRecords(db, [row]))[0];
    },
    async list(filter, page) {
      const after = decodeCursor(page.cursor);
      const rows = await db
        .selectFrom('subscriptions')
        .selectAll()
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .$if(filter.scope !== undefined, (q) => q.where(inScope(filter.scope ?? { except: [] })))
        .$if(filter.q !== undefined, (q) => q.where(containsText('subscriptions', ['id', 'name'], filter.q ?? '')))
        .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? ''))
        .$if(filter.clientId !== undefined, (q) => q.where('client_id', '=', filter.clientId ?? ''))
        .$if(filter.organizationId !== undefined, (q) =>
          q.where(
            'client_id',
            'in',
            db
              .selectFrom('clients')
              .select('id')
              .where('organization_id', '=', filter.organizationId ?? ''),
          ),
        )
        .$if(filter.productId !== undefined, (q) =>
          q.where(
            'id',
            'in',
            db
              .selectFrom('subscription_products')
              .select('subscription_id')
              .where('product_id', '=', filter.productId ?? ''),
          ),
        )
        .orderBy('id')
        .limit(page.limit + 1)
        .execute();
      return toPage(await toRecords(db, rows), page);
    },
    insert: (subscription) =>
      guarded(KIND, subscription.id, 'write', () =>
        atomic(db, async (trx) => {
          await trx.insertInto('subscriptions').values(toRow(subscription)).execute();
          await writeProducts(trx, subscription);
        }),
      ),
    update: (subscription) =>
      guarded(KIND, subscription.id, 'write', () =>
        atomic(db, async (trx) => {
          await trx.updateTable('subscriptions').set(toRow(subscription)).where('id', '=', subscription.id).execute();
          await writeProducts(trx, subscription);
        }),
      ),
    delete: (id) =>
      atomic(db, async (trx) => {
        await deleteObjectPermissions(trx, KIND, id);
        return deleteById(trx, 'subscriptions', KIND, id);
      }),
  };
}
