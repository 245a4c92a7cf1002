import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingUpstream } from '../echo-upstream.js';
import { chromiumAvailable, type DashboardHarness, logIn, startDashboard } from './browser.js';

const available = chromiumAvailable();

/**
 * The API Projects pages in a real browser against a real `tollgate start`: a project is
 * created, given policies through the forms generated from the policy types' schemas, deployed,
 * called through the gateway, shared through its permissions and traced. The journeys build on
 * each other, in order.
 */
describe.skipIf(!available)('dashboard: API projects', () => {
  let h: DashboardHarness;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let key = '';

  beforeAll(async () => {
    h = await startDashboard('e2e-dashboard-projects-token');
    upstream = await startRecordingUpstream();
    await logIn(h.page);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  /** A call through the production gateway; `withKey` sends the subscription's consumer key. */
  const gatewayCall = async (path: string, withKey: boolean) => {
    const response = await fetch(`${h.platform.gateways.production}/petstore${path}`, { headers: withKey ? { 'x-api-key': key } : {} });
    return { status: response.status, body: await response.text() };
  };

  it('creates a project with a resource, after showing the API’s message beside the field it names', async () => {
    const { page } = h;
    await page.goto('/projects?group=production');
    await expect.poll(() => page.locator('.empty').textContent()).toContain('No API project yet');
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByRole('heading', { name: 'New API project' }).waitFor();
    await page.locator('input[name="id"]').fill('petstore');
    await page.locator('input[name="name"]').fill('Petstore');
    await page.locator('input[name="contextPath"]').fill('petstore');
    await page.locator('input[name="targetUrl"]').fill(upstream.url);
    await page.getByRole('button', { name: 'Add resource' }).click();
    await page.getByLabel('Path of resource 1').fill('/pets');
    await page.getByRole('button', { name: 'Create' }).click();
    const contextPathError = page.locator('.field.invalid:has(input[name="contextPath"]) .field-error');
    await expect.poll(() => contextPathError.textContent()).toMatch(/.+/);
    // The refused create is the one console error the browser reports (a failed fetch).
    expect(h.consoleErrors).toEqual([expect.stringMatching(/status of 400 .*\/api\/v1\/projects$/)]);
    h.consoleErrors.length = 0;
    await h.screenshot('project-new-field-error');

    await page.locator('input[name="contextPath"]').fill('/petstore');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Petstore' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/projects/petstore/overview');
    const created = await h.call('GET', '/projects/petstore');
    expect(created.body).toMatchObject({
      contextPath: '/petstore',
      target: { url: upstream.url },
      resources: [{ path: '/pets', methods: ['GET'], acceptChildPaths: false }],
      policies: [{ id: 'verify-api-key', type: 'verify-api-key', flow: 'proxy-request' }],
    });

    // Overview stages edits until Save.
    await page.locator('textarea[name="description"]').fill('Pets, for sale.');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    expect((await h.call('GET', '/projects/petstore')).body.description).toBe('Pets, for sale.');
    await h.screenshot('project-overview');

    await page.getByRole('link', { name: 'Resources' }).click();
    expect(await page.getByLabel('Path of resource 1').inputValue()).toBe('/pets');

    // The list searches with `q` and says, per project, whether it runs in the chosen group.
    await page.goto('/projects?group=production&q=pet');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Petstore' }) });
    await expect.poll(() => row.textContent()).toContain('not deployed');
    expect(await page.getByRole('columnheader', { name: 'In production' }).count()).toBe(1);
    await h.screenshot('projects-list');
    expect(h.consoleErrors).toEqual([]);
  });

  it('adds a quota policy through the form generated from its schema, then reorders and disables policies', async () => {
    const { page } = h;
    await page.goto('/projects/petstore/policies?group=production');
    await page.getByRole('article', { name: 'Policy verify-api-key' }).waitFor();

    await page.getByRole('button', { name: 'Add policy to proxy request' }).click();
    const adding = page.getByRole('group', { name: 'New policy in proxy request' });
    await adding.locator('select[name="type"]').selectOption('quota');
    // The form is the quota schema's: its fields, descriptions as hints, defaults as placeholders.
    await adding.getByText('Calls allowed per period.').waitFor();
    expect(await adding.locator('input[name="timeZone"]').getAttribute('placeholder')).toBe('UTC');
    expect(await adding.locator('select[name="onStoreFailure"] option').first().textContent()).toBe('Default (local)');
    await adding.locator('input[name="limit"]').fill('0');
    await adding.locator('select[name="unit"]').selectOption({ label: 'minute' });
    await h.screenshot('policy-add-quota');
    await adding.getByRole('button', { name: 'Add', exact: true }).click();

    await page.getByRole('button', { name: 'Add policy to proxy request' }).click();
    await adding.locator('select[name="type"]').selectOption('mock-response');
    await adding.locator('input[name="status"]').fill('418');
    await adding.getByRole('button', { name: 'Add', exact: true }).click();

    await page.getByRole('button', { name: 'Save' }).click();
    const quota = page.getByRole('article', { name: 'Policy quota' });
    const limitError = quota.locator('.field.invalid:has(input[name="limit"]) .field-error');
    await expect.poll(() => limitError.textContent()).toBe('must be >= 1');
    expect(h.consoleErrors).toEqual([expect.stringMatching(/status of 400 .*\/api\/v1\/projects\/petstore$/)]);
    h.consoleErrors.length = 0;
    await h.screenshot('policy-field-error');

    await quota.locator('input[name="limit"]').fill('100');
    await page.getByRole('button', { name: 'Move mock-response up' }).click();
    const mock = page.getByRole('article', { name: 'Policy mock-response' });
    await mock.getByLabel('Enabled').uncheck();
    await mock.getByText('disabled', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });

    const saved = (await h.call('GET', '/projects/petstore')).body.policies as Array<{ id: string; enabled: boolean; config: unknown }>;
    expect(saved.map((policy) => [policy.id, policy.enabled])).toEqual([
      ['verify-api-key', true],
      ['mock-response', false],
      ['quota', true],
    ]);
    // Only what was typed is stored: the defaults stay the type's, so a later change of one reaches it.
    expect(saved[2]?.config).toEqual({ limit: 100, unit: 'minute' });
    expect(saved[1]?.config).toEqual({ status: 418 });
    await h.screenshot('policies');

    await page.setViewportSize({ width: 820, height: 1100 });
    await h.screenshot('policies-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(h.consoleErrors).toEqual([]);
  });

  it('generates a form for every policy type, one control per field of its schema', async () => {
    const { page } = h;
    const types = (await h.call('GET', '/policy-types')).body.items as Array<{ name: string; schema: { properties?: object } }>;
    expect(types.length).toBeGreaterThan(20);
    await page.goto('/projects/petstore/policies?group=production');
    await page.getByRole('button', { name: 'Add policy to proxy request' }).click();
    const adding = page.getByRole('group', { name: 'New policy in proxy request' });
    for (const type of types) {
      await adding.locator('select[name="type"]').selectOption(type.name);
      const fields = Object.keys(type.schema.properties ?? {}).length;
      await expect.poll(() => adding.locator('.schema-form > .field').count(), { message: type.name }).toBe(fields);
    }
    // Maps and unions (headers, bodies) fall back to JSON text.
    await adding.locator('select[name="type"]').selectOption('mock-response');
    await adding.locator('textarea[name="headers"]').fill('{ "x-mock": ');
    await adding.getByText('Not valid JSON').waitFor();
    await adding.locator('textarea[name="headers"]').fill('{ "x-mock": "yes" }');
    await adding.getByText('Not valid JSON').waitFor({ state: 'detached' });
    await h.screenshot('policy-form-json-fallback');
    await adding.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByText('Unsaved changes').count()).toBe(0);
    expect(h.consoleErrors).toEqual([]);
  });

  it('deploys the project to production, where the gateway forwards keyed calls to the backend', async () => {
    const { page } = h;
    await page.goto('/projects/petstore/deployments?group=production');
    const production = page.getByRole('row', { name: 'Server group production' });
    await expect.poll(() => production.textContent()).toContain('Not deployed');
    await production.getByRole('button', { name: 'Deploy' }).click();
    await expect.poll(() => production.textContent()).toContain('Deployed at /petstore');
    expect(await page.getByRole('row', { name: 'Server group development' }).textContent()).toContain('Not deployed');
    const deployments = (await h.call('GET', '/projects/petstore/deployments')).body.items as Array<{ serverGroupId: string }>;
    expect(deployments.map((deployment) => deployment.serverGroupId)).toEqual(['production']);
    await h.screenshot('deployments');

    // A key, set up through the API: products and subscriptions are another section's journey.
    const setup = [
      await h.call('POST', '/products', { id: 'pets', name: 'Pets', serverGroupIds: ['production'], projectIds: ['petstore'] }),
      await h.call('POST', '/clients', { id: 'alice', email: 'alice@example.test', name: 'Alice' }),
      await h.call('POST', '/subscriptions', { id: 'alice-app', name: 'App', clientId: 'alice', products: [{ productId: 'pets' }] }),
    ];
    expect(setup.map((answer) => answer.status)).toEqual([201, 201, 201]);
    key = ((setup[2]?.body.products ?? []) as Array<{ consumerKey: string }>)[0]?.consumerKey ?? '';

    // verify-api-key runs first: without a key, 401; with one, the backend answers (the disabled mock does not).
    await expect.poll(async () => (await gatewayCall('/pets', false)).status, { timeout: 10_000, interval: 200 }).toBe(401);
    await expect.poll(async () => (await gatewayCall('/pets', true)).status, { timeout: 10_000, interval: 200 }).toBe(200);
    const answer = await gatewayCall('/pets', true);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, url: '/pets' });
    expect(upstream.seen.some((request) => request.url === '/pets')).toBe(true);

    await page.goto('/projects?group=production');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Petstore' }) });
    await expect.poll(() => row.textContent()).toMatch(/(?<!not )deployed/);
    expect(h.consoleErrors).toEqual([]);
  });

  it('changes a permission entry and saves it; a change the API refuses shows its 403', async () => {
    const { page } = h;
    await page.goto('/projects/petstore/permissions?group=production');
    await expect.poll(() => page.locator('.empty').textContent()).toContain('No entries');
    await page.getByLabel('Principal type').selectOption('group');
    await page.getByLabel('Group id').fill('api-users');
    await page.getByRole('button', { name: 'Add entry' }).click();
    await page.getByLabel('modify for group api-users').selectOption('deny');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    const entries = await h.call('GET', '/projects/petstore/permissions');
    expect(entries.body.entries).toEqual([
      { principal: { type: 'group', id: 'api-users' }, view: 'inherit', modify: 'deny', deploy: 'inherit' },
    ]);
    await h.screenshot('project-permissions');

    // Ada is in `everyone`: nobody changes the entries of their own groups.
    await page.getByLabel('Group id').fill('everyone');
    await page.getByRole('button', { name: 'Add entry' }).click();
    await page.getByLabel('view for group everyone').selectOption('deny');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.banner').textContent()).toContain('FORBIDDEN');
    expect(h.consoleErrors).toEqual([expect.stringMatching(/status of 403 .*\/api\/v1\/projects\/petstore\/permissions$/)]);
    h.consoleErrors.length = 0;
    await h.screenshot('project-permissions-refused');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('row', { name: 'group everyone' }).waitFor({ state: 'detached' });
    expect((await h.call('GET', '/projects/petstore/permissions')).body).toEqual(entries.body);
    expect(h.consoleErrors).toEqual([]);
  });

  it('starts a trace, and a call through the gateway shows up with its policy steps', async () => {
    const { page } = h;
    await page.goto('/projects/petstore/traces?group=production');
    await page.getByRole('button', { name: 'Start trace' }).waitFor();
    await expect.poll(() => page.locator('.empty').textContent()).toContain('No traced calls');

    await page.getByRole('button', { name: 'Start trace' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Tracing the next 100 calls through production');
    // The gateway learns of the session within a configuration reload; the list refreshes itself.
    const traced = page.getByRole('link', { name: 'GET /petstore/pets' });
    await expect
      .poll(
        async () => {
          await gatewayCall('/pets', true);
          return traced.count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await h.screenshot('traces');

    await traced.first().click();
    const steps = page.getByRole('table', { name: 'Steps' });
    await expect.poll(() => steps.textContent()).toContain('verify-api-key');
    expect(await steps.textContent()).toContain('quota');
    expect(await steps.textContent()).not.toContain('mock-response');
    await page.getByText('200 after').waitFor();
    await h.screenshot('trace-steps');

    await page.getByRole('link', { name: '← Traced calls' }).click();
    await page.getByRole('button', { name: 'Stop trace' }).click();
    await page.getByRole('button', { name: 'Start trace' }).waitFor();
    expect(h.consoleErrors).toEqual([]);
  });
});
