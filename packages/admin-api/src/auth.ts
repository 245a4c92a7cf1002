import { createHash, timingSafeEqual } from 'node:crypto';
import { ADMINISTRATORS, type Principal, type Services } from '@tollgate/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './errors.js';
import { problem } from './problem.js';

/**
 * Who may call a route, declared once per route as `config: { access }`:
 * - `admin` (the default, also for a route that declares nothing): the bootstrap token or a
 *   member of Administrators;
 * - `self`: also the user named by the route's `:username` parameter (their own API tokens);
 * - `authenticated`: any authenticated principal (logout, who am I).
 *
 * Until permissions exist this is the whole authorization model: default deny.
 */
export type RouteAccess = 'admin' | 'self' | 'authenticated';

const ACCESS_LEVELS: ReadonlySet<string> = new Set<RouteAccess>(['admin', 'self', 'authenticated']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; absent: `admin`. */
    access?: RouteAccess;
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

/** Whether the principal holds every right: the bootstrap token or a member of Administrators (nested included). */
export function isAdministrator(principal: Principal): boolean {
  return principal.kind === 'bootstrap' || principal.groups.includes(ADMINISTRATORS);
}

/** Adds `request.principal` (null until a scope's authentication hook sets it). Once, on the root instance. */
export function decoratePrincipal(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
}

/** What the authentication hook checks bearer tokens against. */
export interface AuthenticationOptions {
  /** The bootstrap admin token: every right, no user. */
  adminToken: string;
  /** Resolves session and API tokens to users. */
  services: Pick<Services, 'auth'>;
}

/**
 * Requires `Authorization: Bearer <token>` on every route of the scope it is installed in (an
 * encapsulated Fastify plugin) and enforces each route's `config.access`:
 *
 * 1. The bootstrap admin token (its digest compared in constant time, so it cannot be guessed
 *    byte by byte) → `{ kind: 'bootstrap' }`; else a session or API token of an active user
 *    (`AuthService.authenticate`); else 401, the same answer for an unknown, expired or revoked
 *    token and for a disabled or deleted user.
 * 2. The route's access declaration, in the same `onRequest` phase: before the body is read or
 *    validated, so a caller without the right learns nothing from validation errors. Anything
 *    but `self` or `authenticated` (nothing, a typo) is `admin`; registering a route with an
 *    unknown value fails at startup.
 */
export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  const expected = digest(options.adminToken);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: unknown } | undefined)?.access;
    if (access !== undefined && (typeof access !== 'string' || !ACCESS_LEVELS.has(access))) {
      throw new Error(`route ${route.method} ${route.url}: unknown access ${JSON.stringify(access)}`);
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
    const refusal = refuse(request, principal);
    if (refusal !== undefined) return sendProblem(reply, problem('FORBIDDEN', refusal, request.id));
  });

  async function authenticate(token: string): Promise<Principal | undefined> {
    if (timingSafeEqual(digest(token), expected)) return { kind: 'bootstrap' };
    return options.services.auth.authenticate(token);
  }
}

/** Why the principal may not call the matched route, or undefined when it may. */
function refuse(request: FastifyRequest, principal: Principal): string | undefined {
  // Unknown URLs answer 404 to anyone authenticated: the route list is public (/api/openapi.json).
  if (isAdministrator(principal) || request.is404) return undefined;
  const access = request.routeOptions.config.access ?? 'admin';
  if (access === 'authenticated') return undefined;
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  if (access === 'self') {
    const { username } = request.params as { username?: unknown };
    if (principal.kind === 'user' && username === principal.user.username) return undefined;
    return `${route} for another user needs a permission the user does not have; until permissions land only Administrators may call it for other users`;
  }
  return `${route} needs a permission the user does not have; until permissions land only Administrators may call it`;
}

/** 401 UNAUTHENTICATED with `WWW-Authenticate: Bearer realm="tollgate"`. */
function sendUnauthenticated(request: FastifyRequest, reply: FastifyReply, detail: string): FastifyReply {
  reply.header('www-authenticate', 'Bearer realm="tollgate"');
  return sendProblem(reply, problem('UNAUTHENTICATED', detail, request.id));
}
