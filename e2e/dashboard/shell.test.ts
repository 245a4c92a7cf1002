import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, chromiumAvailable, type DashboardHarness, logIn, startDashboard } from './browser.js';

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

  /** The tab's session token, read in the page (passed as text: the tests are type-checked for Node, which has no `sessionStorage`). */
  const sessionToken = () => h.page.evaluate<string | null>("sessionStorage.getItem('tollgate.session')");

  /** Calls the management API with a session token, as the page would. */
  const callAs = (token: string, method: string, path: string) =>
    fetch(`${h.platform.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}` } });

  it('ends the session with Log out: on the server, and in the tab, so a page asks to log in again', async () => {
    const { page } = h;
    await logIn(page);
    const token = await sessionToken();
    expect(token).not.toBeNull();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await sessionToken()).toBeNull();
    expect((await callAs(token ?? '', 'GET', '/auth/me')).status).toBe(401);

    await page.goto('/products?group=production');
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(h.consoleErrors).toEqual([]);
  });

  it('sends the page to the login form when the session ends elsewhere, and back to the page asked for after logging in', async () => {
    const { page } = h;
    await logIn(page);
    await page.goto('/clients?group=production');
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    // The session ends behind the page's back (a logout in another tab): its next call is answered 401.
    const token = await sessionToken();
    expect((await callAs(token ?? '', 'POST', '/auth/logout')).status).toBe(204);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'API Projects' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/projects?group=production');
    // The 401s the ended session got are the only console errors.
    expect(h.consoleErrors.length).toBeGreaterThan(0);
    for (const error of h.consoleErrors) expect(error).toMatch(/status of 401 /);
    h.consoleErrors.length = 0;

    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'API Projects' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/projects');
    expect(h.consoleErrors).toEqual([]);
  });

  it('shows an unknown address as a page of its own inside the shell, with a way back', async () => {
    const { page } = h;
    await logIn(page);
    await page.goto('/no/such/page?group=production');
    await page.getByRole('heading', { name: 'No such page' }).waitFor();
    // Inside the shell: the sections and the server group stay.
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    expect(await page.getByLabel('Server group').inputValue()).toBe('production');
    await h.screenshot('not-found');
    await page.getByRole('link', { name: 'Back to the products' }).click();
    await page.getByRole('heading', { name: 'Products' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/products');
    expect(h.consoleErrors).toEqual([]);
  });
});
