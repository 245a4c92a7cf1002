import { beforeEach, describe, expect, it } from 'vitest';
import { type EchoReply, makePolicy, usePolicyGateway } from '../../testing/index.js';

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Pets', version: '1' },
  paths: {
    '/pets': {
      get: { parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } }] },
      post: {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
        },
      },
    },
    '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }] } },
  },
  components: { schemas: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
};

/** validate-openapi through a real gateway node and a real upstream. */
describe('validate-openapi end to end', () => {
  const e2e = usePolicyGateway();

  beforeEach(async () => {
    const policy = makePolicy({ id: 'oas', type: 'validate-openapi', config: { spec: SPEC } });
    await e2e.start([policy], { project: { contextPath: '/api' } });
  });

  const problemOf = async (answer: Response) => (await answer.json()) as { code: string; detail: string };

  it('forwards requests that match an operation, query and body unchanged', async () => {
    const listed = await fetch(`${e2e.gateway.url}/api/pets?limit=05`);
    const created = await fetch(`${e2e.gateway.url}/api/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Rex"}',
    });
    expect([listed.status, created.status]).toEqual([200, 200]);
    expect(((await listed.json()) as EchoReply).url).toBe('/pets?limit=05');
    expect(((await created.json()) as EchoReply).body).toBe('{"name":"Rex"}');
    expect((await fetch(`${e2e.gateway.url}/api/pets/42`)).status).toBe(200);
  });

  it('refuses invalid parameters and bodies with 400 VALIDATION_FAILED; the backend never sees them', async () => {
    const query = await fetch(`${e2e.gateway.url}/api/pets?limit=500`);
    const path = await fetch(`${e2e.gateway.url}/api/pets/rex`);
    const body = await fetch(`${e2e.gateway.url}/api/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":7}',
    });
    expect([query.status, path.status, body.status]).toEqual([400, 400, 400]);
    expect(await problemOf(query)).toMatchObject({ code: 'VALIDATION_FAILED', detail: "query parameter 'limit' must be <= 100" });
    expect((await problemOf(path)).detail).toBe("path parameter 'id' must be integer");
    expect((await problemOf(body)).detail).toBe('the request body does not match the schema: /name must be string');
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('answers 404 for a path and 405 with Allow for a method the document lacks', async () => {
    const unknown = await fetch(`${e2e.gateway.url}/api/owners`);
    const method = await fetch(`${e2e.gateway.url}/api/pets/1`, { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).code).toBe('ROUTE_NOT_FOUND');
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET, HEAD');
    expect((await problemOf(method)).code).toBe('METHOD_NOT_ALLOWED');
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('answers 415 for a body in a media type the operation does not accept', async () => {
    const answer = await fetch(`${e2e.gateway.url}/api/pets`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Rex' });
    expect(answer.status).toBe(415);
    expect(e2e.upstream.received).toHaveLength(0);
  });
});
