import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, type DashboardHarness, logIn, startDashboard } from './browser.js';

const available = chromiumAvailable();

/** The shell and the Products pages, in a real browser against a real `tollgate start`. */
describe.skipIf(!available)('dashboard: shell and products', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard('e2e-dashboard-shell-token');
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('sends a visitor to the login page, refuses a wrong password, and comes back to the deep link after logging in', async () => {
    const { page } = h;
    await page.goto('/products/new?group=development');
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong username or password.');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'New product' }).waitFor();
    expect(await page.getByLabel('Server group').inputValue()).toBe('development');
    await h.screenshot('login-deep-link');
    // The wrong password's 401 is the one console error the browser reports.
    expect(h.consoleErrors).toEqual([expect.stringMatching(/status of 401 .*\/api\/v1\/auth\/login$/)]);
    h.consoleErrors.length = 0;
  });

  it('creates a product, shows the API’s message next to the field it names, and stages edits until Save', async () => {
    const { page } = h;
    await logIn(page);
    await page.goto('/products?group=production');
    await expect.poll(() => page.locator('.empty').textContent()).toContain('No product in this server group yet');
    await page.getByRole('link', { name: 'New' }).click();
    await page.getByLabel('Id', { exact: false }).first().fill('gold');
    await page.getByLabel('Name').fill('Gold');
    await page.getByLabel('API projects').fill('nope');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain("project 'nope' does not exist");
    // The refused create is the one console error the browser reports (a failed fetch).
    expect(h.consoleErrors).toEqual([expect.stringMatching(/status of 400 .*\/api\/v1\/products$/)]);
    h.consoleErrors.length = 0;
    await page.getByLabel('API projects').fill('');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Gold' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/products/gold/configuration');

    await page.getByLabel('Name').fill('Gold plan');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await page.getByLabel('Name').inputValue()).toBe('Gold');
    await page.getByLabel('Name').fill('Gold plan');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    const saved = await h.call('GET', '/products/gold');
    expect(saved.body.name).toBe('Gold plan');
    await h.screenshot('product-configuration');

    await page.goto('/products?group=production');
    await page.getByRole('link', { name: 'Gold plan' }).waitFor();
    expect(h.consoleErrors).toEqual([]);
  });
});
