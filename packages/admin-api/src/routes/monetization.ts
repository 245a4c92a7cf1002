import { ClientMonetizationSchema, ProductMonetizationSchema, type Services, SubscriptionMonetizationSchema } from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { BEARER, ERROR_RESPONSES, IdParamsSchema } from './common.js';

/**
 * The Monetization tabs of products, clients and subscriptions. They show money (charges, revenue,
 * balances, invoices), so they need VIEW_BILLING, like the report; the plans themselves are the
 * product's configuration (`/products/{id}/rate-plans`).
 */
export function registerMonetizationRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/subscriptions/:id/monetization',
    {
      config: { permission: 'VIEW_BILLING' },
      schema: {
        tags: ['Monetization'],
        summary: 'Each subscribed product: its plan in effect and pending, the running period, usage and charge so far, projected charge',
        operationId: 'getSubscriptionMonetization',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: SubscriptionMonetizationSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => services.monetization.subscription((request.params as { id: string }).id),
  );

  app.get(
    '/clients/:id/monetization',
    {
      config: { permission: 'VIEW_BILLING' },
      schema: {
        tags: ['Monetization'],
        summary: 'A client’s prepaid balances, the plans in effect on its subscriptions, and its newest invoices',
        operationId: 'getClientMonetization',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: ClientMonetizationSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => services.monetization.client((request.params as { id: string }).id),
  );

  app.get(
    '/products/:id/monetization',
    {
      config: { permission: 'VIEW_BILLING' },
      schema: {
        tags: ['Monetization'],
        summary: 'A product’s rate plans, success criteria and revenue this month so far',
        operationId: 'getProductMonetization',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: ProductMonetizationSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => services.monetization.product((request.params as { id: string }).id),
  );
}
