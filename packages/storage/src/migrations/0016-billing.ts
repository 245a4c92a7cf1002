import { type Kysely, sql } from 'kysely';

const FINAL = 'a final invoice never changes';

/**
 * Billing: invoices, prepaid top-ups, the exhausted balances gateway nodes enforce, and the lock
 * that makes one rating run at a time.
 *
 * - `invoices` and `balance_top_ups` have no foreign keys: they are records of what was owed and
 *   paid, kept when the client or the subscriptions they name are deleted.
 * - An invoice is unique per client, currency and period, so two rating runs cannot both insert
 *   one. `number` is null on a draft and unique once final (both dialects allow many nulls); the
 *   check keeps the two in step.
 * - Triggers refuse any update or delete of a final invoice, for the application and for anyone
 *   with plain SQL access: an issued invoice is a legal document. A draft may be rated again,
 *   deleted, or made final (once: after that it is final).
 * - `exhausted_balances` is configuration (nodes refuse prepaid calls on it) owned by its client
 *   (`cascade`).
 * - `rating_lock` is one row a rating run updates first, taking the write lock (SQLite) or its row
 *   lock (PostgreSQL) until its transaction ends; `runs` only counts them.
 * - Grants the new VIEW_BILLING and MANAGE_BILLING to the administrators: a new database got them
 *   from 0010 (the current defaults), one upgraded from before this migration did not.
 */
export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const text = 'text' as const;
  const millis = 'bigint' as const;

  await db.schema
    .createTable('invoices')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('number', 'bigint', (c) => c.unique())
    .addColumn('client_id', text, (c) => c.notNull())
    .addColumn('currency', text, (c) => c.notNull())
    .addColumn('period_start', millis, (c) => c.notNull())
    .addColumn('period_end', millis, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull().check(sql`status in ('draft', 'final')`))
    .addColumn('lines', text, (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('rated_at', millis, (c) => c.notNull())
    .addColumn('finalized_at', millis)
    .addColumn('due_at', millis)
    .addColumn('created_at', millis, (c) => c.notNull())
    .addUniqueConstraint('invoices_period_unique', ['client_id', 'currency', 'period_start', 'period_end'])
    .addCheckConstraint('invoices_number_when_final', sql`(status = 'draft') = (number is null)`)
    .execute();
  // The list's order (newest period, client, currency, id), unfiltered and for one client.
  await db.schema.createIndex('invoices_by_period').on('invoices').columns(['period_start desc', 'client_id', 'currency', 'id']).execute();
  await db.schema.createIndex('invoices_by_client').on('invoices').columns(['client_id', 'period_start desc', 'currency', 'id']).execute();

  if (dialect === 'sqlite') {
    for (const event of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`invoices_final_no_${event}`)} before ${sql.raw(event)} on invoices
        when old.status = 'final' begin select raise(abort, ${sql.lit(FINAL)}); end`.execute(db);
    }
  } else {
    await sql`create function invoices_final_unchanged() returns trigger language plpgsql as $$
      begin raise exception ${sql.lit(FINAL)}; end $$`.execute(db);
    await sql`create trigger invoices_final_no_change before update or delete on invoices
      for each row when (old.status = 'final') execute function invoices_final_unchanged()`.execute(db);
    // TRUNCATE fires no row trigger: refused outright while any invoice is final.
    await sql`create function invoices_final_untruncated() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from invoices where status = 'final') then raise exception ${sql.lit(FINAL)}; end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger invoices_final_no_truncate before truncate on invoices
      for each statement execute function invoices_final_untruncated()`.execute(db);
  }

  await db.schema
    .createTable('balance_top_ups')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('client_id', text, (c) => c.notNull())
    .addColumn('currency', text, (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('balance_top_ups_by_client').on('balance_top_ups').columns(['client_id', 'created_at']).execute();

  await db.schema
    .createTable('exhausted_balances')
    .addColumn('client_id', text, (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('currency', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('exhausted_balances_pkey', ['client_id', 'currency'])
    .execute();

  await db.schema
    .createTable('rating_lock')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('runs', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into rating_lock (id, runs) values (1, 0)`.execute(db);

  for (const permission of ['VIEW_BILLING', 'MANAGE_BILLING']) {
    await sql`insert into permission_grants (principal_type, principal_id, permission)
      values ('group', 'administrators', ${permission}) on conflict do nothing`.execute(db);
  }
}
