import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Clock, Services } from '@tollgate/domain';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { decorateAudited, installAudit } from './audit.js';
import { decoratePrincipal, installAuthentication } from './auth.js';
import { openDashboardOnNotFound, serveDashboard } from './dashboard.js';
import { answerNotFound, installErrorHandling } from './errors.js';
import { acceptEmptyJsonBodies } from './json-body.js';
import { LoginThrottle } from './login-throttle.js';
import { OneLinePerRequest } from './request-log.js';
import { registerAnalyticsRoutes } from './routes/analytics.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerAuthRoutes, registerLoginRoute } from './routes/auth.js';
import { registerBillingRoutes } from './routes/billing.js';
import { registerCollections } from './routes/collections.js';
import { registerDeploymentRoutes } from './routes/deployments.js';
import { registerMonetizationRoutes } from './routes/monetization.js';
import { registerObjectPermissionRoutes } from './routes/object-permissions.js';
import { registerPermissionRoutes } from './routes/permissions.js';
import { registerPolicyTypeRoutes } from './routes/policy-types.js';
import { registerQuotaRoutes } from './routes/quotas.js';
import { registerRatePlanRoutes } from './routes/rate-plans.js';
import { registerServerGroupNodeRoutes } from './routes/server-group-nodes.js';
import { registerSubscriptionKeyRoutes } from './routes/subscription-keys.js';
import { registerTraceRoutes } from './routes/traces.js';
import { registerUserRoutes } from './routes/users.js';
import { createValidatorCompiler } from './validation.js';

/** What the management API is built from. */
export interface AdminApiOptions {
  services: Services;
  /**
   * The bootstrap admin token: a bearer token with every right, besides users' session and API
   * tokens. Every `/api/v1` route but health and login requires one of them.
   */
  adminToken: string;
  /** The login throttle's clock (its one-minute windows); default the system time. */
  clock?: Clock;
  /** pino logger; omitted: silent (tests). */
  logger?: FastifyBaseLogger;
  /** Largest JSON body accepted, in bytes (default 1 MiB); larger → 413 PAYLOAD_TOO_LARGE. */
  bodyLimit?: number;
  /** Reported by health and the OpenAPI document. */
  version?: string;
  /** Served at `GET /metrics` (Prometheus text format; the bootstrap token or a token of a user holding VIEW_ANALYTICS); absent: no such route. */
  metrics?: MetricsSource;
  /** The dashboard's production build (a directory with `index.html`), served at `/`; absent: no dashboard. */
  dashboardRoot?: string;
}

/** What `GET /metrics` renders. */
export interface MetricsSource {
  readonly contentType: string;
  render(): Promise<string>;
}

/** Default body limit: far above any configuration object, far below a memory problem. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Builds the management API: `/api/v1` (bearer-protected but health and login), the OpenAPI 3.1
 * document at `/api/openapi.json` generated from the route schemas, its rendering at
 * `/api/docs`, and the dashboard at `/` when built. Call `ready()` or `listen()` on the result.
 */
export async function createAdminApi(options: AdminApiOptions): Promise<FastifyInstance> {
  const version = options.version ?? '0.0.0';
  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    genReqId: () => randomUUID(),
    // A client-chosen request id would let callers forge log correlation.
    requestIdHeader: false,
    return503OnClosing: true,
    logController: new OneLinePerRequest(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }) as unknown as FastifyInstance;

  app.setValidatorCompiler(createValidatorCompiler());
  decoratePrincipal(app);
  decorateAudited(app);
  const authentication = { adminToken: options.adminToken, services: options.services };
  acceptEmptyJsonBodies(app);
  installErrorHandling(app, options.dashboardRoot === undefined ? answerNotFound : openDashboardOnNotFound);
  // While draining, answers close their connection so keep-alive clients do not hold the stop up.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tollgate management API', version, description: 'Configuration of projects, products, clients and subscriptions.' },
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/v1/health',
    {
      schema: {
        tags: ['System'],
        summary: 'Liveness: answers without credentials',
        operationId: 'health',
        response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String() }) },
      },
    },
    async () => ({ status: 'ok' as const, version }),
  );
  // Login is public: its own scope under /api/v1, without the authentication hook.
  const throttle = new LoginThrottle(options.clock ?? { now: () => new Date() });
  await app.register(
    async (login) => {
      installAudit(login, options.services);
      registerLoginRoute(login, options.services, throttle);
    },
    { prefix: '/api/v1' },
  );
  // Every route registered in this scope requires a token, whatever the spelling of its URL, and
  // the permission it declares (`config.permission`; none: only the bootstrap token): the
  // decision belongs to the route that matched, not to the raw path.
  await app.register(
    async (api) => {
      installAuthentication(api, authentication);
      installAudit(api, options.services);
      // Unknown /api/v1 URLs go through the token check too: without a token, every answer is 401.
      api.setNotFoundHandler(answerNotFound);
      registerCollections(api, options.services);
      registerAnalyticsRoutes(api, options.services);
      registerAuditRoutes(api, options.services);
      registerAuthRoutes(api, options.services);
      registerDeploymentRoutes(api, options.services);
      registerPermissionRoutes(api, options.services);
      registerObjectPermissionRoutes(api, options.services);
      registerPolicyTypeRoutes(api, options.services);
      registerQuotaRoutes(api, options.services);
      registerRatePlanRoutes(api, options.services);
      registerMonetizationRoutes(api, options.services);
      registerBillingRoutes(api, options.services);
      registerServerGroupNodeRoutes(api, options.services);
      registerSubscriptionKeyRoutes(api, options.services);
      registerTraceRoutes(api, options.services);
      registerUserRoutes(api, options.services);
    },
    { prefix: '/api/v1' },
  );
  if (options.dashboardRoot !== undefined) await serveDashboard(app, options.dashboardRoot);
  const metrics = options.metrics;
  if (metrics !== undefined) {
    // Prometheus sends the token as a bearer credential (`authorization` in its scrape config).
    await app.register(async (scope) => {
      installAuthentication(scope, authentication);
      installAudit(scope, options.services);
      scope.get('/metrics', { config: { permission: 'VIEW_ANALYTICS' }, schema: { hide: true } }, async (_request, reply) => {
        reply.header('content-type', metrics.contentType);
        return metrics.render();
      });
    });
  }
  return app;
}
