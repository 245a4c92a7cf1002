import {
  type ApiTokenCreate,
  ApiTokenCreateSchema,
  ApiTokenSchema,
  IdSchema,
  IssuedApiTokenSchema,
  isTollgateError,
  type Login,
  LoginSchema,
  type Services,
  SessionSchema,
  TollgateError,
  UsernameSchema,
  WhoAmISchema,
} from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { bearerToken, principalOf } from '../auth.js';
import type { LoginThrottle } from '../login-throttle.js';
import { BEARER, ERROR_RESPONSES } from './common.js';

const TAG = 'Authentication';

const UsernameParamsSchema = Type.Object({ username: UsernameSchema }, { additionalProperties: false });
const TokenParamsSchema = Type.Object({ username: UsernameSchema, tokenId: IdSchema }, { additionalProperties: false });

/**
 * `POST /auth/login`: the one public route besides health. Registered in a scope without the
 * authentication hook; throttled per username and per client address (`LoginThrottle`).
 */
export function registerLoginRoute(app: FastifyInstance, services: Services, throttle: LoginThrottle): void {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: [TAG],
        summary: 'Log in with a username and password: a session token valid for 8 hours',
        description:
          'Public. An unknown user, a wrong password and a disabled user all answer the same 401. More than 10 failed logins within a minute for a username or from an address → 429 with Retry-After, even with the right password.',
        operationId: 'login',
        body: LoginSchema,
        response: { 200: SessionSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const input = request.body as Login;
      const attempt = throttle.attempt(input.username, request.ip);
      if (!attempt.allowed) {
        reply.header('retry-after', String(attempt.retryAfterSeconds));
        throw new TollgateError('RATE_LIMITED', `too many failed logins; try again in ${attempt.retryAfterSeconds} s`);
      }
      try {
        const session = await services.auth.login(input);
        throttle.succeeded(attempt);
        reply.header('cache-control', 'no-store');
        return session;
      } catch (error) {
        // A wrong password stays counted; an error of the store was no guess, so it is taken back.
        if (!(isTollgateError(error) && error.code === 'UNAUTHENTICATED')) throttle.released(attempt);
        throw error;
      }
    },
  );
}

/**
 * The routes of an authenticated caller about itself (logout, who am I: any principal) and
 * personal API tokens (a user's own, or anyone's with MANAGE_USERS_AND_GROUPS). In the scope of the
 * authentication hook, which enforces each route's `config.permission`.
 */
export function registerAuthRoutes(app: FastifyInstance, services: Services): void {
  const auth = services.auth;

  app.post(
    '/auth/logout',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: [TAG],
        summary: 'End the session, or revoke the API token, this request was made with',
        description: 'With the bootstrap admin token: 204 and nothing happens (it is configuration, not a session).',
        operationId: 'logout',
        security: BEARER,
        response: { 204: { type: 'null', description: 'Logged out.' }, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const token = bearerToken(request);
      if (principalOf(request).kind === 'user' && token !== undefined) await auth.logout(token);
      reply.status(204);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: [TAG],
        summary: 'Who this request acts as: the user, its groups (nested included) and how it authenticated',
        operationId: 'getCurrentPrincipal',
        security: BEARER,
        response: { 200: WhoAmISchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => auth.whoAmI(principalOf(request)),
  );

  app.post(
    '/users/:username/tokens',
    {
      config: { permission: 'self' },
      schema: {
        tags: [TAG],
        summary: 'Create a personal API token (shown in this answer only)',
        description: "A user may manage its own tokens; another user's need MANAGE_USERS_AND_GROUPS.",
        operationId: 'createApiToken',
        security: BEARER,
        params: UsernameParamsSchema,
        body: ApiTokenCreateSchema,
        response: { 201: IssuedApiTokenSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { username } = request.params as { username: string };
      const issued = await auth.createApiToken(username, request.body as ApiTokenCreate);
      reply.status(201).header('cache-control', 'no-store');
      return issued;
    },
  );

  app.get(
    '/users/:username/tokens',
    {
      config: { permission: 'self' },
      schema: {
        tags: [TAG],
        summary: "List a user's personal API tokens (their prefix, never the token)",
        operationId: 'listApiTokens',
        security: BEARER,
        params: UsernameParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ items: await auth.listApiTokens((request.params as { username: string }).username) }),
  );

  app.delete(
    '/users/:username/tokens/:tokenId',
    {
      config: { permission: 'self' },
      schema: {
        tags: [TAG],
        summary: 'Revoke a personal API token',
        operationId: 'revokeApiToken',
        security: BEARER,
        params: TokenParamsSchema,
        response: { 204: { type: 'null', description: 'Revoked.' }, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { username, tokenId } = request.params as { username: string; tokenId: string };
      await auth.revokeApiToken(username, tokenId);
      reply.status(204);
    },
  );
}
