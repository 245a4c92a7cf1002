import { type Kysely, sql } from 'kysely';

const APPEND_ONLY = 'audit_log is append-only';

/**
 * The audit log: one row per management API call, each chained to the one before by its hash
 * (see `crypto/audit-chain.ts`). `seq` is assigned by the repository (the last one + 1, under a
 * lock), not by the database, so it has no gaps. Triggers refuse every update and delete: the
 * table is append-only for the application and for anyone with plain SQL access short of
 * dropping the triggers (the hash chain, checked against a head kept elsewhere, covers that).
 *
 * Also grants the new VIEW_AUDIT_LOG to the administrators: a new database got it from 0010
 * (which grants the current defaults), one upgraded from before this migration did not.
 */
export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.primaryKey())
    .addColumn('time', 'bigint', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull().check(sql`actor_type in ('user', 'bootstrap', 'anonymous')`))
    .addColumn('actor_id', 'text')
    .addColumn('source_ip', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('success', 'failure', 'denied')`))
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('changes', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // One index per filter of the list (newest first within each); `time` also serves from/to.
  await db.schema.createIndex('audit_log_by_time').on('audit_log').column('time').execute();
  await db.schema.createIndex('audit_log_by_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_by_target').on('audit_log').columns(['target_type', 'target_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_by_action').on('audit_log').columns(['action', 'seq']).execute();

  if (dialect === 'sqlite') {
    for (const event of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`audit_log_no_${event}`)} before ${sql.raw(event)} on audit_log
        begin select raise(abort, ${sql.lit(APPEND_ONLY)}); end`.execute(db);
    }
  } else {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception ${sql.lit(APPEND_ONLY)}; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  }

  await sql`insert into permission_grants (principal_type, principal_id, permission)
    values ('group', 'administrators', 'VIEW_AUDIT_LOG') on conflict do nothing`.execute(db);
}
