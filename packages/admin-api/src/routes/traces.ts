import {
  IdSchema,
  type Services,
  TraceSchema,
  TraceSessionSchema,
  type TraceSessionStart,
  TraceSessionStartSchema,
  TraceSummarySchema,
} from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BEARER, ERROR_RESPONSES, IdParamsSchema, listQuerySchema, pageSchema, splitListQuery } from './common.js';

const tags = ['Projects'];

/** Tracing a project: start, read and stop its session; list and show its traced calls. */
export function registerTraceRoutes(app: FastifyInstance, services: Services): void {
  app.post(
    '/projects/:id/trace',
    {
      config: { permission: 'MODIFY_TRACE' },
      // The body is optional: no body means every default.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: "Start tracing a project's calls (replaces a session in progress)",
        description:
          'Gateway nodes record the next calls of the project in full, with credentials masked, until the session expires or each node recorded `maxCalls`. They learn of the session within a configuration reload (about a second).',
        operationId: 'startTrace',
        security: BEARER,
        params: IdParamsSchema,
        body: TraceSessionStartSchema,
        response: { 201: TraceSessionSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const session = await services.traces.start(id, request.body as TraceSessionStart);
      reply.status(201).header('location', `/api/v1/projects/${id}/trace`);
      return session;
    },
  );

  app.get(
    '/projects/:id/trace',
    {
      config: { permission: 'VIEW_TRACE' },
      schema: {
        tags,
        summary: "The project's trace session (null when none is running)",
        operationId: 'getTrace',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: Type.Union([TraceSessionSchema, Type.Null()]), ...ERROR_RESPONSES },
      },
    },
    async (request) => services.traces.current((request.params as { id: string }).id),
  );

  app.delete(
    '/projects/:id/trace',
    {
      config: { permission: 'MODIFY_TRACE' },
      schema: {
        tags,
        summary: 'Stop tracing a project (its traced calls stay readable)',
        operationId: 'stopTrace',
        security: BEARER,
        params: IdParamsSchema,
        response: { 204: { type: 'null', description: 'Stopped.' }, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await services.traces.stop((request.params as { id: string }).id);
      reply.status(204);
    },
  );

  app.get(
    '/projects/:id/traces',
    {
      config: { permission: 'VIEW_TRACE' },
      schema: {
        tags,
        summary: "List a project's traced calls, newest first",
        operationId: 'listTraces',
        security: BEARER,
        params: IdParamsSchema,
        querystring: listQuerySchema({}),
        response: { 200: pageSchema(TraceSummarySchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { page } = splitListQuery(request.query as Record<string, unknown>);
      return services.traces.list((request.params as { id: string }).id, page);
    },
  );

  app.get(
    '/projects/:id/traces/:traceId',
    {
      config: { permission: 'VIEW_TRACE' },
      schema: {
        tags,
        summary: 'Show one traced call: request, policy steps, backend timing, response',
        operationId: 'getTracedCall',
        security: BEARER,
        params: Type.Object({ id: IdSchema, traceId: IdSchema }, { additionalProperties: false }),
        response: { 200: TraceSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, traceId } = request.params as { id: string; traceId: string };
      return services.traces.get(id, traceId);
    },
  );
}
