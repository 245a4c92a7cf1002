import { ERROR_CATALOGUE, type ErrorCode } from '@tollgate/domain';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { type ApiHarness, TEST_TOKEN } from './harness.js';

/**
 * Asserts the exact RFC 9457 body of a catalogue error and the names of the fields it marks.
 *
 * @param res - the response to check: its status, `application/problem+json` content type and body.
 * @param code - the catalogue error it must be; gives the status, title and type URI.
 * @param fields - the names the body's `fields` must mark, in any order; none means no `fields` at all.
 * @returns the parsed body (untyped JSON), for assertions on its `detail` or `fields` messages.
 */
export function expectProblem(res: LightMyRequestResponse, code: ErrorCode, fields: string[] = []) {
  const { status, title } = ERROR_CATALOGUE[code];
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json(;|$)/);
  const body = res.json();
  expect(body).toEqual({
    type: `https://tollgate.dev/errors/${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    detail: expect.any(String),
    code,
    requestId: res.headers['x-request-id'],
    ...(fields.length === 0 ? {} : { fields: expect.any(Object) }),
  });
  expect(Object.keys(body.fields ?? {}).sort()).toEqual([...fields].sort());
  return body;
}

/** What a security test sends, the state it starts from and what must still hold after the 401. */
export interface Guarded {
  /** Makes the state the request would change, before it is sent. */
  setup?: () => Promise<unknown>;
  /** Asserts, after the 401, that the request changed nothing. */
  unchanged?: () => Promise<unknown>;
  /**
   * Also asserts the `detail` of each 401: `send Authorization: Bearer <token>` without a token and
   * `the bearer token is not valid` with a wrong one. Off unless set.
   */
  checkDetail?: boolean;
}

/**
 * The security tests of one route: no token and a wrong token are both 401 UNAUTHENTICATED with
 * `WWW-Authenticate: Bearer realm="tollgate"`, and nothing changes. Adds two tests to the enclosing `describe`.
 *
 * @param api - the API of the running test; read only while a test runs, so it may be set by a `beforeEach`.
 * @param request - the request to send, without an `authorization` header.
 * @param guarded - the state to make first, what must still hold after, and whether to check the details.
 */
export function itRequiresTheAdminToken(api: () => ApiHarness, request: InjectOptions, { setup, unchanged, checkDetail }: Guarded = {}) {
  it('answers 401 UNAUTHENTICATED with WWW-Authenticate when no token is sent', async () => {
    await setup?.();
    const res = await api().app.inject(request);
    const body = expectProblem(res, 'UNAUTHENTICATED');
    if (checkDetail) expect(body.detail).toBe('send Authorization: Bearer <token>');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="tollgate"');
    await unchanged?.();
  });

  it('answers 401 UNAUTHENTICATED when the token is wrong', async () => {
    await setup?.();
    const res = await api().app.inject({ ...request, headers: { ...request.headers, authorization: `Bearer ${TEST_TOKEN}-wrong` } });
    const body = expectProblem(res, 'UNAUTHENTICATED');
    if (checkDetail) expect(body.detail).toBe('the bearer token is not valid');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="tollgate"');
    await unchanged?.();
  });
}
