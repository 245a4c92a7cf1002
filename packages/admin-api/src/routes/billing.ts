import {
  BalanceSchema,
  IdSchema,
  INVOICE_STATUSES,
  type InvoiceFilter,
  InvoiceSchema,
  MonetizationReportSchema,
  type Services,
  type TopUpCreate,
  TopUpCreateSchema,
  TopUpSchema,
} from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { renderReportPdf } from '../reports/report-pdf.js';
import { BEARER, ERROR_RESPONSES, IdParamsSchema, listQuerySchema, pageSchema, sendCsv, splitListQuery } from './common.js';

const tags = ['Monetization'];
const optionalId = (description: string) => Type.Optional({ ...IdSchema, description });
const viewBilling = { permission: 'VIEW_BILLING' } as const;
const manageBilling = { permission: 'MANAGE_BILLING' } as const;

const RatingRunSchema = Type.Object(
  {
    ratedAt: Type.String({ format: 'date-time' }),
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    finalized: Type.Integer(),
  },
  { additionalProperties: false },
);

const ReportQuerySchema = Type.Object(
  {
    from: Type.String({ format: 'date-time', description: 'Start of the window (inclusive).' }),
    to: Type.String({ format: 'date-time', description: 'End of the window (exclusive); at most 3,660 days after from.' }),
    productId: optionalId('Only this product.'),
    format: Type.Optional(Type.Enum(['json', 'csv', 'pdf'], { description: 'csv or pdf: a download of the same report.' })),
  },
  { additionalProperties: false },
);
type ReportQuery = { from: string; to: string; productId?: string; format?: 'json' | 'csv' | 'pdf' };

const CSV_HEADER = ['productId', 'clientId', 'ratePlanId', 'currency', 'calls', 'billableCalls', 'revenue'];

/** Rating runs, invoices, prepaid top-ups and balances, and the monetization report. */
export function registerBillingRoutes(app: FastifyInstance, services: Services): void {
  app.post(
    '/monetization/rating-runs',
    {
      config: manageBilling,
      // The body is optional: a bare POST rates without finalizing.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Rate the metering ledger into invoices now',
        description:
          'Rates every billing period started by now into one draft invoice per client, currency and period (periods already final are left). `finalizeBefore` makes the drafts of periods ended at or before it final. Running it twice, or twice at once, gives the same invoices.',
        operationId: 'runRating',
        security: BEARER,
        body: Type.Object(
          { finalizeBefore: Type.Optional(Type.String({ format: 'date-time', description: 'At most now.' })) },
          { additionalProperties: false },
        ),
        response: { 200: RatingRunSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const body = request.body as { finalizeBefore?: string };
      return services.rating.run({ finalizeBefore: body.finalizeBefore === undefined ? undefined : Date.parse(body.finalizeBefore) });
    },
  );

  app.get(
    '/invoices',
    {
      config: viewBilling,
      schema: {
        tags,
        summary: 'Invoices, newest period first',
        operationId: 'listInvoices',
        security: BEARER,
        querystring: listQuerySchema({ clientId: optionalId('Only this client’s.'), status: Type.Optional(Type.Enum(INVOICE_STATUSES)) }),
        response: { 200: pageSchema(InvoiceSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { page, filter } = splitListQuery<InvoiceFilter>(request.query as Record<string, unknown>);
      return services.rating.listInvoices(filter, page);
    },
  );

  app.get(
    '/invoices/:id',
    {
      config: viewBilling,
      schema: {
        tags,
        summary: 'Read an invoice',
        operationId: 'getInvoice',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: InvoiceSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => services.rating.getInvoice((request.params as { id: string }).id),
  );

  app.post(
    '/invoices/:id/finalize',
    {
      config: manageBilling,
      schema: {
        tags,
        summary: 'Rate a draft a last time and make it final (numbered, never changed again)',
        description: '409 when the invoice is already final or its period has not ended.',
        operationId: 'finalizeInvoice',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: InvoiceSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => services.rating.finalize((request.params as { id: string }).id),
  );

  app.get(
    '/clients/:id/top-ups',
    {
      config: viewBilling,
      schema: {
        tags,
        summary: 'A client’s prepaid top-ups, newest first',
        operationId: 'listTopUps',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(TopUpSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ items: await services.balances.topUps((request.params as { id: string }).id) }),
  );

  app.post(
    '/clients/:id/top-ups',
    {
      config: manageBilling,
      schema: {
        tags,
        summary: 'Add to a client’s prepaid balance',
        description: 'The balance is checked at once: a top-up that lifts it above zero lets gateway nodes serve its prepaid calls again.',
        operationId: 'createTopUp',
        security: BEARER,
        params: IdParamsSchema,
        body: TopUpCreateSchema,
        response: { 201: TopUpSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const topUp = await services.balances.topUp((request.params as { id: string }).id, request.body as TopUpCreate);
      reply.status(201);
      return topUp;
    },
  );

  app.get(
    '/clients/:id/balance',
    {
      config: viewBilling,
      schema: {
        tags,
        summary: 'A client’s prepaid balance per currency',
        operationId: 'getBalance',
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(BalanceSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ items: await services.balances.balances((request.params as { id: string }).id) }),
  );

  app.get(
    '/monetization/report',
    {
      config: viewBilling,
      schema: {
        tags,
        summary: 'Calls, billable calls and revenue per product, client and plan in a window, rated now',
        description:
          'Rated on demand from the metering ledger, so it includes calls made seconds ago. `format=csv` or `format=pdf` downloads the same report.',
        operationId: 'getMonetizationReport',
        security: BEARER,
        querystring: ReportQuerySchema,
        response: { 200: MonetizationReportSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const query = request.query as ReportQuery;
      const report = await services.monetization.report(Date.parse(query.from), Date.parse(query.to), query.productId);
      if (query.format === 'csv') {
        const rows = report.rows.map((r) => [
          r.productId,
          r.clientId,
          r.ratePlanId ?? '',
          r.currency ?? '',
          r.calls,
          r.billableCalls,
          r.revenue,
        ]);
        const totals = report.totals.map((t) => ['TOTAL', '', '', t.currency ?? '', t.calls, t.billableCalls, t.revenue]);
        return sendCsv(reply, 'monetization-report', CSV_HEADER, [...rows, ...totals]);
      }
      if (query.format === 'pdf') {
        reply.type('application/pdf').header('content-disposition', 'attachment; filename="monetization-report.pdf"');
        return renderReportPdf(report);
      }
      return report;
    },
  );
}
