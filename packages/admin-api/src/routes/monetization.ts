import { type Services, SubscriptionMonetizationSchema } from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { BEARER, ERROR_RESPONSES, IdParamsSchema } from './common.js';

/** The Monetization tabs of subscriptions (and, as they are built, of clients). */
export function registerMonetizationRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/subscriptions/:id/monetization',
    {
      config: { permission: 'VIEW_SUBSCRIPTIONS', object: 'id' },
      schema: {
        tags: ['Monetization'],
        summary: 'The rate plan of each subscribed product: in effect, pending, and the running billing period',
        operationId: 'getSubscriptionMonetization',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: SubscriptionMonetizationSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => services.monetization.subscription((request.params as { id: string }).id),
  );
}
