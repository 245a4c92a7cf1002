import type { Trace, TraceSession, TraceSessionRepository, TraceStore, TraceSummary } from '@tollgate/domain';
import { type Kysely, sql } from 'kysely';
import { atomic } from '../sql/links.js';
import type { Database, TraceSessionTable } from '../sql/schema.js';

function toSession(row: TraceSessionTable): TraceSession {
  return {
    id: row.id,
    projectId: row.project_id,
    serverGroupId: row.server_group_id,
    startedAt: new Date(Number(row.started_at)).toISOString(),
    expiresAt: new Date(Number(row.expires_at)).toISOString(),
    maxCalls: Number(row.max_calls),
  };
}

/** Trace sessions in SQL: one row per project, replaced by a new session. */
export function traceSessionRepository(db: Kysely<Database>): TraceSessionRepository {
  return {
    async start(session) {
      const row = {
        project_id: session.projectId,
        id: session.id,
        server_group_id: session.serverGroupId,
        started_at: Date.parse(session.startedAt),
        expires_at: Date.parse(session.expiresAt),
        max_calls: session.maxCalls,
      };
      await db
        .insertInto('trace_sessions')
        .values(row)
        .onConflict((conflict) => conflict.column('project_id').doUpdateSet(row))
        .execute();
    },
    async stop(projectId) {
      const result = await db.deleteFrom('trace_sessions').where('project_id', '=', projectId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async get(projectId) {
      const row = await db.selectFrom('trace_sessions').selectAll().where('project_id', '=', projectId).executeTakeFirst();
      return row === undefined ? undefined : toSession(row);
    },
  };
}

/** A group's sessions still running at `now`, as a node's configuration carries them. */
export async function activeTraceSessions(db: Kysely<Database>, serverGroupId: string, now: number): Promise<TraceSession[]> {
  const rows = await db
    .selectFrom('trace_sessions')
    .selectAll()
    .where('expires_at', '>', now)
    .where((eb) => eb.or([eb('server_group_id', 'is', null), eb('server_group_id', '=', serverGroupId)]))
    .orderBy('project_id')
    .execute();
  return rows.map(toSession);
}

/** The cursor of a page: the last item's time and id, base64url. */
function encodeCursor(receivedAt: number, id: string): string {
  return Buffer.from(`${receivedAt}.${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { receivedAt: number; id: string } | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const dot = text.indexOf('.');
  const receivedAt = Number(text.slice(0, dot));
  return dot <= 0 || !Number.isSafeInteger(receivedAt) ? undefined : { receivedAt, id: text.slice(dot + 1) };
}

/**
 * Key class of the PostgreSQL advisory locks that serialise the writes of one session (the
 * two-key lock space, apart from the migrations' one-key lock).
 */
const TRACE_LOCK_CLASS = 7_246_110;

/** Inserts a traced call unless its session already holds `maxCalls` or the call is stored; true when inserted. */
async function insertTrace(db: Kysely<Database>, trace: Trace, maxCalls: number): Promise<boolean> {
  const receivedAt = Date.parse(trace.receivedAt);
  // The casts type the parameters for PostgreSQL, which cannot infer them in a SELECT list.
  const result = await sql`
    insert into traces (id, session_id, project_id, server_group_id, node_id, received_at, method, path, status, duration_ms, document)
    select ${trace.id}, ${trace.sessionId}, ${trace.projectId}, ${trace.serverGroupId}, ${trace.nodeId}, cast(${receivedAt} as bigint),
           ${trace.request.method}, ${trace.request.path}, cast(${trace.response.status} as integer),
           cast(${trace.durationMs} as double precision), ${JSON.stringify(trace)}
    where (select count(*) from traces where session_id = ${trace.sessionId}) < ${maxCalls}
    on conflict (id) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * Traced calls in SQL. Writing one checks the session's count and inserts in one statement. On
 * SQLite that statement holds the write lock throughout; on PostgreSQL, whose statements read a
 * snapshot taken when they start, concurrent writers (nodes, or one node's pool) would each count
 * the same calls and together overfill the session, so a transaction-scoped advisory lock on the
 * session serialises its writers, and the insert, a later statement, counts what they committed.
 */
export function traceStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): TraceStore {
  return {
    async write(trace: Trace, maxCalls: number) {
      if (dialect === 'sqlite') return insertTrace(db, trace, maxCalls);
      return atomic(db, async (trx) => {
        await sql`select pg_advisory_xact_lock(${sql.lit(TRACE_LOCK_CLASS)}, hashtext(${trace.sessionId}))`.execute(trx);
        return insertTrace(trx, trace, maxCalls);
      });
    },

    async list(projectId, page) {
      let query = db
        .selectFrom('traces')
        .select(['id', 'session_id', 'server_group_id', 'node_id', 'received_at', 'method', 'path', 'status', 'duration_ms'])
        .where('project_id', '=', projectId);
      const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      if (page.cursor !== undefined && after === undefined) return { items: [], nextCursor: null };
      if (after !== undefined) {
        query = query.where((eb) =>
          eb.or([eb('received_at', '<', after.receivedAt), eb.and([eb('received_at', '=', after.receivedAt), eb('id', '<', after.id)])]),
        );
      }
      const rows = await query
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit + 1)
        .execute();
      const items: TraceSummary[] = rows.slice(0, page.limit).map((row) => ({
        id: row.id,
        sessionId: row.session_id,
        serverGroupId: row.server_group_id,
        nodeId: row.node_id,
        receivedAt: new Date(Number(row.received_at)).toISOString(),
        method: row.method,
        path: row.path,
        status: Number(row.status),
        durationMs: Number(row.duration_ms),
      }));
      const last = rows[page.limit - 1];
      return { items, nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor(Number(last.received_at), last.id) : null };
    },

    async get(projectId, traceId) {
      const row = await db
        .selectFrom('traces')
        .select('document')
        .where('project_id', '=', projectId)
        .where('id', '=', traceId)
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.document) as Trace);
    },
  };
}
