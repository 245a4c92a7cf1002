/**
 * Fills a Tollgate SQLite store with many active keys, fast: the management API issues one
 * key per call (100,000 calls would take minutes), so the bench provisions one real
 * subscription through the API and clones its rows here with better-sqlite3 — same columns,
 * same value formats (packages/storage/src/migrations/0001-initial.ts) — in one transaction,
 * then bumps the configuration version as every configuration write does.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sha256Hex } from '../../packages/gateway/dist/index.js';
import { consumerKey, SUBSCRIPTIONS_PER_CLIENT } from './generate.mjs';

// Resolved as the storage package resolves it, not through the root's hoisting.
const Database = createRequire(new URL('../../packages/storage/package.json', import.meta.url))('better-sqlite3');

/**
 * Adds subscriptions (one key each) until the store holds `total` keys. Returns one of the new
 * raw keys, to prove through a gateway that the cloned rows are real keys.
 *
 * @param {string} dataDir the `--data` directory of a provisioned store
 * @param {number} total
 */
export function seedKeys(dataDir, total) {
  const db = new Database(join(dataDir, 'tollgate.db'));
  try {
    const client = db.prepare('select * from clients limit 1').get();
    const subscription = db.prepare('select * from subscriptions where client_id = ?').get(client.id);
    const product = db.prepare('select * from subscription_products where subscription_id = ?').get(subscription.id);
    const existing = db.prepare('select count(*) as n from subscription_products').get().n;

    const insertClient = db.prepare(
      'insert into clients (id, email, email_key, name, status, organization_id, attributes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertSubscription = db.prepare(
      'insert into subscriptions (id, name, client_id, status, description, redirect_uri, properties, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertKey = db.prepare(
      `insert into subscription_products (subscription_id, product_id, position, status, key_prefix, key_digest, secret_digest,
        previous_key_digest, previous_key_expires_at, key_issued_at, rate_plan_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let sampleKey = '';
    db.transaction(() => {
      let clientId = client.id;
      for (let i = 0; i < total - existing; i++) {
        if (i % SUBSCRIPTIONS_PER_CLIENT === 0) {
          clientId = randomUUID();
          const email = `client-${i}@bench.test`;
          insertClient.run(
            clientId,
            email,
            email,
            `Client ${i}`,
            'active',
            client.organization_id,
            '{}',
            client.created_at,
            client.updated_at,
          );
        }
        const subscriptionId = randomUUID();
        insertSubscription.run(
          subscriptionId,
          `App ${i}`,
          clientId,
          'active',
          '',
          null,
          '{}',
          subscription.created_at,
          subscription.updated_at,
        );
        const key = consumerKey();
        insertKey.run(
          subscriptionId,
          product.product_id,
          0,
          'approved',
          key.slice(0, 11),
          sha256Hex(key),
          product.secret_digest,
          null,
          null,
          product.key_issued_at,
          null,
          product.created_at,
        );
        sampleKey = key;
      }
      db.prepare('update config_state set version = version + 1 where id = 1').run();
    })();
    const keys = db.prepare('select count(*) as n from subscription_products').get().n;
    return { sampleKey, keys };
  } finally {
    db.close();
  }
}
