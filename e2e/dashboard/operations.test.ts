import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingUpstream } from '../echo-upstream.js';
import { eventually } from '../platform.js';
import { chromiumAvailable, type DashboardHarness, logIn, startDashboard } from './browser.js';

const available = chromiumAvailable();

/** Clicks `trigger` and reads the file the page downloads. */
async function download(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Analytics, Server Groups and Administration, in a real browser against a real `tollgate start` with real gateway calls. */
describe.skipIf(!available)('dashboard: analytics, server groups, administration', () => {
  let h: DashboardHarness;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  /** The production group's hits once the journey's calls are flushed (readiness probes included). */
  let hits = 0;

  beforeAll(async () => {
    upstream = await startRecordingUpstream();
    h = await startDashboard('e2e-dashboard-operations-token');
    await logIn(h.page);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  it('shows gateway calls in Analytics, narrows them, exports them as CSV and follows the group picker', async () => {
    const { page, call } = h;
    expect(
      (await call('POST', '/projects', { id: 'pets', name: 'Pets', contextPath: '/pets', target: { url: upstream.url } })).status,
    ).toBe(201);
    expect((await call('POST', '/projects/pets/deployments', { serverGroupId: 'production' })).status).toBe(201);
    expect(
      (await call('POST', '/products', { id: 'gold', name: 'Gold', serverGroupIds: ['production'], projectIds: ['pets'] })).status,
    ).toBe(201);
    expect((await call('POST', '/clients', { id: 'alice', name: 'Alice', email: 'alice@example.test' })).status).toBe(201);
    const subscription = await call('POST', '/subscriptions', {
      id: 'alice-app',
      name: 'Alice app',
      clientId: 'alice',
      products: [{ productId: 'gold' }],
    });
    expect(subscription.status).toBe(201);
    const key = (subscription.body.products as Array<{ consumerKey: string }>)[0]?.consumerKey ?? '';

    const gateway = h.platform.gateways.production ?? '';
    const status = async (path: string, apiKey?: string) => {
      const response = await fetch(`${gateway}${path}`, { headers: apiKey === undefined ? {} : { 'x-api-key': apiKey } });
      await response.arrayBuffer();
      return response.status;
    };
    // The deployment reaches the node within a poll; the probes before it are calls too.
    await eventually(() => status('/pets/ready', key), 200);
    for (let index = 0; index < 8; index++) expect(await status(`/pets/items/${index}`, key)).toBe(200);
    for (let index = 0; index < 2; index++) expect(await status('/pets/broken?status=503', key)).toBe(503);
    for (let index = 0; index < 3; index++) expect(await status('/pets/items/anonymous')).toBe(401);

    // Nodes flush their counts every second or so: wait until the API's count is complete and still.
    const summaryHits = async () =>
      ((await call('GET', '/analytics/summary?serverGroupId=production&period=last24h')).body.totals as { hits: number }).hits;
    for (let previous = -1; ; ) {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      hits = await summaryHits();
      if (hits >= 14 && hits === previous) break;
      previous = hits;
    }

    await page.goto('/analytics?group=production');
    const hitsFigure = page.locator('.figure', { hasText: 'Hits' }).locator('dd');
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return (await hitsFigure.count()) === 0 ? '' : await hitsFigure.textContent();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(String(hits));
    expect(await page.locator('.figure', { hasText: '5xx' }).locator('dd').textContent()).toMatch(/^2\b/);
    await page.getByRole('img', { name: 'Hits' }).waitFor();
    await page.getByRole('img', { name: 'Status classes' }).waitFor();
    await page.getByRole('img', { name: 'Latency percentiles' }).waitFor();
    expect(await page.getByRole('region', { name: 'API projects' }).textContent()).toContain('pets');
    expect(await page.getByRole('region', { name: 'Products' }).textContent()).toContain('gold');
    const statuses = await page.getByRole('region', { name: 'Status codes' }).textContent();
    for (const code of ['200', '401', '503']) expect(statuses).toContain(code);
    await h.screenshot('analytics');

    // 30 days by minute is more buckets than the API answers: its message beside the Interval picker.
    await page.getByLabel('Period').selectOption('last30d');
    await page.getByLabel('Interval').selectOption('minute');
    await expect.poll(() => page.locator('.field.invalid select[name="interval"]').count()).toBe(1);
    expect(await page.locator('.field.invalid .field-error').textContent()).toMatch(/bucket/i);
    expect(h.consoleErrors.length).toBeGreaterThan(0);
    for (const error of h.consoleErrors) expect(error).toMatch(/status of 400 .*\/api\/v1\/analytics\//);
    h.consoleErrors.length = 0;
    await page.getByLabel('Interval').selectOption('auto');
    await page.getByLabel('Period').selectOption('last24h');
    await expect.poll(() => hitsFigure.textContent(), { timeout: 10_000 }).toBe(String(hits));

    // The time series as the API's CSV, fetched with the session (a plain link would carry no token).
    const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.name).toBe('analytics-timeseries.csv');
    const [header, ...rows] = csv.text.trim().split(/\r?\n/);
    const columns = (header ?? '').split(',');
    expect(columns.slice(0, 2)).toEqual(['start', 'hits']);
    expect(rows.reduce((sum, row) => sum + Number(row.split(',')[1]), 0)).toBe(hits);

    // Narrowed to the product: its own top list goes; the others rank within a filter, which only
    // raw events answer (`--analytics full`), and say so.
    await page.getByLabel('Narrow to').selectOption('product');
    await page.getByLabel('Id', { exact: true }).fill('gold');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Product gold in server group production').waitFor();
    expect(new URL(page.url()).searchParams.get('dimension')).toBe('product');
    await page.getByRole('region', { name: 'Products' }).waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('region', { name: 'Clients' }).textContent(), { timeout: 10_000 }).toContain('--analytics full');
    expect(Number(await hitsFigure.textContent())).toBeGreaterThanOrEqual(10);
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByText('Every call in server group production').waitFor();

    // The group picker: development has had no call.
    await page.getByLabel('Server group').selectOption('development');
    await expect.poll(() => page.locator('.analytics .empty').textContent(), { timeout: 10_000 }).toContain('No calls in this period');
    expect(await page.locator('.analytics-scope').textContent()).toContain('Server group development');
    await h.screenshot('analytics-development-empty');
    await page.getByLabel('Server group').selectOption('production');
    await expect.poll(() => hitsFigure.textContent(), { timeout: 10_000 }).toBe(String(hits));

    // A tablet: the charts and tables reflow, nothing wider than the page.
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.getByRole('img', { name: 'Hits' }).waitFor();
    expect(await page.locator('html').evaluate((root) => root.scrollWidth)).toBeLessThanOrEqual(820);
    await h.screenshot('analytics-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);

  it('shows production’s node on the current configuration version, and creates and edits a group', async () => {
    const { page, call } = h;
    await page.goto('/server-groups?group=production');
    const nodes = page.getByRole('table', { name: 'Nodes of production' });
    await expect.poll(() => nodes.textContent(), { timeout: 10_000 }).toContain('online');
    const reported = (await call('GET', '/server-groups/production/nodes')).body.items as Array<{ configVersion: number }>;
    expect(reported).toHaveLength(1);
    const row = nodes.locator('tbody tr').first();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Current');
    expect(await row.textContent()).toContain(String(reported[0]?.configVersion));
    expect(await page.getByRole('table', { name: 'Server groups' }).textContent()).toContain('1 of 1 online');
    await h.screenshot('server-groups');

    // A used id: the API's message beside the Id field.
    await page.getByRole('link', { name: 'New' }).click();
    await page.locator('input[name="id"]').fill('production');
    await page.getByLabel('Name', { exact: true }).fill('Staging');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.locator('.field.invalid .field-error').first().textContent()).toBeTruthy();
    expect(await page.locator('.field.invalid input[name="id"]').count()).toBe(1);
    expect(h.consoleErrors).toEqual([expect.stringMatching(/status of 409 .*\/api\/v1\/server-groups$/)]);
    h.consoleErrors.length = 0;
    await page.locator('input[name="id"]').fill('staging');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Staging' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/server-groups/staging');
    await page.getByText('No gateway node serves staging').waitFor();
    // The top bar's picker lists the new group at once.
    await expect.poll(() => page.getByLabel('Server group').locator('option').allTextContents()).toContain('staging');

    await page.getByLabel('Description').fill('Pre-production');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await page.getByLabel('Description').inputValue()).toBe('');
    await page.getByLabel('Description').fill('Pre-production');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    expect((await call('GET', '/server-groups/staging')).body.description).toBe('Pre-production');
    await h.screenshot('server-group-detail');
    expect(h.consoleErrors).toEqual([]);
  }, 60_000);

  it('creates a group and a user in it, grants the group a permission, and shows it all in the audit log', async () => {
    const { page, call } = h;
    await page.goto('/administration?group=production');
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/administration/users');
    await expect.poll(() => page.getByRole('table', { name: 'Users' }).textContent()).toContain('ada');

    // A group.
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('link', { name: 'New' }).click();
    await page.locator('input[name="id"]').fill('ops');
    await page.getByLabel('Name', { exact: true }).fill('Operations');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Operations' }).waitFor();

    // A user in it; a short password is refused beside the field.
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'New' }).click();
    await page.locator('input[name="username"]').fill('grace');
    await page.getByLabel('Display name').fill('Grace');
    await page.getByLabel('E-mail').fill('grace@example.test');
    await page.locator('input[name="password"]').fill('short');
    await page.getByRole('checkbox', { name: 'Operations' }).check();
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.locator('.field.invalid input[name="password"]').count()).toBe(1);
    expect(h.consoleErrors).toEqual([expect.stringMatching(/status of 400 .*\/api\/v1\/users$/)]);
    h.consoleErrors.length = 0;
    await page.locator('input[name="password"]').fill('a long enough password');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Grace' }).waitFor();
    expect((await call('GET', '/users/grace')).body.groups).toEqual(['ops']);

    // Edited, staged until Save.
    await page.getByLabel('Display name').fill('Grace Hopper');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    expect((await call('GET', '/users/grace')).body.displayName).toBe('Grace Hopper');

    // The group lists her.
    await page.goto('/administration/groups/ops?group=production');
    await page.getByRole('button', { name: 'Remove grace' }).waitFor();

    // A global grant to the group.
    await page.goto('/administration/permissions?group=production');
    await page.getByLabel('Grant of a').selectOption('group');
    await page.locator('input[name="principal"]').fill('ops');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Permissions of group ops' }).waitFor();
    await page.locator('input[name="VIEW_ANALYTICS"]').check();
    await page.locator('input[name="VIEW_SERVER_GROUPS"]').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    expect((await call('GET', '/permissions/group/ops')).body.permissions).toEqual(['VIEW_SERVER_GROUPS', 'VIEW_ANALYTICS']);
    await h.screenshot('permissions-group');

    // Ada is an administrator: the API refuses her changing that group, and the page says why.
    await page.goto('/administration/permissions/group/administrators?group=production');
    await page.locator('input[name="VIEW_TRACE"]').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.banner').textContent()).toContain('FORBIDDEN');
    expect(h.consoleErrors).toEqual([expect.stringMatching(/status of 403 .*\/api\/v1\/permissions\/group\/administrators$/)]);
    h.consoleErrors.length = 0;
    expect((await call('GET', '/permissions/group/administrators')).body.permissions).toContain('VIEW_TRACE');

    // A user deleted after asking twice.
    expect(
      (await call('POST', '/users', { username: 'temp', displayName: 'Temp', email: 't@example.test', password: 'temporary password' }))
        .status,
    ).toBe(201);
    await page.goto('/administration/users/temp?group=production');
    await page.getByRole('button', { name: 'Delete user' }).click();
    await page.getByRole('button', { name: 'Yes, delete user' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    expect((await call('GET', '/users/temp')).status).toBe(404);

    // The audit log: Ada's actions, newest first; the refusal among them.
    await page.goto('/administration/audit?group=production');
    await page.getByLabel('Actor').fill('ada');
    await page.getByRole('button', { name: 'Apply' }).click();
    const records = page.getByRole('table', { name: 'Audit records' });
    await expect.poll(() => records.textContent()).toContain('createUser');
    const text = (await records.textContent()) ?? '';
    for (const action of ['createGroup', 'createUser', 'updateUser', 'setPermissions', 'deleteUser', 'login'])
      expect(text).toContain(action);
    expect(text).toContain('denied');
    expect(new URL(page.url()).searchParams.get('actor')).toBe('ada');
    await h.screenshot('audit-log');

    await page.getByLabel('Outcome').selectOption('denied');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => (await records.locator('tbody tr').allTextContents()).length).toBe(1);
    expect(await records.locator('tbody tr').first().textContent()).toContain('setPermissions');

    const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.name).toBe('audit.csv');
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^seq,time,actorType,actorId,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('setPermissions');
    expect(h.consoleErrors).toEqual([]);
  }, 90_000);
});
