import { AUDIT_OUTCOMES, type AuditFilter, type AuditRecord, AuditRecordSchema, type Services } from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BEARER, ERROR_RESPONSES, listQuerySchema, pageSchema, sendCsv, splitListQuery } from './common.js';

/** Most records one CSV export holds; narrow the filter for more. */
export const MAX_AUDIT_CSV_ROWS = 100_000;

const CSV_HEADER = [
  'seq',
  'time',
  'actorType',
  'actorId',
  'sourceIp',
  'requestId',
  'action',
  'method',
  'path',
  'targetType',
  'targetId',
  'outcome',
  'status',
  'changes',
  'prevHash',
  'hash',
];

const csvRow = (r: AuditRecord): unknown[] => [
  r.seq,
  r.time,
  r.actor.type,
  r.actor.id ?? '',
  r.sourceIp,
  r.requestId,
  r.action,
  r.method,
  r.path,
  r.target?.type ?? '',
  r.target?.id ?? '',
  r.outcome,
  r.status,
  r.changes === null ? '' : JSON.stringify(r.changes),
  r.prevHash,
  r.hash,
];

const text = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));
const time = (description: string) => Type.Optional(Type.String({ format: 'date-time', description }));

const AuditQuerySchema = listQuerySchema({
  actor: text('A username, `bootstrap` or `anonymous`.'),
  targetType: text('`project`, `product`, `client`, `subscription`, `organization`, `server-group`, `user`, `group`.'),
  targetId: text('The target id (with targetType, or alone).'),
  action: text('The operationId of the route, e.g. `updateProduct`, `login`.'),
  outcome: Type.Optional(Type.Enum(AUDIT_OUTCOMES)),
  from: time('Records at or after this time.'),
  to: time('Records before this time.'),
  format: Type.Optional(
    Type.Enum(['json', 'csv'], { description: `csv: every matching record (at most ${MAX_AUDIT_CSV_ROWS}) as a download.` }),
  ),
});

type AuditQuery = Omit<AuditFilter, 'from' | 'to'> & { from?: string; to?: string; format?: 'json' | 'csv' };

/** `GET /api/v1/audit`: the audit log, newest first, filtered; JSON pages or a CSV download. */
export function registerAuditRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/audit',
    {
      config: { permission: 'VIEW_AUDIT_LOG' },
      schema: {
        tags: ['Audit'],
        summary: 'Who did what: one record per mutating, refused or login call, newest first',
        description:
          'Filters combine with AND. Records are append-only and hash-chained (`tollgate audit verify` checks the chain). `format=csv` answers every matching record as a CSV download, `changes` as JSON.',
        operationId: 'listAuditRecords',
        security: BEARER,
        querystring: AuditQuerySchema,
        response: { 200: pageSchema(AuditRecordSchema), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { page, filter: query } = splitListQuery<AuditQuery>(request.query as Record<string, unknown>);
      const { format, from, to, ...rest } = query;
      const filter: AuditFilter = {
        ...rest,
        ...(from !== undefined && { from: Date.parse(from) }),
        ...(to !== undefined && { to: Date.parse(to) }),
      };
      if (format !== 'csv') return services.audit.list(filter, page);
      const rows: unknown[][] = [];
      let cursor: string | undefined;
      do {
        const next = await services.audit.list(filter, { limit: 100, cursor });
        rows.push(...next.items.map(csvRow));
        cursor = next.nextCursor ?? undefined;
      } while (cursor !== undefined && rows.length < MAX_AUDIT_CSV_ROWS);
      return sendCsv(reply, 'audit', CSV_HEADER, rows.slice(0, MAX_AUDIT_CSV_ROWS));
    },
  );
}
