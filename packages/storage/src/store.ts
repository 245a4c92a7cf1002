import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Repositories, Store } from '@tollgate/domain';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { migrate } from './migrations/index.js';
import { analyticsStore } from './repositories/analytics.js';
import { auditLog } from './repositories/audit.js';
import { authTokenStore } from './repositories/auth-tokens.js';
import { billingStore } from './repositories/billing.js';
import { clientRepository } from './repositories/clients.js';
import { exhaustedBalanceRepository } from './repositories/exhausted-balances.js';
import { bumpConfigVersion, gatewayConfigSource } from './repositories/gateway-config.js';
import { nodeRegistry } from './repositories/gateway-nodes.js';
import { groupRepository } from './repositories/groups.js';
import { meteringLedger } from './repositories/metering.js';
import { objectPermissionRepository } from './repositories/object-permissions.js';
import { organizationRepository } from './repositories/organizations.js';
import { permissionGrantRepository } from './repositories/permissions.js';
import { planChangeRepository } from './repositories/plan-changes.js';
import { productRepository } from './repositories/products.js';
import { projectRepository } from './repositories/projects.js';
import { quotaRepository } from './repositories/quotas.js';
import { ratePlanRepository } from './repositories/rate-plans.js';
import { serverGroupRepository } from './repositories/server-groups.js';
import { subscriptionRepository } from './repositories/subscriptions.js';
import { successCriteriaRepository } from './repositories/success-criteria.js';
import { traceSessionRepository, traceStore } from './repositories/traces.js';
import { userRepository } from './repositories/users.js';
import { translateUnavailable } from './sql/errors.js';
import type { Database } from './sql/schema.js';

/** Where the configuration lives. */
export interface StoreOptions {
  /** `postgres://…` for PostgreSQL; unset for the embedded SQLite file in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Directory of the SQLite file (`tollgate.db`); created if missing. */
  dataDir?: string | undefined;
  /**
   * SQLite page cache of the connection, in KiB (default: better-sqlite3's 16 MiB). A process
   * that only polls and reloads the gateway configuration gains nothing from a large one: every
   * reload reads the key tables through once.
   */
  sqliteCacheKiB?: number | undefined;
}

/** A store over SQL, with the dialect it runs on. */
export interface SqlStore extends Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** The SQLite file, when the store is SQLite. */
  readonly file: string | undefined;
}

/** Name of the SQLite file inside the data directory. */
export const SQLITE_FILE = 'tollgate.db';

const INT8_OID = 20;

function repositoriesOf(db: Kysely<Database>): Repositories {
  return {
    serverGroups: serverGroupRepository(db),
    projects: projectRepository(db),
    products: productRepository(db),
    organizations: organizationRepository(db),
    clients: clientRepository(db),
    subscriptions: subscriptionRepository(db),
    quotas: quotaRepository(db),
    traceSessions: traceSessionRepository(db),
    users: userRepository(db),
    groups: groupRepository(db),
    permissions: permissionGrantRepository(db),
    objectPermissions: objectPermissionRepository(db),
    ratePlans: ratePlanRepository(db),
    successCriteria: successCriteriaRepository(db),
    planChanges: planChangeRepository(db),
    exhaustedBalances: exhaustedBalanceRepository(db),
  };
}

/** The methods of each repository that write configuration (every other method only reads). */
const WRITES: { [K in keyof Repositories]: ReadonlyArray<keyof Repositories[K]> } = {
  serverGroups: ['insert', 'update', 'delete'],
  projects: ['insert', 'update', 'delete', 'insertDeployment', 'deleteDeployment', 'updateDeploymentContextPath'],
  products: ['insert', 'update', 'delete'],
  organizations: ['insert', 'update', 'delete'],
  clients: ['insert', 'update', 'delete'],
  subscriptions: ['insert', 'update', 'delete'],
  quotas: ['reset'],
  traceSessions: ['start', 'stop'],
  users: ['insert', 'update', 'delete'],
  groups: ['insert', 'update', 'delete'],
  permissions: ['set'],
  objectPermissions: ['replace'],
  ratePlans: ['insert', 'update', 'delete'],
  successCriteria: ['set'],
  planChanges: ['schedule'],
  exhaustedBalances: ['set'],
};

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * Rewrites every method of `repositories` with `wrap`, telling it which ones write. The cast
 * is confined here: each method keeps its own signature, only what happens around it changes.
 */
function mapMethods(
  repositories: Repositories,
  wrap: (name: keyof Repositories, method: string, run: AnyMethod, writes: boolean) => AnyMethod,
): Repositories {
  const result = {} as Record<keyof Repositories, Record<string, AnyMethod>>;
  for (const name of Object.keys(WRITES) as Array<keyof Repositories>) {
    const repository = { ...(repositories[name] as unknown as Record<string, AnyMethod>) };
    for (const [method, run] of Object.entries(repository)) {
      repository[method] = wrap(name, method, run, (WRITES[name] as readonly string[]).includes(method));
    }
    result[name] = repository;
  }
  return result as unknown as Repositories;
}

/** Runs `run`, turning a lost connection into STORAGE_UNAVAILABLE. */
async function available<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translateUnavailable(error);
  }
}

/** `available` for a streamed read: driver errors met while iterating are translated too. */
async function* availableStream<T>(open: () => AsyncIterable<T>): AsyncIterable<T> {
  try {
    yield* open();
  } catch (error) {
    throw translateUnavailable(error);
  }
}

/**
 * Repositories whose writes change nothing gateway nodes serve: who may manage what. They are
 * written in transactions like the others, but bump no version, so changing a user, a group or a
 * permission makes no node reload its snapshot.
 */
const UNVERSIONED: ReadonlySet<keyof Repositories> = new Set(['users', 'groups', 'permissions', 'objectPermissions']);

/** Repositories bound to a transaction whose configuration writes also bump the configuration version. */
function versionedRepositories(trx: Kysely<Database>): Repositories {
  return mapMethods(repositoriesOf(trx), (name, _method, run, writes) =>
    writes && !UNVERSIONED.has(name)
      ? async (...args) => {
          const result = await run(...args);
          await bumpConfigVersion(trx);
          return result;
        }
      : run,
  );
}

/**
 * The transaction `Store.transaction` is running, carried by the async context of its work:
 * its connection and its repositories. `open` turns false when it ends.
 */
interface Ambient {
  trx: Kysely<Database>;
  repositories: Repositories;
  open: boolean;
}

function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

function connect(options: StoreOptions): { db: Kysely<Database>; dialect: SqlStore['dialect']; file: string | undefined } {
  if (isPostgresUrl(options.databaseUrl)) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      // Epoch-millisecond columns are bigint; they fit a JS number until the year 287396.
      types: { getTypeParser: (oid, format) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) },
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    // The cursor lets large reads (the gateway's keys) stream in chunks instead of one result.
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) }), dialect: 'postgres', file: undefined };
  }
  if (options.databaseUrl !== undefined) throw new Error(`unsupported database URL (expected postgres://…): ${options.databaseUrl}`);
  const dir = options.dataDir ?? '.tollgate';
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SQLITE_FILE);
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  if (options.sqliteCacheKiB !== undefined) database.pragma(`cache_size = ${-Math.max(1, Math.trunc(options.sqliteCacheKiB))}`);
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite', file };
}

/**
 * Opens the configuration store and brings its schema up to date (numbered migrations, the
 * same on SQLite and PostgreSQL). SQLite runs in WAL mode with foreign keys on.
 */
export async function openStore(options: StoreOptions): Promise<SqlStore> {
  const { db, dialect, file } = connect(options);
  try {
    await migrate(db as Kysely<unknown>, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // The ambient transaction: `transaction` runs its work inside `als.run`, so whatever the work
  // calls through this store, however deep and through whichever service, finds it here.
  const als = new AsyncLocalStorage<Ambient>();
  const ambientTransaction = (): Ambient | undefined => {
    const ambient = als.getStore();
    return ambient?.open ? ambient : undefined;
  };
  /**
   * The database the current call must run on: the ambient transaction, or else the root. Every
   * query reached through this store goes through it. Querying the root inside a transaction
   * would be wrong on both backends: on SQLite Kysely has one connection behind a mutex that the
   * transaction holds until it ends, so the query would wait forever (a deadlock); on PostgreSQL
   * it would run on another pooled connection, outside the transaction (kept when it rolls back,
   * blind to its uncommitted writes, blocked by its row locks).
   */
  const current = (): Kysely<Database> => ambientTransaction()?.trx ?? db;

  /**
   * `make(current())` per call: a facet built from the root serves calls outside any
   * transaction (the common case); inside one, the facet is built again on the transaction.
   */
  function ambient<F extends object>(make: (db: Kysely<Database>) => F): F {
    const root = make(db);
    const facet: Record<string, (...args: unknown[]) => unknown> = {};
    for (const method of Object.keys(root)) {
      facet[method] = (...args) => {
        const on = current();
        return ((on === db ? root : make(on)) as Record<string, (...args: unknown[]) => unknown>)[method]?.(...args);
      };
    }
    return facet as F;
  }

  /**
   * Transactions running now. On Node 20 an enabled AsyncLocalStorage installs a hook on every
   * async resource of the process (promises included), the embedded gateway nodes' too, so it is
   * disabled whenever no transaction runs; `run` enables it again (docs/benchmarks.md, Metering).
   */
  let running = 0;
  // A transaction inside one (ambient) joins it: no nested BEGIN, one commit or rollback for all.
  const transaction: Store['transaction'] = (work) => {
    const joined = ambientTransaction();
    if (joined !== undefined) return available(() => work(joined.repositories));
    return available(() =>
      db.transaction().execute(async (trx) => {
        const ambient: Ambient = { trx, repositories: versionedRepositories(trx), open: true };
        running++;
        try {
          return await als.run(ambient, () => work(ambient.repositories));
        } finally {
          // Work left running after the end (a promise not awaited) must not use a finished transaction.
          ambient.open = false;
          if (--running === 0) als.disable();
        }
      }),
    );
  };
  const call = (repositories: Repositories, name: keyof Repositories, method: string, args: unknown[]) =>
    (repositories[name] as unknown as Record<string, AnyMethod>)[method]?.(...args) ?? Promise.resolve();
  // Outside a transaction, reads go straight to the database and each write gets its own
  // transaction; inside one, both go to the transaction's repositories.
  const repositories = mapMethods(repositoriesOf(db), (name, method, run, writes) =>
    writes
      ? (...args) => transaction((repos) => call(repos, name, method, args))
      : (...args) => {
          const joined = ambientTransaction();
          return available(() => (joined === undefined ? run(...args) : call(joined.repositories, name, method, args)));
        },
  );
  const analytics = ambient(analyticsStore);
  const traces = ambient((on) => traceStore(on, dialect));
  const authTokens = ambient(authTokenStore);
  const audit = ambient((on) => auditLog(on, dialect));
  const metering = ambient(meteringLedger);
  const billing = ambient((on) => billingStore(on, dialect));
  return {
    ...repositories,
    dialect,
    file,
    transaction,
    gatewayConfig: ambient(gatewayConfigSource),
    nodes: ambient(nodeRegistry),
    // Not configuration: a batch of events is one transaction (its own, or the caller's) and bumps no version.
    analytics: {
      write: (batch) => available(() => analytics.write(batch)),
      rollups: (filter) => availableStream(() => analytics.rollups(filter)),
      topValues: (filter, limit) => available(() => analytics.topValues(filter, limit)),
      events: (filter) => availableStream(() => analytics.events(filter)),
      prune: (cutoffs) => available(() => analytics.prune(cutoffs)),
    },
    traces: {
      write: (trace, maxCalls) => available(() => traces.write(trace, maxCalls)),
      list: (projectId, page) => available(() => traces.list(projectId, page)),
      get: (projectId, traceId) => available(() => traces.get(projectId, traceId)),
    },
    // Not configuration either: logging in or out, or issuing a token, bumps no version.
    authTokens: {
      insert: (token) => available(() => authTokens.insert(token)),
      find: (digest) => available(() => authTokens.find(digest)),
      delete: (digest) => available(() => authTokens.delete(digest)),
      listApiTokens: (username) => available(() => authTokens.listApiTokens(username)),
      deleteApiToken: (username, id) => available(() => authTokens.deleteApiToken(username, id)),
      deleteExpired: (now) => available(() => authTokens.deleteExpired(now)),
    },
    // Nor is the audit log; appended in a transaction, a record commits or rolls back with it.
    audit: {
      append: (entry) => available(() => audit.append(entry)),
      list: (filter, page) => available(() => audit.list(filter, page)),
      scan: (afterSeq) => availableStream(() => audit.scan(afterSeq)),
    },
    // Nor is the metering ledger: a batch of calls is one transaction (its own, or the caller's) and bumps no version.
    metering: {
      record: (calls) => available(() => metering.record(calls)),
      usage: (filter) => available(() => metering.usage(filter)),
    },
    // Nor are invoices and top-ups: rating writes them in its own transaction (after `lockRating`).
    billing: {
      lockRating: () => available(() => billing.lockRating()),
      findInvoice: (clientId, currency, periodStart, periodEnd) =>
        available(() => billing.findInvoice(clientId, currency, periodStart, periodEnd)),
      getInvoice: (id) => available(() => billing.getInvoice(id)),
      listInvoices: (filter, page) => available(() => billing.listInvoices(filter, page)),
      insertInvoice: (invoice) => available(() => billing.insertInvoice(invoice)),
      updateDraft: (id, lines, total, ratedAt) => available(() => billing.updateDraft(id, lines, total, ratedAt)),
      finalize: (id, finalizedAt, dueAt) => available(() => billing.finalize(id, finalizedAt, dueAt)),
      addTopUp: (topUp) => available(() => billing.addTopUp(topUp)),
      topUps: (clientId) => available(() => billing.topUps(clientId)),
    },
    close: () => db.destroy(),
  };
}
