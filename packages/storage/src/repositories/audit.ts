import type { AuditEntry, AuditFilter, AuditLog, AuditRecord } from '@tollgate/domain';
import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { auditHash, GENESIS_HASH } from '../crypto/audit-chain.js';
import { decodeCursor, toIso, toMillis, toPageBy } from '../sql/codec.js';
import { atomic } from '../sql/links.js';
import type { AuditLogTable, Database } from '../sql/schema.js';

/** Arbitrary constant: the PostgreSQL advisory lock (one-key space, like the migrations') that serialises appenders. */
const AUDIT_LOCK = 7_246_110_302;

/** Records read per query by `scan`. */
export const AUDIT_SCAN_CHUNK = 500;

type EntryRow = Omit<Insertable<AuditLogTable>, 'seq' | 'prev_hash' | 'hash'>;

function toRow(entry: AuditEntry): EntryRow {
  const time = toMillis(entry.time);
  if (!Number.isFinite(time)) throw new TypeError(`audit entry with an invalid time: ${entry.time}`);
  return {
    time,
    actor_type: entry.actor.type,
    actor_id: entry.actor.id,
    source_ip: entry.sourceIp,
    request_id: entry.requestId,
    action: entry.action,
    method: entry.method,
    path: entry.path,
    target_type: entry.target?.type ?? null,
    target_id: entry.target?.id ?? null,
    outcome: entry.outcome,
    status: entry.status,
    changes: entry.changes === null ? null : JSON.stringify(entry.changes),
  };
}

/** The entry as the log reads it back: what its hash covers. */
function toEntry(row: EntryRow): AuditEntry {
  return {
    time: toIso(row.time),
    actor: { type: row.actor_type, id: row.actor_id ?? null },
    sourceIp: row.source_ip,
    requestId: row.request_id,
    action: row.action,
    method: row.method,
    path: row.path,
    target: row.target_type == null || row.target_id == null ? null : { type: row.target_type, id: row.target_id },
    outcome: row.outcome,
    status: Number(row.status),
    changes: row.changes == null ? null : JSON.parse(row.changes),
  };
}

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return { seq: Number(row.seq), ...toEntry(row), prevHash: row.prev_hash, hash: row.hash };
}

/**
 * Runs `work` as the only appender: on PostgreSQL under a transaction-scoped advisory lock, in
 * the caller's transaction or a new one. On SQLite the one connection's mutex already
 * serialises this process; outside a transaction, `BEGIN IMMEDIATE` takes the write lock before
 * the last record is read, so that another process on the same file cannot append in between
 * (it waits for the lock, up to the busy timeout). In a caller's transaction on SQLite, a
 * second process appending in between makes the insert fail, never fork the chain (`seq` is the
 * primary key).
 */
function asAppender<T>(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') {
    return atomic(db, async (trx) => {
      await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK)})`.execute(trx);
      return work(trx);
    });
  }
  if (db.isTransaction) return work(db);
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

/** Who the filter's `actor` names: a user by username; `bootstrap` and `anonymous` also name those actors. */
function actorIs(actor: string) {
  return (eb: ExpressionBuilder<Database, 'audit_log'>) =>
    actor === 'bootstrap' || actor === 'anonymous'
      ? eb.or([eb('actor_type', '=', actor), eb.and([eb('actor_type', '=', 'user'), eb('actor_id', '=', actor)])])
      : eb('actor_id', '=', actor);
}

/**
 * The audit log in SQL: one append-only table, each row chained to the one before by its hash
 * (`auditHash`). Not configuration: appending bumps no version. Bound to a transaction, `append`
 * writes in it (and rolls back with it).
 */
export function auditLog(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): AuditLog {
  return {
    append(entry) {
      const row = toRow(entry);
      const stored = toEntry(row);
      return asAppender(db, dialect, async (trx) => {
        const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
        const seq = last === undefined ? 1 : Number(last.seq) + 1;
        const prevHash = last?.hash ?? GENESIS_HASH;
        const hash = auditHash(prevHash, seq, stored);
        await trx
          .insertInto('audit_log')
          .values({ seq, ...row, prev_hash: prevHash, hash })
          .execute();
        return { seq, ...stored, prevHash, hash };
      });
    },

    async list(filter: AuditFilter, page) {
      const cursor = decodeCursor(page.cursor);
      const before = cursor === undefined ? undefined : Number(cursor);
      // A cursor this list did not make starts nowhere.
      if (before !== undefined && !Number.isSafeInteger(before)) return { items: [], nextCursor: null };
      const { actor, targetType, targetId, action, outcome, from, to } = filter;
      let query = db.selectFrom('audit_log').selectAll();
      if (before !== undefined) query = query.where('seq', '<', before);
      if (actor !== undefined) query = query.where(actorIs(actor));
      if (targetType !== undefined) query = query.where('target_type', '=', targetType);
      if (targetId !== undefined) query = query.where('target_id', '=', targetId);
      if (action !== undefined) query = query.where('action', '=', action);
      if (outcome !== undefined) query = query.where('outcome', '=', outcome);
      if (from !== undefined) query = query.where('time', '>=', from);
      if (to !== undefined) query = query.where('time', '<', to);
      const rows = await query
        .orderBy('seq', 'desc')
        .limit(page.limit + 1)
        .execute();
      return toPageBy(rows.map(toRecord), page, (record) => String(record.seq));
    },

    // Chunks by seq, not a cursor stream: no query is open while the caller handles a record, so
    // it may use the store meanwhile (on SQLite a stream would hold the only connection).
    async *scan(afterSeq = 0) {
      let after = afterSeq;
      for (;;) {
        const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(AUDIT_SCAN_CHUNK).execute();
        for (const row of rows) yield toRecord(row);
        const last = rows.at(-1);
        if (rows.length < AUDIT_SCAN_CHUNK || last === undefined) return;
        after = Number(last.seq);
      }
    },
  };
}
