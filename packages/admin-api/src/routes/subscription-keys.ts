import { IdSchema, IssuedSubscriptionProductSchema, RegenerateKeySchema, type Services, SubscriptionProductSchema } from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BEARER, ERROR_RESPONSES } from './common.js';

const tags = ['Subscriptions'];
const ParamsSchema = Type.Object({ id: IdSchema, productId: IdSchema }, { additionalProperties: false });
type Params = { id: string; productId: string };

/** Key actions on one subscribed product: regenerate (with a grace period), approve, revoke. */
export function registerSubscriptionKeyRoutes(app: FastifyInstance, services: Services): void {
  app.post(
    '/subscriptions/:id/products/:productId/regenerate',
    {
      config: { permission: 'MODIFY_SUBSCRIPTIONS', object: 'id' },
      // The body is optional: no body means no grace period.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Issue a new key pair for a subscribed product; the old key works until previousKeyExpiresAt',
        operationId: 'regenerateKey',
        security: BEARER,
        params: ParamsSchema,
        body: RegenerateKeySchema,
        response: { 200: IssuedSubscriptionProductSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, productId } = request.params as Params;
      const { graceSeconds } = request.body as { graceSeconds?: number };
      return services.subscriptions.regenerate(id, productId, graceSeconds ?? 0);
    },
  );

  for (const action of ['approve', 'revoke'] as const) {
    app.post(
      `/subscriptions/:id/products/:productId/${action}`,
      {
        config: { permission: 'MODIFY_SUBSCRIPTIONS', object: 'id' },
        schema: {
          tags,
          summary: action === 'approve' ? 'Approve the key of a subscribed product' : 'Revoke the key of a subscribed product',
          operationId: `${action}Key`,
          security: BEARER,
          params: ParamsSchema,
          response: { 200: SubscriptionProductSchema, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { id, productId } = request.params as Params;
        return services.subscriptions[action](id, productId);
      },
    );
  }
}
