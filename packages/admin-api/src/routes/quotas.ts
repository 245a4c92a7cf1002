import { type QuotaReset, QuotaResetResultSchema, QuotaResetSchema, type Services } from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { BEARER, ERROR_RESPONSES } from './common.js';

/** Quota administration: reset a subscription product's counters. */
export function registerQuotaRoutes(app: FastifyInstance, services: Services): void {
  app.post(
    '/quotas/reset',
    {
      config: { permission: 'MODIFY_SUBSCRIPTIONS' },
      schema: {
        tags: ['Subscriptions'],
        summary: "Reset a subscription product's quota and rate-limit counters on every gateway node",
        operationId: 'resetQuota',
        security: BEARER,
        body: QuotaResetSchema,
        response: { 200: QuotaResetResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => services.quotas.reset(request.body as QuotaReset),
  );
}
