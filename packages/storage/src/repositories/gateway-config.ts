import {
  DEFAULT_SUCCESS_CRITERIA,
  type GatewayConfigSource,
  type GatewayKey,
  type GatewayPlanRun,
  type Quota,
  type SuccessCriteria,
} from '@tollgate/domain';
import type { Kysely } from 'kysely';
import { atomic, loadLinks } from '../sql/links.js';
import type { Database } from '../sql/schema.js';
import { listExhaustedBalances } from './exhausted-balances.js';
import { loadPlanRuns } from './gateway-plan-runs.js';
import { toProject } from './projects.js';
import { activeTraceSessions } from './traces.js';

/** The configuration version: one row, incremented in the transaction of every configuration write. */
export async function readConfigVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('config_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.version);
}

/** Increments the configuration version (inside the caller's transaction). */
export async function bumpConfigVersion(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('config_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** Key rows read at a time from PostgreSQL's cursor (better-sqlite3 iterates row by row). */
const KEY_CHUNK_ROWS = 1_000;

/**
 * Reads what a server group's gateway nodes compile, in one read transaction (or the caller's) so the projects,
 * products and keys belong to the same version. Keys come in one joined query whatever
 * their number, streamed: the rows of 100,000 keys never exist at once (as one result they
 * would fill the old generation and the allocator, and a node keeps that peak for life).
 * Predecessors whose grace period is over at `now` are left out. Each key carries its
 * subscription product's plan runs (from every plan change and rate plan, read once per load, not
 * per key) and the exhausted balances come whole: the monetization check needs nothing else.
 */
export function gatewayConfigSource(db: Kysely<Database>): GatewayConfigSource {
  return {
    currentVersion: () => readConfigVersion(db),
    secretDigestOf: async (keyDigest) =>
      (await db.selectFrom('subscription_products').select('secret_digest').where('key_digest', '=', keyDigest).executeTakeFirst())
        ?.secret_digest,
    load: (serverGroupId, now) =>
      atomic(db, async (trx) => {
        const version = await readConfigVersion(trx);
        const projectRows = await trx
          .selectFrom('projects')
          .selectAll()
          .where('id', 'in', trx.selectFrom('deployments').select('project_id').where('server_group_id', '=', serverGroupId))
          .orderBy('id')
          .execute();
        const productRows = await trx.selectFrom('products').select(['id', 'quota', 'scopes']).orderBy('id').execute();
        const productIds = productRows.map((row) => row.id);
        const groups = await loadLinks(trx, 'product_server_groups', productIds);
        const projects = await loadLinks(trx, 'product_projects', productIds);
        const successCriteria = await loadSuccessCriteria(trx);
        const planRunsOf = await loadPlanRuns(trx);
        const keyRows = trx
          .selectFrom('subscription_products as sp')
          .innerJoin('subscriptions as s', 's.id', 'sp.subscription_id')
          .innerJoin('clients as c', 'c.id', 's.client_id')
          .leftJoin('quota_epochs as q', (join) =>
            join.onRef('q.subscription_id', '=', 'sp.subscription_id').onRef('q.product_id', '=', 'sp.product_id'),
          )
          .select([
            'q.epoch as quota_epoch',
            'sp.key_digest',
            'sp.previous_key_digest',
            'sp.previous_key_expires_at',
            'sp.product_id',
            'sp.status as key_status',
            's.id as subscription_id',
            's.status as subscription_status',
            'c.id as client_id',
            'c.status as client_status',
            'c.organization_id',
          ])
          .stream(KEY_CHUNK_ROWS);
        const keys: GatewayKey[] = [];
        const nowMs = now.getTime();
        const shared = sharedStrings();
        for await (const row of keyRows) {
          const active = row.subscription_status === 'active' && row.key_status === 'approved' && row.client_status === 'active';
          // Literals with one field order, not spreads: 100,000 keys then share one hidden class.
          const runs = planRunsOf(row.subscription_id, row.product_id);
          keys.push(gatewayKey(row, row.key_digest, active, null, runs, shared));
          const previousExpiry = row.previous_key_expires_at === null ? null : Number(row.previous_key_expires_at);
          if (row.previous_key_digest !== null && previousExpiry !== null && previousExpiry > nowMs) {
            keys.push(gatewayKey(row, row.previous_key_digest, active, previousExpiry, runs, shared));
          }
        }
        const secret = await trx
          .selectFrom('platform_secrets')
          .select('value')
          .where('name', '=', 'access-token-hmac')
          .executeTakeFirstOrThrow();
        return {
          version,
          serverGroupId,
          accessTokenSecret: secret.value,
          projects: projectRows.map(toProject),
          products: productRows.map(({ id, quota, scopes }) => ({
            id,
            quota: quota === null ? null : (JSON.parse(quota) as Quota),
            scopes: JSON.parse(scopes) as string[],
            serverGroupIds: groups.get(id) ?? [],
            projectIds: projects.get(id) ?? [],
            successCriteria: successCriteria(id),
          })),
          keys,
          traceSessions: await activeTraceSessions(trx, serverGroupId, nowMs),
          exhaustedBalances: await listExhaustedBalances(trx),
        };
      }),
  };
}

/**
 * The success criteria of every product, from two queries whatever the number of products: null
 * for a product without rate plans (not monetized: its calls are not metered), else its own
 * criteria, or the default when none are set (a copy each: the default is the domain's object).
 */
async function loadSuccessCriteria(db: Kysely<Database>): Promise<(productId: string) => SuccessCriteria | null> {
  const planned = await db.selectFrom('rate_plans').select('product_id').distinct().execute();
  const monetized = new Set(planned.map((row) => row.product_id));
  const rows = await db.selectFrom('product_success_criteria').select(['product_id', 'criteria']).execute();
  const criteria = new Map(rows.map((row) => [row.product_id, JSON.parse(row.criteria) as SuccessCriteria]));
  return (productId) => (monetized.has(productId) ? (criteria.get(productId) ?? structuredClone(DEFAULT_SUCCESS_CRITERIA)) : null);
}

interface KeyRow {
  subscription_id: string;
  client_id: string;
  organization_id: string | null;
  product_id: string;
  quota_epoch: number | null;
}

/**
 * One copy of each distinct string: every row brings its own copy of its client's,
 * organization's and product's id, which 100,000 keys would otherwise each keep.
 */
function sharedStrings(): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    const existing = known.get(value);
    if (existing !== undefined) return existing;
    known.set(value, value);
    return value;
  };
}

function gatewayKey(
  row: KeyRow,
  keyDigest: string,
  active: boolean,
  expiresAt: number | null,
  planRuns: GatewayPlanRun[],
  shared: ReturnType<typeof sharedStrings>,
): GatewayKey {
  return {
    keyDigest,
    subscriptionId: row.subscription_id,
    clientId: shared(row.client_id),
    organizationId: row.organization_id === null ? null : shared(row.organization_id),
    productId: shared(row.product_id),
    active,
    expiresAt,
    quotaEpoch: Number(row.quota_epoch ?? 0),
    planRuns,
  };
}
