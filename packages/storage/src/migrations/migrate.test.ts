import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '@tollgate/domain';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore, SQLITE_FILE, type StoreOptions } from '../store.js';
import { createTestSchema, testPostgresUrl } from '../testing/index.js';

const postgresUrl = testPostgresUrl();
const MIGRATIONS = [
  '0001-initial',
  '0002-gateway',
  '0003-quotas',
  '0004-secrets',
  '0005-analytics',
  '0006-analytics-rollups',
  '0007-traces',
  '0008-users',
  '0009-auth-tokens',
  '0010-permissions',
  '0011-object-permissions',
  '0012-audit-log',
  '0013-rate-plans',
  '0014-plan-changes',
  '0015-metering-ledger',
  '0016-billing',
];

const AUDIT_ENTRY: AuditEntry = {
  time: '2026-01-02T03:04:05.678Z',
  actor: { type: 'bootstrap', id: null },
  sourceIp: '127.0.0.1',
  requestId: 'req-1',
  action: 'login',
  method: 'POST',
  path: '/api/v1/login',
  target: null,
  outcome: 'success',
  status: 200,
  changes: null,
};

/** Opens two stores on one new database at the same time; both must come up on the same schema. */
async function openTwoTogether(options: StoreOptions): Promise<void> {
  const stores = await Promise.all([openStore(options), openStore(options)]);
  try {
    for (const store of stores) {
      expect((await store.serverGroups.list({}, { limit: 10 })).items.map((g) => g.id)).toEqual(['development', 'production']);
    }
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
}

describe('migrations', () => {
  // SQLite's concurrent case needs two processes (better-sqlite3 waits for locks synchronously,
  // so two connections in one process would block each other); here: opening again is a no-op.
  it('apply exactly once across reopenings of a SQLite file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-migrate-'));
    try {
      await (await openStore({ dataDir })).close();
      await (await openStore({ dataDir })).close();
      const database = new SqliteDatabase(join(dataDir, SQLITE_FILE), { readonly: true });
      const names = database.prepare('select name from tollgate_migrations order by name').pluck().all();
      database.close();
      expect(names).toEqual(MIGRATIONS);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // A database from before 0012 never got VIEW_AUDIT_LOG (0010 grants the defaults of its day):
  // undo 0012 and take the permission away, as it was then, and open it again.
  const BEFORE_0012 = [
    'drop table audit_log',
    "delete from permission_grants where permission = 'VIEW_AUDIT_LOG'",
    "delete from tollgate_migrations where name = '0012-audit-log'",
  ];
  const auditGrants = "select principal_id from permission_grants where permission = 'VIEW_AUDIT_LOG' order by principal_id";

  it('grants VIEW_AUDIT_LOG to the administrators of a SQLite database from before the audit log', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-migrate-'));
    try {
      await (await openStore({ dataDir })).close();
      const database = new SqliteDatabase(join(dataDir, SQLITE_FILE));
      for (const statement of BEFORE_0012) database.exec(statement);
      database.close();
      const store = await openStore({ dataDir });
      expect((await store.audit.append(AUDIT_ENTRY)).seq).toBe(1);
      await store.close();
      const reopened = new SqliteDatabase(join(dataDir, SQLITE_FILE), { readonly: true });
      expect(reopened.prepare(auditGrants).pluck().all()).toEqual(['administrators']);
      reopened.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.skipIf(postgresUrl === undefined)(
    'grants VIEW_AUDIT_LOG to the administrators of a PostgreSQL database from before the audit log',
    async () => {
      const schema = await createTestSchema(postgresUrl ?? '');
      const client = new pg.Client({ connectionString: schema.url });
      try {
        await (await openStore({ databaseUrl: schema.url })).close();
        await client.connect();
        for (const statement of [...BEFORE_0012, 'drop function audit_log_append_only()']) await client.query(statement);
        const store = await openStore({ databaseUrl: schema.url });
        expect((await store.audit.append(AUDIT_ENTRY)).seq).toBe(1);
        await store.close();
        const { rows } = await client.query<{ principal_id: string }>(auditGrants);
        expect(rows.map((row) => row.principal_id)).toEqual(['administrators']);
      } finally {
        await client.end();
        await schema.drop();
      }
    },
  );

  it.skipIf(postgresUrl === undefined)('apply exactly once when two nodes open a new PostgreSQL schema together', async () => {
    const schema = await createTestSchema(postgresUrl ?? '');
    const client = new pg.Client({ connectionString: schema.url });
    try {
      await openTwoTogether({ databaseUrl: schema.url });
      await client.connect();
      const { rows } = await client.query<{ name: string }>('select name from tollgate_migrations order by name');
      expect(rows.map((row) => row.name)).toEqual(MIGRATIONS);
    } finally {
      await client.end();
      await schema.drop();
    }
  });
});
