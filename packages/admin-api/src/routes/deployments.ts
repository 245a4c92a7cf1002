import { DeploymentCreateSchema, DeploymentSchema, IdSchema, type Services } from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BEARER, ERROR_RESPONSES, IdParamsSchema } from './common.js';

const tags = ['Projects'];

/** Deploying projects to server groups: list, deploy (idempotent), undeploy. */
export function registerDeploymentRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/projects/:id/deployments',
    {
      config: { permission: 'VIEW_PROJECTS', object: 'id' },
      schema: {
        tags,
        summary: 'List the server groups a project is deployed to',
        operationId: 'listDeployments',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(DeploymentSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ items: await services.projects.listDeployments((request.params as { id: string }).id) }),
  );

  app.post(
    '/projects/:id/deployments',
    {
      config: { permission: 'DEPLOY_PROJECTS', object: 'id' },
      schema: {
        tags,
        summary: 'Deploy a project to a server group (201 when new, 200 when it already was)',
        operationId: 'deployProject',
        security: BEARER,
        params: IdParamsSchema,
        body: DeploymentCreateSchema,
        response: { 200: DeploymentSchema, 201: DeploymentSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { serverGroupId } = request.body as { serverGroupId: string };
      const { deployment, created } = await services.projects.deploy(id, serverGroupId);
      if (created) reply.status(201).header('location', `/api/v1/projects/${id}/deployments/${serverGroupId}`);
      return deployment;
    },
  );

  app.delete(
    '/projects/:id/deployments/:serverGroupId',
    {
      config: { permission: 'DEPLOY_PROJECTS', object: 'id' },
      schema: {
        tags,
        summary: 'Undeploy a project from a server group',
        operationId: 'undeployProject',
        security: BEARER,
        params: Type.Object({ id: IdSchema, serverGroupId: IdSchema }, { additionalProperties: false }),
        response: { 204: { type: 'null', description: 'Undeployed.' }, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { id, serverGroupId } = request.params as { id: string; serverGroupId: string };
      await services.projects.undeploy(id, serverGroupId);
      reply.status(204);
    },
  );
}
