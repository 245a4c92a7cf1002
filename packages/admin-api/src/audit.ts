import {
  type AuditActor,
  type AuditEntry,
  type AuditOutcome,
  type AuditTarget,
  diffSnapshots,
  type Principal,
  type Services,
} from '@tollgate/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the call's audit record is written (with its change, in its transaction). */
    audited: boolean;
  }
}

/** The methods of calls that change something: each one is audited, whatever its outcome. */
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const LOGIN_ROUTE = '/api/v1/auth/login';

/** The target type of each top-level collection of `/api/v1`. */
const COLLECTION_TYPES: Readonly<Record<string, string>> = {
  'server-groups': 'server-group',
  projects: 'project',
  products: 'product',
  organizations: 'organization',
  clients: 'client',
  subscriptions: 'subscription',
  users: 'user',
  groups: 'group',
  invoices: 'invoice',
};

type Fields = Record<string, unknown> | undefined;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * What a call acts on, from its route: the object of `/{collection}/{id}…` (`/users/{username}…`);
 * for a create, the id the answer carries. `/permissions/{type}/{id}` acts on that user or group,
 * login and logout on the user, a quota reset on the subscription. Null for anything else.
 */
export function auditTarget(request: FastifyRequest, answer?: unknown): AuditTarget | null {
  const params = request.params as Fields;
  const body = request.body as Fields;
  const [collection, ...rest] = (request.routeOptions.url ?? '').replace(/^\/api\/v1\//, '').split('/');
  const target = (type: string | undefined, id: string | undefined) => (type && id ? { type, id } : null);
  if (collection === 'permissions') return target(text(params?.type), text(params?.id));
  if (collection === 'quotas') return target('subscription', text(body?.subscriptionId));
  if (collection === 'auth') {
    const principal = request.principal;
    return target('user', principal?.kind === 'user' ? principal.user.username : text(body?.username));
  }
  const type = COLLECTION_TYPES[collection ?? ''];
  if (type === undefined) return null;
  const fromAnswer = rest.length === 0 ? (answer as Fields) : undefined;
  return target(
    type,
    text(params?.id) ??
      text(params?.username) ??
      text(fromAnswer?.id) ??
      text(fromAnswer?.username) ??
      text(body?.id) ??
      text(body?.username),
  );
}

/** Who made the call; a successful login acts as the user it logged in. */
function actorOf(request: FastifyRequest, outcome: AuditOutcome): AuditActor {
  const principal: Principal | null = request.principal;
  if (principal === null) {
    const username = text((request.body as Fields)?.username);
    const login = request.routeOptions.url === LOGIN_ROUTE && outcome === 'success' && username !== undefined;
    return login ? { type: 'user', id: username } : { type: 'anonymous', id: null };
  }
  return principal.kind === 'bootstrap' ? { type: 'bootstrap', id: null } : { type: 'user', id: principal.user.username };
}

/** The record's fields that come from the request itself. */
function describe(request: FastifyRequest, status: number, outcome: AuditOutcome): Omit<AuditEntry, 'time' | 'target' | 'changes'> {
  const route = request.routeOptions;
  const path = request.url.split('?')[0] ?? '';
  const operationId = (route.schema as { operationId?: unknown } | undefined)?.operationId;
  return {
    actor: actorOf(request, outcome),
    sourceIp: request.ip,
    requestId: request.id,
    action: typeof operationId === 'string' ? operationId : `${request.method} ${route.url ?? path}`,
    method: request.method,
    path,
    outcome,
    status,
  };
}

/**
 * Audits every call of the scope it is installed in (an encapsulated Fastify plugin):
 *
 * - **A mutating call that succeeds** (`POST`, `PUT`, `PATCH`, `DELETE`): its handler runs in one
 *   transaction with its record, which holds the target's changed fields before and after
 *   (`AuditService.snapshot`, secrets redacted). If the record cannot be written, the change
 *   does not land either. Handlers of such routes return their answer (never `reply.send`), so
 *   nothing is answered before the transaction commits.
 * - **A mutating call that fails, and any call refused** (401, 403, whatever the method): one
 *   record without changes, written before the answer leaves (`onSend`): `denied` for 401 and
 *   403 (but a failed login, which is a `failure`), `failure` otherwise.
 *
 * Reads that succeed or fail for other reasons than a refusal are not recorded.
 */
export function installAudit(app: FastifyInstance, services: Pick<Services, 'audit'>): void {
  const audit = services.audit;

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((method) => MUTATING.has(method))) return;
    const handler = route.handler as (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
    route.handler = async function audited(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const answer = await audit.transaction(async () => {
        const before = auditTarget(request);
        const snapshotBefore = before === null ? null : await audit.snapshot(before);
        const result = await handler.call(this, request, reply);
        if (reply.sent) throw new Error(`${request.method} ${route.url}: a mutating handler must return its answer, not send it`);
        const target = before ?? auditTarget(request, result);
        const snapshotAfter = target === null ? null : await audit.snapshot(target);
        await audit.record({
          ...describe(request, reply.statusCode, 'success'),
          target,
          changes: diffSnapshots(snapshotBefore, snapshotAfter),
        });
        return result;
      });
      request.audited = true;
      return answer;
    } as RouteHandlerMethod;
  });

  app.addHook('onSend', async (request, reply) => {
    if (request.audited) return;
    const status = reply.statusCode;
    const refused = status === 401 || status === 403;
    if (!(refused || (MUTATING.has(request.method) && status >= 400))) return;
    const login = request.routeOptions.url === LOGIN_ROUTE;
    request.audited = true;
    try {
      await audit.record({
        ...describe(request, status, refused && !login ? 'denied' : 'failure'),
        target: auditTarget(request),
        changes: null,
      });
    } catch (error) {
      // The call changed nothing; its answer still leaves, and the operator learns of the gap from the log.
      request.log.error({ err: error }, 'the audit record of a refused or failed call could not be written');
    }
  });
}

/** Adds `request.audited` (false until the call's record is written). Once, on the root instance. */
export function decorateAudited(app: FastifyInstance): void {
  app.decorateRequest('audited', false);
}
