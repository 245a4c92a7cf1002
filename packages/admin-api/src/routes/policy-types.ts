import { PolicyTypeSchema, type Services } from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BEARER, ERROR_RESPONSES } from './common.js';

const NameParamsSchema = Type.Object({ name: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) }, { additionalProperties: false });

/** The policy catalogue: every type with its config JSON Schema, flows and scopes. */
export function registerPolicyTypeRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/policy-types',
    {
      config: { permission: 'VIEW_PROJECTS' },
      schema: {
        tags: ['API Projects'],
        summary: 'List every policy type with its JSON Schema, allowed flows and scopes, in run order',
        operationId: 'listPolicyTypes',
        security: BEARER,
        response: { 200: Type.Object({ items: Type.Array(PolicyTypeSchema) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ items: services.policyTypes.list() }),
  );
  app.get(
    '/policy-types/:name',
    {
      config: { permission: 'VIEW_PROJECTS' },
      schema: {
        tags: ['API Projects'],
        summary: 'Get one policy type',
        operationId: 'getPolicyType',
        security: BEARER,
        params: NameParamsSchema,
        response: { 200: PolicyTypeSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => services.policyTypes.get((request.params as { name: string }).name),
  );
}
