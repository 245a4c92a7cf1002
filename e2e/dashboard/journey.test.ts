import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingUpstream } from '../echo-upstream.js';
import { chromiumAvailable, type DashboardHarness, logIn, readClipboard, startDashboard } from './browser.js';

const available = chromiumAvailable();

/**
 * The operator's main journey, end to end through the dashboard only (the API is read back, never
 * written, by the test): log in; create a project with a resource and a quota policy and deploy
 * it; create a product with it; create an organization, a client and a subscription and copy the
 * key; call the gateway with that key; see the call in the subscription's Analytics tab; change a
 * permission; add a rate plan. The steps build on each other, in order.
 */
describe.skipIf(!available)('dashboard: the main journey', () => {
  let h: DashboardHarness;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let key = '';

  beforeAll(async () => {
    h = await startDashboard('e2e-dashboard-journey-token');
    upstream = await startRecordingUpstream();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  /** The hits of the last 24 hours in production the API counts for a filter now. */
  const countedHits = async (filter: string) =>
    ((await h.call('GET', `/analytics/summary?serverGroupId=production&period=last24h&${filter}`)).body.totals as { hits: number }).hits;

  /** {@link countedHits} once two reads a second apart agree. */
  const settledHits = async (filter: string) => {
    for (let previous = -1; ; ) {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const hits = await countedHits(filter);
      if (hits > 0 && hits === previous) return hits;
      previous = hits;
    }
  };

  /** The Hits figure the Analytics panel shows after a Refresh (0 while it has none). */
  const shownHits = async () => {
    await h.page.getByRole('button', { name: 'Refresh' }).click();
    const figure = h.page.locator('.figure', { hasText: 'Hits' }).locator('dd');
    return (await figure.count()) === 0 ? 0 : Number(await figure.textContent());
  };

  it('logs in', async () => {
    await logIn(h.page);
    expect(new URL(h.page.url()).pathname).toBe('/products');
    await h.screenshot('journey-1-logged-in');
  });

  it('creates a project with a resource and a quota policy, and deploys it to production', async () => {
    const { page } = h;
    await page.goto('/projects/new?group=production');
    await page.locator('input[name="id"]').fill('shop');
    await page.locator('input[name="name"]').fill('Shop');
    await page.locator('input[name="contextPath"]').fill('/shop');
    await page.locator('input[name="targetUrl"]').fill(upstream.url);
    await page.getByRole('button', { name: 'Add resource' }).click();
    await page.getByLabel('Path of resource 1').fill('/items');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Shop' }).waitFor();

    await page.getByRole('link', { name: 'Policies' }).click();
    await page.getByRole('button', { name: 'Add policy to proxy request' }).click();
    const adding = page.getByRole('group', { name: 'New policy in proxy request' });
    await adding.locator('select[name="type"]').selectOption('quota');
    await adding.locator('input[name="limit"]').fill('100');
    await adding.locator('select[name="unit"]').selectOption({ label: 'minute' });
    await adding.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    await page.getByRole('article', { name: 'Policy quota' }).waitFor();

    await page.getByRole('link', { name: 'Deployments' }).click();
    const production = page.getByRole('row', { name: 'Server group production' });
    await production.getByRole('button', { name: 'Deploy' }).click();
    await expect.poll(() => production.textContent()).toContain('Deployed at /shop');
    await h.screenshot('journey-2-project-deployed');

    const project = (await h.call('GET', '/projects/shop')).body;
    expect(project.resources).toMatchObject([{ path: '/items' }]);
    expect((project.policies as Array<{ type: string; config: unknown }>).map((policy) => policy.type)).toEqual([
      'verify-api-key',
      'quota',
    ]);
    expect(h.consoleErrors).toEqual([]);
  });

  it('creates a product with the project', async () => {
    const { page } = h;
    await page.goto('/products/new?group=production');
    await page.getByLabel('Id', { exact: false }).first().fill('gold');
    await page.getByLabel('Name').fill('Gold');
    await page.getByLabel('API projects').fill('shop');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Gold' }).waitFor();
    expect((await h.call('GET', '/products/gold')).body).toMatchObject({ projectIds: ['shop'], serverGroupIds: ['production'] });
    await h.screenshot('journey-3-product');
    expect(h.consoleErrors).toEqual([]);
  });

  it('creates an organization, a client and a subscription, and copies the key', async () => {
    const { page } = h;
    await page.goto('/organizations/new?group=production');
    await page.getByLabel('Id', { exact: false }).first().fill('acme');
    await page.getByLabel('Name').fill('Acme');
    await page.getByRole('checkbox', { name: 'Gold' }).check();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Acme' }).waitFor();

    await page.goto('/clients/new?group=production');
    await page.getByLabel('Id', { exact: false }).first().fill('carol');
    await page.getByLabel('Name').fill('Carol');
    await page.getByLabel('E-mail').fill('carol@acme.test');
    await page.getByLabel('Organization').selectOption('acme');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Carol' }).waitFor();

    await page.goto('/subscriptions/new?group=production');
    await page.getByLabel('Id', { exact: false }).first().fill('carol-app');
    await page.getByLabel('Name').fill('Carol app');
    await page.getByLabel('Client').selectOption('carol');
    await page.getByRole('checkbox', { name: 'Gold' }).check();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Carol app' }).waitFor();
    const keyRegion = page.getByRole('region', { name: 'Key for gold' });
    await keyRegion.getByRole('button', { name: 'Copy key' }).click();
    await keyRegion.getByRole('button', { name: 'Copied' }).waitFor();
    key = await readClipboard(page);
    expect(key).toMatch(/^tg_k_/);
    expect(await keyRegion.textContent()).toContain(key);
    await h.screenshot('journey-4-subscription-key');
    expect(h.consoleErrors).toEqual([]);
  });

  it('calls the gateway with the copied key, and sees the call in the subscription’s Analytics tab', async () => {
    const { page } = h;
    const url = `${h.platform.gateways.production}/shop/items`;
    const call = () => fetch(url, { headers: { 'x-api-key': key } });
    await expect.poll(async () => (await call()).status, { timeout: 10_000 }).toBe(200);
    expect(upstream.seen.at(-1)?.url).toBe('/items');
    // The key opens the gateway; it never reaches the backend.
    expect(upstream.seen.at(-1)?.headers['x-api-key']).toBeUndefined();
    // A call without a key counts for the project but for no subscription: so the subscription's
    // panel must show fewer hits than the project's, which an unfiltered panel would not.
    expect((await fetch(url)).status).toBe(401);

    // Nodes flush counts every second or so: wait until the API's counts are complete, then the pages must show them.
    const hits = await settledHits('subscriptionId=carol-app');
    expect(hits).toBeGreaterThanOrEqual(1);
    await expect.poll(() => countedHits('projectId=shop'), { timeout: 15_000, interval: 500 }).toBeGreaterThan(hits);
    const projectHits = await settledHits('projectId=shop');
    expect(projectHits).toBeGreaterThan(hits);

    await page.goto('/subscriptions/carol-app/analytics?group=production');
    await expect.poll(() => shownHits(), { timeout: 15_000, interval: 500 }).toBe(hits);
    await h.screenshot('journey-5-subscription-analytics');

    // The project's Analytics tab is the same panel, narrowed to the project: the keyless call shows there too.
    await page.goto('/projects/shop/analytics?group=production');
    await expect.poll(() => shownHits(), { timeout: 15_000, interval: 500 }).toBe(projectHits);
    expect(h.consoleErrors).toEqual([]);
  }, 60_000);

  it('changes a permission on the subscription', async () => {
    const { page } = h;
    await page.goto('/subscriptions/carol-app/permissions?group=production');
    await page.getByLabel('Principal type').selectOption('group');
    await page.getByLabel('Group id').fill('api-users');
    await page.getByRole('button', { name: 'Add entry' }).click();
    await page.getByLabel('view for group api-users').selectOption('deny');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    expect((await h.call('GET', '/subscriptions/carol-app/permissions')).body.entries).toEqual([
      { principal: { type: 'group', id: 'api-users' }, view: 'deny', modify: 'inherit' },
    ]);
    await h.screenshot('journey-6-permission');
    expect(h.consoleErrors).toEqual([]);
  });

  it('adds a rate plan to the product', async () => {
    const { page } = h;
    await page.goto('/products/gold/monetization?group=production');
    const form = page.getByRole('form', { name: 'New rate plan' });
    await form.getByLabel('Name', { exact: true }).fill('Standard');
    await form.getByLabel('Plan id', { exact: false }).fill('gold-standard');
    await form.getByRole('group', { name: 'Band 1' }).getByLabel('Price').fill('0.05');
    await form.getByRole('button', { name: 'Add rate plan' }).click();
    const plans = page.getByRole('region', { name: 'Rate plans' });
    await plans.getByText('Standard', { exact: true }).waitFor();
    expect((await h.call('GET', '/products/gold/rate-plans/gold-standard')).body).toMatchObject({
      currency: 'USD',
      rates: [{ from: 1, price: 5 }],
    });
    await h.screenshot('journey-7-rate-plan');
    expect(h.consoleErrors).toEqual([]);
  });
});
