import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApi, TEST_TOKEN } from './testing/harness.js';
import { expectProblem } from './testing/problems.js';

// Every test here reads, or sends a request that must be refused: one API serves the whole file.
let api: ApiHarness;

beforeAll(async () => {
  api = await startApi();
});

afterAll(async () => {
  await api.close();
});

/** Every route of the management API, as the OpenAPI document must list it. */
const API_ROUTES: ReadonlyArray<readonly [method: string, path: string]> = [
  ['get', '/api/v1/health'],
  ...['server-groups', 'projects', 'products', 'organizations', 'clients', 'subscriptions'].flatMap((collection) => [
    ['post', `/api/v1/${collection}`] as const,
    ['get', `/api/v1/${collection}`] as const,
    ['get', `/api/v1/${collection}/{id}`] as const,
    ['patch', `/api/v1/${collection}/{id}`] as const,
    ['delete', `/api/v1/${collection}/{id}`] as const,
  ]),
  ['get', '/api/v1/server-groups/{id}/nodes'],
  ['get', '/api/v1/policy-types'],
  ['get', '/api/v1/policy-types/{name}'],
  ['post', '/api/v1/quotas/reset'],
  ['get', '/api/v1/products/{id}/rate-plans'],
  ['post', '/api/v1/products/{id}/rate-plans'],
  ['get', '/api/v1/products/{id}/rate-plans/{planId}'],
  ['patch', '/api/v1/products/{id}/rate-plans/{planId}'],
  ['delete', '/api/v1/products/{id}/rate-plans/{planId}'],
  ['get', '/api/v1/products/{id}/success-criteria'],
  ['put', '/api/v1/products/{id}/success-criteria'],
  ['get', '/api/v1/subscriptions/{id}/monetization'],
  ['get', '/api/v1/clients/{id}/monetization'],
  ['get', '/api/v1/products/{id}/monetization'],
  ['post', '/api/v1/monetization/rating-runs'],
  ['get', '/api/v1/monetization/report'],
  ['get', '/api/v1/invoices'],
  ['get', '/api/v1/invoices/{id}'],
  ['post', '/api/v1/invoices/{id}/finalize'],
  ['get', '/api/v1/clients/{id}/top-ups'],
  ['post', '/api/v1/clients/{id}/top-ups'],
  ['get', '/api/v1/clients/{id}/balance'],
  ...['projects', 'products', 'clients', 'subscriptions', 'organizations'].flatMap((collection) => [
    ['get', `/api/v1/${collection}/{id}/permissions`] as const,
    ['put', `/api/v1/${collection}/{id}/permissions`] as const,
  ]),
  ['get', '/api/v1/projects/{id}/deployments'],
  ['post', '/api/v1/projects/{id}/deployments'],
  ['delete', '/api/v1/projects/{id}/deployments/{serverGroupId}'],
  ['post', '/api/v1/subscriptions/{id}/products/{productId}/regenerate'],
  ['post', '/api/v1/subscriptions/{id}/products/{productId}/approve'],
  ['post', '/api/v1/subscriptions/{id}/products/{productId}/revoke'],
  ['get', '/api/v1/audit'],
  ['get', '/api/v1/analytics/summary'],
  ['get', '/api/v1/analytics/timeseries'],
  ['get', '/api/v1/analytics/top'],
  ['post', '/api/v1/projects/{id}/trace'],
  ['get', '/api/v1/projects/{id}/trace'],
  ['delete', '/api/v1/projects/{id}/trace'],
  ['get', '/api/v1/projects/{id}/traces'],
  ['get', '/api/v1/projects/{id}/traces/{traceId}'],
  ['post', '/api/v1/users'],
  ['get', '/api/v1/users'],
  ['get', '/api/v1/users/{username}'],
  ['patch', '/api/v1/users/{username}'],
  ['delete', '/api/v1/users/{username}'],
  ['post', '/api/v1/groups'],
  ['get', '/api/v1/groups'],
  ['get', '/api/v1/groups/{id}'],
  ['patch', '/api/v1/groups/{id}'],
  ['delete', '/api/v1/groups/{id}'],
  ['get', '/api/v1/permissions'],
  ['get', '/api/v1/permissions/{type}/{id}'],
  ['put', '/api/v1/permissions/{type}/{id}'],
  ['post', '/api/v1/auth/login'],
  ['post', '/api/v1/auth/logout'],
  ['get', '/api/v1/auth/me'],
  ['post', '/api/v1/users/{username}/tokens'],
  ['get', '/api/v1/users/{username}/tokens'],
  ['delete', '/api/v1/users/{username}/tokens/{tokenId}'],
];

/** The routes anyone may call, without a token. */
const PUBLIC_ROUTES = new Set(['get /api/v1/health', 'post /api/v1/auth/login']);

const HTTP_VERBS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

interface Operation {
  operationId?: string;
  security?: unknown;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: object }>;
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, object>; securitySchemes?: Record<string, unknown> };
}

async function openApiDocument(): Promise<OpenApiDocument> {
  const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  return res.json();
}

function operationsOf(doc: OpenApiDocument): Array<{ method: string; path: string; operation: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_VERBS.has(method))
      .map(([method, operation]) => ({ method, path, operation })),
  );
}

/** Every value found under `key` anywhere in a JSON value, with its JSON pointer. */
function collect(value: unknown, key: string, pointer = ''): Array<{ pointer: string; value: unknown }> {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, child]) => {
    const here = `${pointer}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    return [...(name === key ? [{ pointer: here, value: child }] : []), ...collect(child, key, here)];
  });
}

function resolvePointer(doc: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, segment) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined),
      doc,
    );
}

describe('GET /api/v1/health', () => {
  it('answers 200 with the status and version without credentials', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/health' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ status: 'ok', version: 'test' });
  });
});

describe('GET /api/openapi.json', () => {
  it('serves an OpenAPI 3.1 document without credentials', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Tollgate management API', version: 'test' });
    expect(doc.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer' } });
  });

  it('lists every /api/v1 route and nothing else', async () => {
    const doc = await openApiDocument();

    const listed = operationsOf(doc).map(({ method, path }) => `${method} ${path}`);

    expect(listed.sort()).toEqual(API_ROUTES.map(([method, path]) => `${method} ${path}`).sort());
    for (const [method, path] of API_ROUTES) {
      const url = path.replaceAll(/\{(\w+)\}/g, ':$1');
      expect(api.app.hasRoute({ method: method.toUpperCase() as HTTPMethods, url }), `${method} ${url}`).toBe(true);
    }
  });

  it('gives every operation a unique operationId and at least one success response', async () => {
    const operations = operationsOf(await openApiDocument());

    const operationIds = operations.map(({ operation }) => operation.operationId);
    expect(operationIds.every((id) => typeof id === 'string' && id !== '')).toBe(true);
    expect(new Set(operationIds).size).toBe(operationIds.length);
    for (const { method, path, operation } of operations) {
      const codes = Object.keys(operation.responses ?? {});
      expect(
        codes.every((code) => /^([1-5]\d\d|[1-5]XX|default)$/.test(code)),
        `${method} ${path}: ${codes}`,
      ).toBe(true);
      expect(
        codes.some((code) => code.startsWith('2')),
        `${method} ${path}`,
      ).toBe(true);
    }
  });

  it('declares every path template variable as a required path parameter', async () => {
    for (const { method, path, operation } of operationsOf(await openApiDocument())) {
      const variables = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      expect(declared.map((parameter) => parameter.name).sort(), `${method} ${path}`).toEqual(variables.sort());
      expect(
        declared.every((parameter) => parameter.required === true),
        `${method} ${path}`,
      ).toBe(true);
    }
  });

  it('requires the bearer token on every operation but health and login', async () => {
    for (const { method, path, operation } of operationsOf(await openApiDocument())) {
      const expected = PUBLIC_ROUTES.has(`${method} ${path}`) ? undefined : [{ bearerAuth: [] }];
      expect(operation.security, `${method} ${path}`).toEqual(expected);
    }
  });

  it('contains only references that resolve and schemas that compile as JSON Schema 2020-12', async () => {
    const doc = await openApiDocument();

    for (const { pointer, value } of collect(doc, '$ref')) {
      expect(typeof value === 'string' && value.startsWith('#/') && resolvePointer(doc, value) !== undefined, `${pointer}: ${value}`).toBe(
        true,
      );
    }
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const schemas = [
      ...collect(doc.paths, 'schema'),
      ...Object.entries(doc.components?.schemas ?? {}).map(([name, value]) => ({ pointer: `components/${name}`, value })),
    ];
    expect(schemas.length).toBeGreaterThan(API_ROUTES.length);
    for (const { pointer, value } of schemas) {
      // Wrapped beside the components so that "#/components/..." references resolve as in the document.
      expect(() => ajv.compile({ components: doc.components ?? {}, allOf: [value] }), pointer).not.toThrow();
    }
  });

  it('documents error responses with the application/problem+json media type', async () => {
    for (const { method, path, operation } of operationsOf(await openApiDocument())) {
      for (const [code, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[45]/.test(code)) continue;
        expect(Object.keys(response.content ?? {}), `${method} ${path} ${code}`).toEqual(['application/problem+json']);
      }
    }
  });
});

describe('GET /api/docs', () => {
  it('serves the HTML documentation without credentials', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/docs' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html[\s>]/i);
  });
});

describe('unknown routes', () => {
  it('answers 404 NOT_FOUND as a problem for an unknown /api/v1 route', async () => {
    const res = await api.call('GET', '/api/v1/widgets?limit=5');

    const body = expectProblem(res, 'NOT_FOUND');
    expect(body.detail).toBe('no route GET /api/v1/widgets');
  });

  it('answers 404 NOT_FOUND as a problem for an unknown route outside the API', async () => {
    expectProblem(await api.app.inject({ method: 'GET', url: '/nothing-here' }), 'NOT_FOUND');
  });

  it('answers 401 rather than 404 for an unknown /api/v1 route without a token', async () => {
    expectProblem(await api.app.inject({ method: 'GET', url: '/api/v1/widgets' }), 'UNAUTHENTICATED');
  });
});

describe('authentication', () => {
  it('accepts the bearer scheme name in any letter case', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/server-groups', headers: { authorization: `bEaReR ${TEST_TOKEN}` } });

    expect(res.statusCode).toBe(200);
  });

  it('answers 401 to another authentication scheme', async () => {
    const basic = `Basic ${Buffer.from(`admin:${TEST_TOKEN}`).toString('base64')}`;
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/server-groups', headers: { authorization: basic } });

    expectProblem(res, 'UNAUTHENTICATED');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="tollgate"');
  });

  it('answers 401 to a token that only starts with the right one', async () => {
    const res = await api.app.inject({
      method: 'GET',
      url: '/api/v1/server-groups',
      headers: { authorization: `Bearer ${TEST_TOKEN.slice(0, -1)}` },
    });

    expectProblem(res, 'UNAUTHENTICATED');
  });

  it.each(['/api/v1/%73erver-groups', '/api/%761/server-groups', '/%61pi/v1/server-groups'])(
    'requires the token on %s, a percent-encoded path to a protected route',
    async (url) => {
      const res = await api.app.inject({ method: 'GET', url });

      expectProblem(res, 'UNAUTHENTICATED');
      expect(res.body).not.toContain('production');
    },
  );
});

describe('request bodies', () => {
  const post = (contentType: string, payload: string) => api.send('POST', '/api/v1/server-groups', contentType, payload);

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a text/plain body', async () => {
    const body = expectProblem(await post('text/plain', '{"name":"Staging"}'), 'UNSUPPORTED_MEDIA_TYPE');
    expect(body.detail).toBe('send JSON bodies as application/json');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a form-encoded body', async () => {
    expectProblem(await post('application/x-www-form-urlencoded', 'name=Staging'), 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('parses application/json with a charset as JSON', async () => {
    const res = await post('application/json; charset=utf-8', '{"id":"staging"}');

    expectProblem(res, 'VALIDATION_FAILED', ['name']);
  });

  it('answers 400 VALIDATION_FAILED naming the body when the content type says JSON but the body is empty', async () => {
    expectProblem(await post('application/json', ''), 'VALIDATION_FAILED', ['body']);
  });

  it.each([
    { name: 'a JSON null body', payload: 'null', fields: ['body'] },
    { name: 'a JSON array body', payload: '[{"name":"Staging"}]', fields: ['body'] },
    { name: 'a JSON string body', payload: '"Staging"', fields: ['body'] },
    {
      name: 'a deeply nested body',
      payload: `{"name":"Staging","description":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      fields: ['description'],
    },
  ])('answers 400 VALIDATION_FAILED, never 5xx, to $name', async ({ payload, fields }) => {
    expectProblem(await post('application/json', payload), 'VALIDATION_FAILED', fields);
  });
});

describe('odd requests', () => {
  it.each([
    { name: 'a repeated limit', url: '/api/v1/clients?limit=1&limit=2', fields: ['query.limit'] },
    { name: 'an empty limit', url: '/api/v1/clients?limit=', fields: ['query.limit'] },
    { name: 'a limit too large for a number', url: `/api/v1/clients?limit=1e400`, fields: ['query.limit'] },
    { name: 'an id of 65 characters', url: `/api/v1/clients/${'a'.repeat(65)}`, fields: ['params.id'] },
    { name: 'an id with an encoded slash', url: '/api/v1/clients/a%2Fb', fields: ['params.id'] },
  ])('answers 400 VALIDATION_FAILED, never 5xx, to $name', async ({ url, fields }) => {
    expectProblem(await api.call('GET', url), 'VALIDATION_FAILED', fields);
  });

  it('treats a cursor that does not decode as a position, never a 5xx', async () => {
    const res = await api.call('GET', '/api/v1/clients?cursor=%E2%98%83%00');

    expect(res.statusCode).toBeLessThan(500);
  });
});

describe('x-request-id', () => {
  it('sets a request id on success, the same as the requestId of an error body', async () => {
    const ok = await api.app.inject({ method: 'GET', url: '/api/v1/health' });
    const failed = await api.app.inject({ method: 'GET', url: '/api/v1/clients' });

    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.json().requestId).toBe(failed.headers['x-request-id']);
  });

  it('gives each request its own id', async () => {
    const first = await api.app.inject({ method: 'GET', url: '/api/v1/health' });
    const second = await api.app.inject({ method: 'GET', url: '/api/v1/health' });

    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it('ignores a request id chosen by the client', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'forged-id' } });

    expect(res.headers['x-request-id']).not.toBe('forged-id');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
