import { type Kysely, sql } from 'kysely';
import * as initial from './0001-initial.js';
import * as gateway from './0002-gateway.js';
import * as quotas from './0003-quotas.js';
import * as secrets from './0004-secrets.js';
import * as analytics from './0005-analytics.js';
import * as analyticsRollups from './0006-analytics-rollups.js';
import * as traces from './0007-traces.js';
import * as users from './0008-users.js';
import * as authTokens from './0009-auth-tokens.js';
import * as permissions from './0010-permissions.js';
import * as objectPermissions from './0011-object-permissions.js';
import * as auditLog from './0012-audit-log.js';
import * as ratePlans from './0013-rate-plans.js';
import * as planChanges from './0014-plan-changes.js';
import * as meteringLedger from './0015-metering-ledger.js';
import * as billing from './0016-billing.js';

/** One schema change; `up` runs inside the migration transaction, told which database it is on. */
interface Migration {
  up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void>;
}

/**
 * Every migration, in order. Names are numbered so they sort; a migration, once released,
 * is never edited: a change is a new number.
 */
const MIGRATIONS: ReadonlyArray<[string, Migration]> = [
  ['0001-initial', initial],
  ['0002-gateway', gateway],
  ['0003-quotas', quotas],
  ['0004-secrets', secrets],
  ['0005-analytics', analytics],
  ['0006-analytics-rollups', analyticsRollups],
  ['0007-traces', traces],
  ['0008-users', users],
  ['0009-auth-tokens', authTokens],
  ['0010-permissions', permissions],
  ['0011-object-permissions', objectPermissions],
  ['0012-audit-log', auditLog],
  ['0013-rate-plans', ratePlans],
  ['0014-plan-changes', planChanges],
  ['0015-metering-ledger', meteringLedger],
  ['0016-billing', billing],
];

/** Arbitrary constant: the PostgreSQL advisory lock that serialises concurrent starts. */
const MIGRATION_LOCK = 7_246_110_301;

/**
 * Brings the schema up to date, all pending migrations in one transaction: on PostgreSQL under
 * an advisory lock, on SQLite under `BEGIN IMMEDIATE`, so nodes starting together migrate once.
 *
 * Why not Kysely's Migrator: it checks for its tables by introspecting every table of every
 * schema in the database on each start, which grows with unrelated schemas and fails when
 * another schema is dropped during the scan (seen with tests and schema-per-tenant setups).
 * A table of applied names read in our own schema needs neither.
 */
export async function migrate(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const apply = async (trx: Kysely<unknown>) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists tollgate_migrations (name text primary key, applied_at bigint not null)`.execute(trx);
    const rows = await sql<{ name: string }>`select name from tollgate_migrations`.execute(trx);
    const applied = new Set(rows.rows.map((row) => row.name));
    for (const [name, migration] of MIGRATIONS) {
      if (applied.has(name)) continue;
      await migration.up(trx, dialect);
      await sql`insert into tollgate_migrations (name, applied_at) values (${name}, ${Date.now()})`.execute(trx);
    }
  };
  if (dialect === 'postgres') {
    await db.transaction().execute(apply);
    return;
  }
  // SQLite: take the write lock up front, or two processes could both read "not applied".
  await db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      await apply(connection);
      await sql`commit`.execute(connection);
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
