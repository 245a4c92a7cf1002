import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, runCli, startCli } from './cli-process.js';
import { adminClient } from './platform.js';

const PASSWORD = 'a long enough passphrase';

/** `POST /api/v1/auth/login` over HTTP. */
async function login(url: string, username: string, password: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * The README's first steps for users through `tollgate start`: the first start says how to create
 * the first administrator; `tollgate users create-admin` does it with the generated admin token;
 * the administrator logs in and manages the platform with the session token.
 */
describe('the first administrator, as the README shows it', () => {
  let dataDir: string;
  let platform: CliProcess;
  let adminToken: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-users-e2e-'));
    platform = await startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0']);
    adminToken = /export TOLLGATE_TOKEN=(\S+)/.exec(platform.stderr())?.[1] ?? '';
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells at first start how to create the first administrator', () => {
    expect(adminToken).not.toBe('');
    expect(platform.stderr()).toContain(`tollgate users create-admin --url ${platform.url} --username <name> --email <address>`);
  });

  it('creates an administrator with the CLI, who logs in and calls the API with the session token', async () => {
    const created = await runCli(
      ['users', 'create-admin', '--url', platform.url, '--username', 'root', '--email', 'root@example.test', '--display-name', 'Root'],
      { TOLLGATE_TOKEN: adminToken, TOLLGATE_PASSWORD: PASSWORD },
    );
    expect(created, created.stderr).toMatchObject({ code: 0, stdout: 'root\n' });

    const session = await login(platform.url, 'root', PASSWORD);
    expect(session.status).toBe(200);
    const call = adminClient(platform.url, String(session.body.token));

    expect(await call('GET', '/auth/me')).toEqual({
      status: 200,
      body: {
        username: 'root',
        displayName: 'Root',
        groups: ['everyone', 'administrators'],
        administrator: true,
        permissions: expect.arrayContaining(['LOGIN', 'MANAGE_USERS_AND_GROUPS', 'MANAGE_PERMISSIONS']),
        via: 'session',
      },
    });
    expect((await call('GET', '/projects')).status).toBe(200);
    expect((await call('POST', '/auth/logout')).status).toBe(204);
    expect((await call('GET', '/projects')).status).toBe(401);
  });

  it('reads the password from stdin when TOLLGATE_PASSWORD is not set', async () => {
    const created = await runCli(
      ['users', 'create-admin', '--url', platform.url, '--username', 'piped', '--email', 'piped@example.test'],
      { TOLLGATE_TOKEN: adminToken },
      `${PASSWORD}\n`,
    );

    expect(created, created.stderr).toMatchObject({ code: 0, stdout: 'piped\n' });
    expect((await login(platform.url, 'piped', PASSWORD)).status).toBe(200);
  });

  it('exits 1 with the reason when the admin token is wrong or missing, or the password too short', async () => {
    const args = ['users', 'create-admin', '--url', platform.url, '--username', 'nope', '--email', 'nope@example.test'];

    const wrongToken = await runCli(args, { TOLLGATE_TOKEN: 'wrong', TOLLGATE_PASSWORD: PASSWORD });
    const noToken = await runCli(args, { TOLLGATE_PASSWORD: PASSWORD });
    const shortPassword = await runCli(args, { TOLLGATE_TOKEN: adminToken, TOLLGATE_PASSWORD: 'short' });

    expect(wrongToken).toMatchObject({ code: 1, stdout: '' });
    expect(wrongToken.stderr).toContain('401 UNAUTHENTICATED');
    expect(noToken).toMatchObject({ code: 1, stdout: '' });
    expect(noToken.stderr).toContain('TOLLGATE_TOKEN');
    expect(shortPassword).toMatchObject({ code: 1, stdout: '' });
    expect(shortPassword.stderr).toContain('400 VALIDATION_FAILED: password');
    expect((await login(platform.url, 'nope', PASSWORD)).status).toBe(401);
  });
});
