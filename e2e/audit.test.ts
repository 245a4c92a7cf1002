import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from './cli-process.js';
import { adminClient } from './platform.js';

const HEAD = /head (\d+):([0-9a-f]{64})/;

/**
 * The audit log of a real `tollgate start` (SQLite file): the API records the calls, and
 * `tollgate audit verify` finds the log intact, then catches a seeded edit, a deleted record and,
 * with the head kept from an earlier run, records cut from the end.
 */
describe('tollgate audit verify', () => {
  let root: string;
  let dataDir: string;

  /** A copy of the stopped platform's data directory, to tamper with. */
  function copy(name: string): string {
    const target = join(root, name);
    cpSync(dataDir, target, { recursive: true });
    return target;
  }

  /** Runs SQL on the copy's SQLite file, dropping the append-only triggers first, as an intruder with file access would. */
  function tamper(dir: string, statement: string): void {
    const db = new Database(join(dir, 'tollgate.db'));
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as Array<{
      name: string;
    }>) {
      db.exec(`DROP TRIGGER "${name}"`);
    }
    db.exec(statement);
    db.close();
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tollgate-audit-e2e-'));
    dataDir = join(root, 'data');
    const platform = await startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0']);
    const token = /export TOLLGATE_TOKEN=(\S+)/.exec(platform.stderr())?.[1] ?? '';
    const call = adminClient(platform.url, token);
    expect((await call('POST', '/products', { id: 'gold', name: 'Gold' })).status).toBe(201);
    expect((await call('PATCH', '/products/gold', { name: 'Gold 2' })).status).toBe(200);
    expect((await call('POST', '/clients', { id: 'carol', name: 'Carol', email: 'carol@example.test' })).status).toBe(201);
    expect((await adminClient(platform.url, 'wrong')('GET', '/products')).status).toBe(401);
    expect((await call('DELETE', '/products/gold')).status).toBe(204);
    const audit = await call('GET', '/audit');
    expect((audit.body as { items: Array<{ action: string }> }).items.map((r) => r.action)).toEqual([
      'deleteProduct',
      'listProducts',
      'createClient',
      'updateProduct',
      'createProduct',
    ]);
    expect(await platform.stop()).toBe(0);
  }, 60_000);

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('finds the log intact and prints its head', async () => {
    const run = await runCli(['audit', 'verify', '--data', dataDir], {});

    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/^audit log intact: 5 records; head 5:[0-9a-f]{64}\n$/);
  });

  it('reports a modified record', async () => {
    const dir = copy('edited');
    tamper(dir, "UPDATE audit_log SET actor_id = 'someone-else', actor_type = 'user' WHERE seq = 2");

    const run = await runCli(['audit', 'verify', '--data', dir], {});

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^record 2: .*modified/m);
    expect(run.stdout).toMatch(/NOT intact/);
  });

  it('reports a deleted record', async () => {
    const dir = copy('deleted');
    tamper(dir, 'DELETE FROM audit_log WHERE seq = 3');

    const run = await runCli(['audit', 'verify', '--data', dir], {});

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^record \d: .*(missing|deleted)/m);
  });

  it('reports records cut from the end only against the head kept from an earlier run', async () => {
    const intact = await runCli(['audit', 'verify', '--data', dataDir], {});
    const [, seq, hash] = HEAD.exec(intact.stdout) ?? [];
    const dir = copy('truncated');
    tamper(dir, 'DELETE FROM audit_log WHERE seq = 5');

    const withoutHead = await runCli(['audit', 'verify', '--data', dir], {});
    const withHead = await runCli(['audit', 'verify', '--data', dir, '--head', `${seq}:${hash}`], {});

    expect(withoutHead.code).toBe(0);
    expect(withoutHead.stdout).toContain('4 records');
    expect(withHead.code).toBe(1);
    expect(withHead.stdout).toMatch(/^record 5: /m);
  });

  it('refuses the triggers a change through plain SQL', () => {
    const dir = copy('guarded');
    const db = new Database(join(dir, 'tollgate.db'));

    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE audit_log SET outcome = 'success' WHERE seq = 4")).toThrow(/append-only/);
    db.close();
  });
});
