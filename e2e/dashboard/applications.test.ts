import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, type DashboardHarness, logIn, readClipboard, startDashboard } from './browser.js';

const available = chromiumAvailable();

/**
 * The Applications section in a real browser against a real `tollgate start`: organizations,
 * clients, subscriptions and their keys, a product's rate plans, a client's balance, search,
 * and the layout at a tablet's width. The journeys build on each other, in order.
 */
describe.skipIf(!available)('dashboard: applications', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard('e2e-dashboard-applications-token');
    // The products come from the API: their pages are the shell test's journey.
    for (const product of [
      { id: 'gold', name: 'Gold', serverGroupIds: ['production'] },
      { id: 'silver', name: 'Silver', serverGroupIds: ['production'], keyApproval: 'manual' },
    ]) {
      const created = await h.call('POST', '/products', product);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    await logIn(h.page);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('creates an organization and a client in it, through the forms', async () => {
    const { page } = h;
    await page.goto('/organizations?group=production');
    await expect.poll(() => page.locator('.empty').textContent()).toContain('No organization yet');
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByLabel('Id', { exact: false }).first().fill('acme');
    await page.getByLabel('Name').fill('Acme');
    await page.getByLabel('Administrators').fill('ops@acme.test, ');
    await page.getByRole('checkbox', { name: 'Gold' }).check();
    await page.getByRole('checkbox', { name: 'Silver' }).check();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Acme' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/organizations/acme/configuration');
    expect(await page.getByLabel('Parent organization').isDisabled()).toBe(true);
    const organization = await h.call('GET', '/organizations/acme');
    expect(organization.body).toMatchObject({ administrators: ['ops@acme.test'], productIds: ['gold', 'silver'], parentId: null });
    await h.screenshot('organization-configuration');

    await page.getByRole('link', { name: 'Permissions' }).click();
    await page.waitForURL(/\/organizations\/acme\/permissions/);

    await page.goto('/clients?group=production');
    await expect.poll(() => page.locator('.empty').textContent()).toContain('No client yet');
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByLabel('Id', { exact: false }).first().fill('alice');
    await page.getByLabel('Name').fill('Alice');
    await page.getByLabel('E-mail').fill('alice@acme.test');
    await page.getByLabel('Organization').selectOption('acme');
    await page.getByRole('button', { name: 'Add attribute' }).click();
    const attribute = page.getByRole('group', { name: 'Attribute 1' });
    await attribute.getByLabel('Name').fill('tier');
    await attribute.getByLabel('Value').fill('gold');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Alice' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/clients/alice/configuration');
    const client = await h.call('GET', '/clients/alice');
    expect(client.body).toMatchObject({ organizationId: 'acme', attributes: { tier: 'gold' }, status: 'active' });

    // Edits are staged: marked unsaved, discarded by Reset, applied by Save.
    await page.getByLabel('Status').selectOption('inactive');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await page.getByLabel('Status').inputValue()).toBe('active');
    await page.getByRole('group', { name: 'Attribute 1' }).getByLabel('Value').fill('platinum');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    expect((await h.call('GET', '/clients/alice')).body.attributes).toEqual({ tier: 'platinum' });
    await h.screenshot('client-configuration');
    expect(h.consoleErrors).toEqual([]);
  });

  it('creates a subscription whose key and secret are shown once, then regenerates, approves and revokes keys', async () => {
    const { page } = h;
    await page.goto('/subscriptions?group=production');
    await expect.poll(() => page.locator('.empty').textContent()).toContain('No subscription yet');
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByLabel('Id', { exact: false }).first().fill('alice-mobile');
    await page.getByLabel('Name').fill('Alice mobile');
    await page.getByLabel('Client').selectOption('alice');
    await page.getByRole('checkbox', { name: 'Gold' }).check();
    await page.getByRole('checkbox', { name: 'Silver' }).check();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Alice mobile' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/subscriptions/alice-mobile/configuration');

    const gold = page.getByRole('region', { name: 'Key for gold' });
    const silver = page.getByRole('region', { name: 'Key for silver' });
    await gold.getByText('they will not be shown again').waitFor();
    const key = (await gold.getByTestId('consumer-key').textContent()) ?? '';
    const secret = (await gold.getByTestId('consumer-secret').textContent()) ?? '';
    expect(key).toMatch(/^tg_k_[A-Za-z0-9_-]{43}$/);
    expect(secret).toMatch(/^tg_s_[A-Za-z0-9_-]{43}$/);
    await gold.getByRole('button', { name: 'Copy key' }).click();
    await gold.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await readClipboard(page)).toBe(key);
    await h.screenshot('subscription-keys-shown-once');

    // Shown once: after a reload only the prefix is left.
    await page.reload();
    await gold.getByText(`${key.slice(0, 11)}…`).waitFor();
    expect(await page.getByTestId('consumer-key').count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    expect(await page.content()).not.toContain(secret);

    // Silver approves keys by hand: its key waits until approved.
    await silver.getByText('pending', { exact: true }).waitFor();
    await silver.getByRole('button', { name: 'Approve' }).click();
    await silver.getByText('approved', { exact: true }).waitFor();
    expect(await silver.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    await gold.getByLabel('Grace period (seconds)').fill('3600');
    await gold.getByRole('button', { name: 'Regenerate' }).click();
    await gold.getByTestId('consumer-key').waitFor();
    const regenerated = (await gold.getByTestId('consumer-key').textContent()) ?? '';
    expect(regenerated).toMatch(/^tg_k_/);
    expect(regenerated).not.toBe(key);
    await gold.getByText('The previous key keeps working until').waitFor();
    const entry = ((await h.call('GET', '/subscriptions/alice-mobile')).body.products as Array<Record<string, unknown>>).find(
      (product) => product.productId === 'gold',
    );
    expect(entry?.keyPrefix).toBe(regenerated.slice(0, 11));
    expect(Date.parse(String(entry?.previousKeyExpiresAt)) - Date.now()).toBeGreaterThan(3_500_000);
    await h.screenshot('subscription-key-regenerated');

    await gold.getByRole('button', { name: 'Revoke' }).click();
    await gold.getByRole('button', { name: 'Yes, revoke' }).click();
    await gold.getByText('revoked', { exact: true }).waitFor();
    expect(await gold.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    await h.screenshot('subscription-key-revoked');

    await page.getByRole('link', { name: 'Monetization' }).click();
    await page.getByRole('region', { name: 'Monetization of gold' }).getByText('No rate plan in effect').waitFor();
    expect(h.consoleErrors).toEqual([]);
  });

  it('adds a rate plan on the product’s Monetization tab, with the API’s message beside a bad band', async () => {
    const { page } = h;
    await page.goto('/products/gold/monetization?group=production');
    await page.getByRole('region', { name: 'Rate plans' }).getByText('No rate plan').waitFor();
    const form = page.getByRole('form', { name: 'New rate plan' });
    await form.getByLabel('Name', { exact: true }).fill('Standard');
    await form.getByLabel('Plan id', { exact: false }).fill('gold-standard');
    await form.getByRole('group', { name: 'Band 1' }).getByLabel('Price').fill('0.05');
    await form.getByRole('button', { name: 'Add band' }).click();
    await form.getByRole('group', { name: 'Band 1' }).getByLabel('To call').fill('10');
    // A gap: calls 11 has no band.
    await form.getByRole('group', { name: 'Band 2' }).getByLabel('From call').fill('12');
    await form.getByRole('group', { name: 'Band 2' }).getByLabel('Price').fill('0.02');
    await form.getByLabel('Setup fee', { exact: false }).fill('5');
    await form.getByRole('button', { name: 'Add rate plan' }).click();
    const band2 = form.getByRole('group', { name: 'Band 2' });
    await expect.poll(() => band2.locator('.field-error').textContent()).toContain('must be 11');
    expect(await band2.locator('.field.invalid input').getAttribute('name')).toBe('band-1-from');
    await h.screenshot('rate-plan-band-error');
    expect(h.consoleErrors).toEqual([expect.stringMatching(/status of 400 .*\/api\/v1\/products\/gold\/rate-plans$/)]);
    h.consoleErrors.length = 0;

    await band2.getByLabel('From call').fill('11');
    await form.getByRole('button', { name: 'Add rate plan' }).click();
    const plans = page.getByRole('region', { name: 'Rate plans' });
    await plans.getByText('Standard', { exact: true }).waitFor();
    await plans.getByText('1–10: $0.05').waitFor();
    await plans.getByText('11+: $0.02').waitFor();
    await plans.getByText('setup $5.00').waitFor();
    const plan = await h.call('GET', '/products/gold/rate-plans/gold-standard');
    expect(plan.body).toMatchObject({
      currency: 'USD',
      rates: [
        { from: 1, to: 10, price: 5 },
        { from: 11, price: 2 },
      ],
      fees: { setup: 500 },
    });
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('');
    await h.screenshot('product-monetization');

    // A plan no subscription has been on can be deleted.
    const trial = await h.call('POST', '/products/gold/rate-plans', {
      id: 'gold-trial',
      name: 'Trial',
      currency: 'EUR',
      meteringType: 'VOLUME',
      rates: [{ from: 1, price: 0 }],
    });
    expect(trial.status, JSON.stringify(trial.body)).toBe(201);
    await page.reload();
    const trialRow = plans.getByRole('row').filter({ hasText: 'gold-trial' });
    await trialRow.getByText('1+: €0.00').waitFor();
    await trialRow.getByRole('button', { name: 'Delete' }).click();
    await trialRow.getByRole('button', { name: 'Yes, delete' }).click();
    await trialRow.waitFor({ state: 'detached' });
    expect((await h.call('GET', '/products/gold/rate-plans/gold-trial')).status).toBe(404);
    expect(h.consoleErrors).toEqual([]);
  });

  it('puts a subscribed product on a rate plan: its Monetization tab shows the plan in effect', async () => {
    const { page } = h;
    await page.goto('/subscriptions/alice-mobile/configuration?group=production');
    await page.getByLabel('Rate plan for gold').selectOption('gold-standard');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    const products = (await h.call('GET', '/subscriptions/alice-mobile')).body.products as Array<Record<string, unknown>>;
    expect(products.find((product) => product.productId === 'gold')?.ratePlanId).toBe('gold-standard');
    await page.getByRole('link', { name: 'Monetization' }).click();
    const gold = page.getByRole('region', { name: 'Monetization of gold' });
    await gold.getByText('Standard', { exact: true }).waitFor();
    await gold.getByText('Charge so far').waitFor();
    await h.screenshot('subscription-monetization');
    expect(h.consoleErrors).toEqual([]);
  });

  it('tops up a client’s prepaid balance on its Monetization tab', async () => {
    const { page } = h;
    await page.goto('/clients/alice/monetization?group=production');
    const balances = page.getByRole('region', { name: 'Prepaid balances' });
    await balances.getByText('No prepaid balance yet').waitFor();
    const form = page.getByRole('form', { name: 'Top up' });
    await form.getByLabel('Currency', { exact: false }).fill('USD');
    await form.getByLabel('Amount', { exact: false }).fill('25');
    await form.getByRole('button', { name: 'Top up' }).click();
    await expect.poll(() => balances.getByTestId('available-USD').textContent()).toBe('$25.00');
    await form.getByLabel('Amount', { exact: false }).fill('0.50');
    await form.getByRole('button', { name: 'Top up' }).click();
    await expect.poll(() => balances.getByTestId('available-USD').textContent()).toBe('$25.50');
    const balance = await h.call('GET', '/clients/alice/balance');
    expect(balance.body.items).toMatchObject([{ currency: 'USD', toppedUp: 2550, available: 2550 }]);
    // Three decimals are more than a dollar has: refused before it reaches the API.
    await form.getByLabel('Amount', { exact: false }).fill('1.005');
    await form.getByRole('button', { name: 'Top up' }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toContain('USD has 2 decimals at most');
    await h.screenshot('client-monetization');
    expect(h.consoleErrors).toEqual([]);
  });

  it('filters a list by the search text, kept in the URL', async () => {
    const { page } = h;
    for (const client of [
      { id: 'bob', name: 'Bob', email: 'bob@example.test' },
      { id: 'carol', name: 'Carol', email: 'carol@example.test' },
    ]) {
      expect((await h.call('POST', '/clients', client)).status).toBe(201);
    }
    await page.goto('/clients?group=production');
    await page.getByRole('link', { name: 'Carol' }).waitFor();
    expect(await page.locator('table.list tbody tr').count()).toBe(3);
    await page.getByLabel('Search clients').fill('CAR');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/[?&]q=CAR/);
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(1);
    expect(await page.locator('table.list tbody').textContent()).toContain('Carol');
    await h.screenshot('clients-search');

    await page.getByLabel('Search clients').fill('nobody');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('.empty').textContent()).toContain('Nothing matches “nobody”');
    expect(h.consoleErrors).toEqual([]);
  });

  it('fits a tablet’s width: a list and a form without horizontal scrolling', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 800, height: 1000 });
    try {
      const scrollWidth = () => page.locator('html').evaluate((root) => root.scrollWidth);
      await page.goto('/subscriptions?group=production');
      await page.getByRole('link', { name: 'Alice mobile' }).waitFor();
      expect(await scrollWidth()).toBeLessThanOrEqual(800);
      await h.screenshot('tablet-subscriptions-list');

      await page.goto('/products/gold/monetization?group=production');
      await page.getByRole('form', { name: 'New rate plan' }).waitFor();
      await page.getByRole('region', { name: 'Rate plans' }).getByText('Standard', { exact: true }).waitFor();
      expect(await scrollWidth()).toBeLessThanOrEqual(800);
      await h.screenshot('tablet-product-monetization');

      await page.goto('/subscriptions/alice-mobile/configuration?group=production');
      await page.getByRole('form', { name: 'Subscription configuration' }).waitFor();
      expect(await scrollWidth()).toBeLessThanOrEqual(800);
      await h.screenshot('tablet-subscription-configuration');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(h.consoleErrors).toEqual([]);
  });
});
