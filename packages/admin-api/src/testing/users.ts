import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { makeUserInput, TEST_PASSWORD } from './factories.js';
import type { ApiHarness } from './harness.js';

/**
 * Helpers to act as users of a test API: create them, log in, call with their token. `api` is
 * read at each call, so the helpers can be made once per file while each test starts its own API.
 */
export function userSessions(api: () => ApiHarness) {
  /** `POST /api/v1/auth/login` from `address` (default 127.0.0.1). */
  const login = (username: string, password = TEST_PASSWORD, address = '127.0.0.1'): Promise<LightMyRequestResponse> =>
    api().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: address });

  return {
    /** A user with `TEST_PASSWORD`, directly in `groups`. */
    createUser: (username: string, groups: string[] = []) => api().services.users.create(makeUserInput({ username, groups })),
    login,
    /** The session token of a successful login. */
    async sessionOf(username: string): Promise<string> {
      const res = await login(username);
      expect(res.statusCode).toBe(200);
      return res.json().token;
    },
    /** Calls with `Authorization: Bearer <token>` and a JSON body. */
    as(token: string, method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse> {
      return api().app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
  };
}
