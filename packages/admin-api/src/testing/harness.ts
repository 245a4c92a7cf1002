import { type Clock, createServices, type Services } from '@tollgate/domain';
import { POLICIES } from '@tollgate/gateway/policies';
import { nodeCredentialIssuer, nodePasswordHasher, systemClock, uuidGenerator } from '@tollgate/storage';
import { sqliteBackend, type TestBackend, type TestStore } from '@tollgate/storage/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createAdminApi } from '../app.js';

/** The bearer token test APIs accept. */
export const TEST_TOKEN = 'test-admin-token';

/** A management API over a throw-away store, and helpers to call it as an administrator. */
export interface ApiHarness {
  app: FastifyInstance;
  services: Services;
  test: TestStore;
  /** Calls with the admin token and a JSON body. */
  call(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** Calls with the admin token and a raw `payload` sent as `contentType`, as is: for bodies `call` cannot send. */
  send(method: InjectOptions['method'], url: string, contentType: string, payload: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** What a test may change about the API it starts. */
export interface ApiOptions {
  /**
   * The services' and the login throttle's clock; default the system clock. A fixed one pins "now"
   * (analytics windows, retention, session expiry, throttle windows).
   */
  clock?: Clock;
}

/** Builds the API on a fresh store of `backend` (SQLite by default). */
export async function startApi(backend: TestBackend = sqliteBackend, options: ApiOptions = {}): Promise<ApiHarness> {
  const test = await backend.open();
  const services = createServices({
    store: test.store,
    clock: options.clock ?? systemClock,
    ids: uuidGenerator,
    credentials: nodeCredentialIssuer,
    passwords: nodePasswordHasher,
    policyTypes: POLICIES,
  });
  const app = await createAdminApi({ services, adminToken: TEST_TOKEN, version: 'test', clock: options.clock });
  await app.ready();
  return {
    app,
    services,
    test,
    call: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${TEST_TOKEN}` },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    send: (method, url, contentType, payload) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': contentType }, payload }),
    async close() {
      await app.close();
      await test.dispose();
    },
  };
}
