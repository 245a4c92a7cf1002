import {
  IdSchema,
  type RatePlanCreate,
  RatePlanCreateSchema,
  RatePlanSchema,
  type RatePlanUpdate,
  RatePlanUpdateSchema,
  type Services,
  type SuccessCriteria,
  SuccessCriteriaSchema,
} from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BEARER, ERROR_RESPONSES, IdParamsSchema } from './common.js';

const tags = ['Monetization'];
const PlanParamsSchema = Type.Object({ id: IdSchema, planId: IdSchema }, { additionalProperties: false });
type PlanParams = { id: string; planId: string };
const view = { permission: 'VIEW_PRODUCTS', object: 'id' } as const;
const modify = { permission: 'MODIFY_PRODUCTS', object: 'id' } as const;

/** A product's Monetization tab: its rate plans and its transaction success criteria. */
export function registerRatePlanRoutes(app: FastifyInstance, services: Services): void {
  const plans = services.ratePlans;

  app.get(
    '/products/:id/rate-plans',
    {
      config: view,
      schema: {
        tags,
        summary: "A product's rate plans, by id",
        operationId: 'listRatePlans',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(RatePlanSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ items: await plans.list((request.params as { id: string }).id) }),
  );

  app.post(
    '/products/:id/rate-plans',
    {
      config: modify,
      schema: {
        tags,
        summary: 'Add a rate plan to a product',
        description:
          'Bands must run from call 1 without gap or overlap (400 naming `rates.N.from`); money is integer minor units of `currency` (ISO 4217).',
        operationId: 'createRatePlan',
        security: BEARER,
        params: IdParamsSchema,
        body: RatePlanCreateSchema,
        response: { 201: RatePlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const plan = await plans.create(id, request.body as RatePlanCreate);
      reply.status(201).header('location', `/api/v1/products/${id}/rate-plans/${plan.id}`);
      return plan;
    },
  );

  app.get(
    '/products/:id/rate-plans/:planId',
    {
      config: view,
      schema: {
        tags,
        summary: 'Read a rate plan',
        operationId: 'getRatePlan',
        security: BEARER,
        params: PlanParamsSchema,
        response: { 200: RatePlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, planId } = request.params as PlanParams;
      return plans.get(id, planId);
    },
  );

  app.patch(
    '/products/:id/rate-plans/:planId',
    {
      config: modify,
      schema: {
        tags,
        summary: 'Update a rate plan (the fields sent)',
        operationId: 'updateRatePlan',
        security: BEARER,
        params: PlanParamsSchema,
        body: RatePlanUpdateSchema,
        response: { 200: RatePlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, planId } = request.params as PlanParams;
      return plans.update(id, planId, request.body as RatePlanUpdate);
    },
  );

  app.delete(
    '/products/:id/rate-plans/:planId',
    {
      config: modify,
      schema: {
        tags,
        summary: 'Delete a rate plan',
        operationId: 'deleteRatePlan',
        security: BEARER,
        params: PlanParamsSchema,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { id, planId } = request.params as PlanParams;
      await plans.delete(id, planId);
      reply.status(204);
    },
  );

  app.get(
    '/products/:id/success-criteria',
    {
      config: view,
      schema: {
        tags,
        summary: "Which of the product's responses are billable (default: status 200–299)",
        operationId: 'getSuccessCriteria',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: SuccessCriteriaSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => plans.successCriteria((request.params as { id: string }).id),
  );

  app.put(
    '/products/:id/success-criteria',
    {
      config: modify,
      schema: {
        tags,
        summary: "Replace the product's transaction success criteria",
        description:
          'A response is billable when its status is in one of the ranges and, when `header` is set, it carries that header with that value.',
        operationId: 'setSuccessCriteria',
        security: BEARER,
        params: IdParamsSchema,
        body: SuccessCriteriaSchema,
        response: { 200: SuccessCriteriaSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => plans.setSuccessCriteria((request.params as { id: string }).id, request.body as SuccessCriteria),
  );
}
