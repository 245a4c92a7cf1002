import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type SqlStore } from '../store.js';

/** A store opened for one test, with the means to throw it away. */
export interface TestStore {
  store: SqlStore;
  /** Closes the store and deletes its file or schema. */
  dispose(): Promise<void>;
}

/** A database kind a contract suite runs on. */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestStore>;
}

const sqlite: TestBackend = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-test-'));
    const store = await openStore({ dataDir: dir });
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** PostgreSQL: a fresh schema per store, selected through the connection's `search_path`. */
function postgres(url: string): TestBackend {
  return {
    name: 'postgres',
    async open() {
      const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      const store = await openStore({ databaseUrl: scoped.toString() });
      return {
        store,
        async dispose() {
          await store.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  };
}

/**
 * Backends to run a suite on: SQLite always, PostgreSQL when `TOLLGATE_TEST_PG_URL` is set.
 * Without it the PostgreSQL run is skipped with a printed reason, or fails when
 * `TOLLGATE_REQUIRE_SERVICES=1` (as in CI), so a missing database never passes silently.
 */
export function testBackends(): TestBackend[] {
  const url = process.env.TOLLGATE_TEST_PG_URL;
  if (url !== undefined && url !== '') return [sqlite, postgres(url)];
  if (process.env.TOLLGATE_REQUIRE_SERVICES === '1') {
    throw new Error('TOLLGATE_REQUIRE_SERVICES=1 but TOLLGATE_TEST_PG_URL is not set: PostgreSQL tests cannot run');
  }
  console.warn('[tollgate] PostgreSQL tests skipped: set TOLLGATE_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them');
  return [sqlite];
}

export { sqlite as sqliteBackend };
