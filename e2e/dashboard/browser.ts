import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type CliProcess, startCli } from '../cli-process.js';
import { type AdminCall, adminClient } from '../platform.js';

/** Debian's chromium (`apt-get install chromium`), which `.ci/run` installs. */
export const CHROMIUM = process.env.TOLLGATE_CHROMIUM ?? '/usr/bin/chromium';

/** Where the journeys' screenshots go: test artifacts, ignored by git. */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/dashboard/', import.meta.url));

/**
 * Whether the browser tests can run here: without chromium they are skipped with a printed
 * reason, unless `TOLLGATE_REQUIRE_SERVICES=1` (CI), where its absence is a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.TOLLGATE_REQUIRE_SERVICES === '1') {
    throw new Error(`TOLLGATE_REQUIRE_SERVICES=1 but ${CHROMIUM} is missing: install chromium (apt-get install chromium)`);
  }
  console.warn(`[tollgate] dashboard browser tests skipped: ${CHROMIUM} not found (apt-get install chromium to run them)`);
  return false;
}

/** The administrator every journey logs in as. */
export const ADMIN = { username: 'ada', password: 'correct horse battery staple' };

/** A real `tollgate start` with an administrator, and a browser page with its console watched. */
export interface DashboardHarness {
  platform: CliProcess;
  /** The management API as the bootstrap token (for setup the journey does not cover). */
  call: AdminCall;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors so far: every journey ends with none. */
  consoleErrors: string[];
  /** Saves a full-page screenshot as a test artifact. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the platform (built dashboard included) and chromium, and creates the administrator. */
export async function startDashboard(token: string): Promise<DashboardHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-dashboard-'));
  const platform = await startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0', '--gateway', 'development=0'], {
    TOLLGATE_ADMIN_TOKEN: token,
  });
  const call = adminClient(platform.url, token);
  const created = await call('POST', '/users', {
    username: ADMIN.username,
    email: 'ada@example.test',
    displayName: 'Ada',
    password: ADMIN.password,
    groups: ['administrators'],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const context = await browser.newContext({ baseURL: platform.url, viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.url });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    platform,
    call,
    browser,
    context,
    page,
    consoleErrors,
    screenshot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the login page. */
export async function logIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}

/**
 * What the page's clipboard holds. The expression runs in the page: passed as text, because the
 * tests are type-checked for Node, which has no `navigator`.
 */
export const readClipboard = (page: Page): Promise<string> => page.evaluate<string>('navigator.clipboard.readText()');
