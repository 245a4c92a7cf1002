import { GatewayNodeSchema, type Services } from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BEARER, ERROR_RESPONSES, IdParamsSchema } from './common.js';

/** The gateway nodes of a server group, as they registered and last reported. */
export function registerServerGroupNodeRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/server-groups/:id/nodes',
    {
      config: { permission: 'VIEW_SERVER_GROUPS' },
      schema: {
        tags: ['Server Groups'],
        summary: 'List the gateway nodes of a server group with their configuration version and status',
        operationId: 'listServerGroupNodes',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(GatewayNodeSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ items: await services.serverGroups.listNodes((request.params as { id: string }).id) }),
  );
}
