import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openStore, SQLITE_FILE, type SqlStore } from '../store.js';

/** A store opened for one test, with the means to throw it away. */
export interface TestStore {
  store: SqlStore;
  /** Closes the store and deletes its file or schema. */
  dispose(): Promise<void>;
  /**
   * Runs one SQL statement on the store's database over a connection of its own, past the
   * store: for tests of what the schema itself refuses.
   */
  raw(statement: string): Promise<void>;
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
      async raw(statement) {
        const database = new SqliteDatabase(join(dir, SQLITE_FILE));
        try {
          database.exec(statement);
        } finally {
          database.close();
        }
      },
    };
  },
};

/** A PostgreSQL schema made for one test: a URL that selects it, and the means to drop it. */
export interface TestSchema {
  url: string;
  drop(): Promise<void>;
}

/** Creates a fresh schema and returns a URL whose connections use it (through `search_path`). */
export async function createTestSchema(url: string): Promise<TestSchema> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: scoped.toString(),
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** PostgreSQL: a fresh schema per store. */
function postgres(url: string): TestBackend {
  return {
    name: 'postgres',
    async open() {
      const schema = await createTestSchema(url);
      const store = await openStore({ databaseUrl: schema.url }).catch(async (error: unknown) => {
        await schema.drop();
        throw error;
      });
      return {
        store,
        async dispose() {
          await store.close();
          await schema.drop();
        },
        async raw(statement) {
          const client = new pg.Client({ connectionString: schema.url });
          await client.connect();
          try {
            await client.query(statement);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

/**
 * The PostgreSQL URL tests may use (`TOLLGATE_TEST_PG_URL`), or undefined after printing why
 * PostgreSQL tests are skipped. With `TOLLGATE_REQUIRE_SERVICES=1` (as in CI) a missing URL
 * throws instead, so a missing database never passes silently.
 */
export function testPostgresUrl(): string | undefined {
  const url = process.env.TOLLGATE_TEST_PG_URL;
  if (url !== undefined && url !== '') return url;
  if (process.env.TOLLGATE_REQUIRE_SERVICES === '1') {
    throw new Error('TOLLGATE_REQUIRE_SERVICES=1 but TOLLGATE_TEST_PG_URL is not set: PostgreSQL tests cannot run');
  }
  console.warn('[tollgate] PostgreSQL tests skipped: set TOLLGATE_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them');
  return undefined;
}

/** Backends to run a suite on: SQLite always, PostgreSQL when {@link testPostgresUrl} gives one. */
export function testBackends(): TestBackend[] {
  const url = testPostgresUrl();
  return url === undefined ? [sqlite] : [sqlite, postgres(url)];
}

export { sqlite as sqliteBackend };
