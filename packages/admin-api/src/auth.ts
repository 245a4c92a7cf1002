import { createHash, timingSafeEqual } from 'node:crypto';
import { holds, objectRightOf, PERMISSIONS, type Permission, type Principal, type Services } from '@tollgate/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './errors.js';
import { problem } from './problem.js';

/**
 * Who may call a route, declared once per route as `config: { permission }`:
 * - a `Permission` (e.g. `VIEW_PROJECTS`): whoever holds it (`holds`: the user's own grant or a
 *   group's, nested groups included; the bootstrap token holds every permission);
 * - `self`: the user named by the route's `:username` parameter (their own API tokens), or anyone
 *   holding `MANAGE_USERS_AND_GROUPS`;
 * - `authenticated`: any authenticated principal (logout, who am I).
 *
 * A route that declares nothing is refused to every user: only the bootstrap token passes.
 *
 * A route on one project, product, client, subscription or organization also declares
 * `config.object`: the name of the parameter holding the object's id. Its permission (e.g.
 * `VIEW_PRODUCTS`) is then decided on that object by `ObjectPermissionService.allows`: the
 * object's entries first, the global permission when they say nothing. A list of such objects
 * declares `config.scoped: true` instead: every authenticated user may call it and sees the
 * objects it may view.
 */
export type RoutePermission = Permission | 'self' | 'authenticated';

const ROUTE_PERMISSIONS: ReadonlySet<string> = new Set<RoutePermission>([...PERMISSIONS, 'self', 'authenticated']);

/** The OpenAPI operation field that shows each route's declaration (`config.permission`). */
export const PERMISSION_EXTENSION = 'x-permission';
/** The OpenAPI operation field naming how a route's permission applies per object: `path:<param>` or `list`. */
export const OBJECT_EXTENSION = 'x-permission-object';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; absent: nobody but the bootstrap token. */
    permission?: RoutePermission;
    /** The route parameter naming the object the permission is decided on (per-object permissions). */
    object?: string;
    /** A list filtered to what the caller may view: its permission is decided per item. */
    scoped?: true;
  }
  interface FastifyRequest {
    /** Who the request acts as; set by the authentication hook, null outside authenticated scopes. */
    principal: Principal | null;
  }
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The token of `Authorization: Bearer <token>` (scheme in any letter case), or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** The principal of a request in an authenticated scope (the hook has run, so there is one). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new Error('no principal: the route is outside the authenticated scope');
  return request.principal;
}

/** Adds `request.principal` (null until a scope's authentication hook sets it). Once, on the root instance. */
export function decoratePrincipal(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
}

/** What the authentication hook checks bearer tokens against. */
export interface AuthenticationOptions {
  /** The bootstrap admin token: every right, no user. */
  adminToken: string;
  /** Resolves session and API tokens to users, and decides per-object permissions. */
  services: Pick<Services, 'auth' | 'objectPermissions'>;
}

/**
 * Requires `Authorization: Bearer <token>` on every route of the scope it is installed in (an
 * encapsulated Fastify plugin) and enforces each route's `config.permission`:
 *
 * 1. The bootstrap admin token (its digest compared in constant time, so it cannot be guessed
 *    byte by byte) → `{ kind: 'bootstrap' }`; else a session or API token of an active user
 *    (`AuthService.authenticate`, which reads the user's effective permissions); else 401, the
 *    same answer for an unknown, expired or revoked token and for a disabled or deleted user.
 * 2. The route's permission, in the same `onRequest` phase: before the body is read or
 *    validated, so a caller without the right learns nothing from validation errors. A route
 *    without a declaration is refused to every user; registering a route with an unknown value
 *    (a typo) fails at startup. The declaration is shown in the OpenAPI document as the
 *    operation's `x-permission`.
 */
export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  const expected = digest(options.adminToken);
  app.addHook('onRoute', (route) => {
    const config = route.config as { permission?: unknown; object?: unknown; scoped?: unknown } | undefined;
    const permission = config?.permission;
    if (permission === undefined) return;
    const where = `route ${route.method} ${route.url}`;
    if (typeof permission !== 'string' || !ROUTE_PERMISSIONS.has(permission)) {
      throw new Error(`${where}: unknown permission ${JSON.stringify(permission)}`);
    }
    const perObject = config?.object !== undefined || config?.scoped !== undefined;
    if (perObject && objectRightOf(permission as Permission) === undefined) {
      throw new Error(`${where}: ${permission} is not decided per object`);
    }
    if (config?.object !== undefined && !route.url.includes(`:${String(config.object)}`)) {
      throw new Error(`${where}: no parameter :${String(config.object)} names the object`);
    }
    const object = config?.object !== undefined ? `path:${String(config.object)}` : config?.scoped === true ? 'list' : undefined;
    // A copy: route schemas may be shared objects. @fastify/swagger reads this route object later.
    if (route.schema !== undefined) {
      route.schema = {
        ...route.schema,
        [PERMISSION_EXTENSION]: permission,
        ...(object && { [OBJECT_EXTENSION]: object }),
      } as typeof route.schema;
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const token = bearerToken(request);
    const principal = token === undefined ? undefined : await authenticate(token);
    if (principal === undefined) {
      const detail = (request.headers.authorization ?? '') === '' ? 'send Authorization: Bearer <token>' : 'the bearer token is not valid';
      return sendUnauthenticated(request, reply, detail);
    }
    request.principal = principal;
    const refusal = await refuse(request, principal, options.services);
    if (refusal !== undefined) return sendProblem(reply, problem('FORBIDDEN', refusal, request.id));
  });

  async function authenticate(token: string): Promise<Principal | undefined> {
    if (timingSafeEqual(digest(token), expected)) return { kind: 'bootstrap' };
    return options.services.auth.authenticate(token);
  }
}

/** Why the principal may not call the matched route, or undefined when it may. */
async function refuse(
  request: FastifyRequest,
  principal: Principal,
  services: Pick<Services, 'objectPermissions'>,
): Promise<string | undefined> {
  // Unknown URLs answer 404 to anyone authenticated: the route list is public (/api/openapi.json).
  if (principal.kind === 'bootstrap' || request.is404) return undefined;
  const permission = request.routeOptions.config.permission;
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  if (permission === undefined) return `${route} declares no permission: only the bootstrap token may call it`;
  if (permission === 'authenticated') return undefined;
  if (permission === 'self') {
    const { username } = request.params as { username?: unknown };
    if (username === principal.user.username || holds(principal, 'MANAGE_USERS_AND_GROUPS')) return undefined;
    return `${route} for another user needs the permission MANAGE_USERS_AND_GROUPS`;
  }
  const { object, scoped } = request.routeOptions.config;
  const onObject = objectRightOf(permission);
  if (scoped === true) return undefined;
  if (object !== undefined && onObject !== undefined) {
    const id = String((request.params as Record<string, unknown>)[object]);
    const allowed = await services.objectPermissions.allows(principal, onObject.type, id, onObject.right);
    // The same answer whether or not the object exists: a refusal tells nothing about it.
    return allowed ? undefined : `${route} needs ${permission}, or ${onObject.right} on ${onObject.type} '${id}'`;
  }
  return holds(principal, permission) ? undefined : `${route} needs the permission ${permission}`;
}

/** 401 UNAUTHENTICATED with `WWW-Authenticate: Bearer realm="tollgate"`. */
function sendUnauthenticated(request: FastifyRequest, reply: FastifyReply, detail: string): FastifyReply {
  reply.header('www-authenticate', 'Bearer realm="tollgate"');
  return sendProblem(reply, problem('UNAUTHENTICATED', detail, request.id));
}
