import { type Static, Type } from 'typebox';
import { IdSchema, TimestampSchema } from './common.js';

/** `POST /api/v1/projects/{id}/trace`: record the project's next calls for a while. */
export const TraceSessionStartSchema = Type.Object(
  {
    durationMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: 'How long to trace; default 10 minutes.' })),
    maxCalls: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, description: 'The session keeps at most this many traced calls; default 100.' }),
    ),
    serverGroupId: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
);
export type TraceSessionStart = Static<typeof TraceSessionStartSchema>;

/** A project's trace session: while it lasts, gateway nodes record its calls in full. */
export const TraceSessionSchema = Type.Object(
  {
    id: IdSchema,
    projectId: IdSchema,
    serverGroupId: Type.Union([IdSchema, Type.Null()], { description: 'Only calls through this group; null: every group.' }),
    startedAt: TimestampSchema,
    expiresAt: TimestampSchema,
    maxCalls: Type.Integer({ description: 'Most traced calls the session keeps (nodes stop capturing once they sent this many).' }),
  },
  { additionalProperties: false },
);
export type TraceSession = Static<typeof TraceSessionSchema>;

/** Headers as recorded: lower-case names, credentials masked. */
const HeadersSchema = Type.Record(Type.String(), Type.String());

/** A request or response body as recorded. */
const BodySchema = Type.Object(
  {
    text: Type.String({ description: 'UTF-8 text, or base64 when `encoding` is base64.' }),
    encoding: Type.Enum(['utf8', 'base64']),
    size: Type.Integer({ description: 'Bytes of the whole body.' }),
    truncated: Type.Boolean({ description: 'Only the first bytes (up to the trace cap) are recorded.' }),
  },
  { additionalProperties: false },
);
export type TraceBody = Static<typeof BodySchema>;

/** One policy step of a traced call. */
export const TraceStepSchema = Type.Object(
  {
    flow: Type.Enum(['proxy-request', 'target-request', 'target-response', 'proxy-response']),
    policyId: IdSchema,
    type: Type.String(),
    outcome: Type.Enum(['continued', 'rejected', 'replied', 'failed'], {
      description:
        'continued: the call went on; rejected: an error answer (`code`); replied: the policy answered (`status`); failed: it threw.',
    }),
    code: Type.Optional(Type.String()),
    status: Type.Optional(Type.Integer()),
    durationMs: Type.Number(),
  },
  { additionalProperties: false },
);
export type TraceStep = Static<typeof TraceStepSchema>;

/** One traced call: the request and response as the client exchanged them, every policy step, the backend's timing. */
export const TraceSchema = Type.Object(
  {
    id: IdSchema,
    sessionId: IdSchema,
    projectId: IdSchema,
    serverGroupId: IdSchema,
    nodeId: Type.String(),
    receivedAt: TimestampSchema,
    durationMs: Type.Number(),
    request: Type.Object(
      {
        method: Type.String(),
        path: Type.String(),
        query: Type.String({ description: 'Without `?`; credential parameters masked.' }),
        headers: HeadersSchema,
        body: Type.Union([BodySchema, Type.Null()]),
      },
      { additionalProperties: false },
    ),
    steps: Type.Array(TraceStepSchema),
    backend: Type.Union(
      [
        Type.Object(
          {
            status: Type.Integer(),
            latencyMs: Type.Number({ description: 'From sending the request upstream to the response head.' }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'null when no backend answered (a policy answered, or the backend failed).' },
    ),
    response: Type.Object(
      { status: Type.Integer(), headers: HeadersSchema, body: Type.Union([BodySchema, Type.Null()]) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Trace = Static<typeof TraceSchema>;

/** A traced call in a list. */
export const TraceSummarySchema = Type.Object(
  {
    id: IdSchema,
    sessionId: IdSchema,
    serverGroupId: IdSchema,
    nodeId: Type.String(),
    receivedAt: TimestampSchema,
    method: Type.String(),
    path: Type.String(),
    status: Type.Integer(),
    durationMs: Type.Number(),
  },
  { additionalProperties: false },
);
export type TraceSummary = Static<typeof TraceSummarySchema>;
