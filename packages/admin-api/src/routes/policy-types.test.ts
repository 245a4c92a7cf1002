import { POLICIES } from '@tollgate/gateway/policies';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeProjectInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem, itRequiresTheAdminToken } from '../testing/problems.js';

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
});

afterEach(async () => {
  await api.close();
});

describe('GET /api/v1/policy-types', () => {
  it('lists every registered policy type in run order, with a plain JSON Schema of its config', async () => {
    const res = await api.call('GET', '/api/v1/policy-types');

    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ name: string; priority: number; schema: { type: string; properties: object } }>;
    expect(items.map((t) => t.name).sort()).toEqual(POLICIES.map((p) => p.name).sort());
    expect(items.map((t) => t.priority)).toEqual([...items.map((t) => t.priority)].sort((a, b) => a - b));
    const key = items.find((t) => t.name === 'verify-api-key');
    expect(key).toMatchObject({
      flows: ['proxy-request'],
      scopes: ['project', 'resource'],
      schema: { type: 'object', properties: { header: { type: 'string', default: 'x-api-key' } } },
    });
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/policy-types' });
});

describe('GET /api/v1/policy-types/{name}', () => {
  it('answers one type', async () => {
    const res = await api.call('GET', '/api/v1/policy-types/verify-api-key');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'verify-api-key', description: expect.stringMatching(/key/) });
  });

  it('answers 404 NOT_FOUND for an unknown type', async () => {
    expectProblem(await api.call('GET', '/api/v1/policy-types/no-such-policy'), 'NOT_FOUND');
  });

  it('answers 400 naming params.name for a malformed name', async () => {
    expectProblem(await api.call('GET', '/api/v1/policy-types/Not_A_Name'), 'VALIDATION_FAILED', ['params.name']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/policy-types/verify-api-key' });
});

describe('policy configuration checked against the policy type', () => {
  const withPolicy = (policy: Record<string, unknown>) => makeProjectInput({ policies: [policy as never] });

  it('refuses an unknown policy type, naming policies.N.type', async () => {
    const input = withPolicy({ type: 'no-such-policy', flow: 'proxy-request' });

    const body = expectProblem(await api.call('POST', '/api/v1/projects', input), 'VALIDATION_FAILED', ['policies.0.type']);
    expect(body.fields['policies.0.type']).toMatch(/unknown policy type 'no-such-policy'/);
  });

  it('refuses a flow the type does not run in, naming policies.N.flow', async () => {
    const input = withPolicy({ type: 'verify-api-key', flow: 'proxy-response' });

    expectProblem(await api.call('POST', '/api/v1/projects', input), 'VALIDATION_FAILED', ['policies.0.flow']);
  });

  it('refuses a config field of the wrong shape, naming the field inside the policy', async () => {
    const input = withPolicy({ type: 'verify-api-key', flow: 'proxy-request', config: { header: 'Not A Header' } });

    expectProblem(await api.call('POST', '/api/v1/projects', input), 'VALIDATION_FAILED', ['policies.0.config.header']);
  });

  it('refuses a config field the type does not have', async () => {
    const input = withPolicy({ type: 'verify-api-key', flow: 'proxy-request', config: { headr: 'x-key' } });

    const body = expectProblem(await api.call('POST', '/api/v1/projects', input), 'VALIDATION_FAILED', ['policies.0.config.headr']);
    expect(body.fields['policies.0.config.headr']).toBe('is not a field of this policy type');
  });

  it('checks a server group override merged over the config, naming the override field', async () => {
    const input = withPolicy({
      type: 'verify-api-key',
      flow: 'proxy-request',
      config: { header: 'x-key' },
      serverGroupConfig: { production: { queryParameter: 42 } },
    });

    expectProblem(await api.call('POST', '/api/v1/projects', input), 'VALIDATION_FAILED', [
      'policies.0.serverGroupConfig.production.queryParameter',
    ]);
  });

  it('checks policies on update too, and stores nothing when refused', async () => {
    await api.call('POST', '/api/v1/projects', makeProjectInput());

    const res = await api.call('PATCH', '/api/v1/projects/petstore', {
      policies: [
        { type: 'verify-api-key', flow: 'proxy-request' },
        { type: 'verify-api-key', flow: 'proxy-request', config: { header: '' } },
      ],
    });

    expectProblem(res, 'VALIDATION_FAILED', ['policies.1.config.header']);
    expect((await api.services.projects.get('petstore')).policies.map((p) => p.type)).toEqual(['verify-api-key']);
  });

  it('accepts a valid config and stores it as sent (defaults are applied by the gateway)', async () => {
    const input = withPolicy({ type: 'verify-api-key', flow: 'proxy-request', config: { header: 'x-key' } });

    const res = await api.call('POST', '/api/v1/projects', input);

    expect(res.statusCode).toBe(201);
    expect(res.json().policies[0].config).toEqual({ header: 'x-key' });
  });
});
