import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_FILE, resolveAdminToken } from './admin-token.js';

describe('resolveAdminToken', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'tollgate-token-')), 'data');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a 256-bit token on first start and saves it with mode 0600', () => {
    const first = resolveAdminToken(dir, undefined);
    expect(first.generated).toBe(true);
    expect(first.token).toMatch(/^tga_[A-Za-z0-9_-]{43}$/);
    const file = join(dir, ADMIN_TOKEN_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reuses the saved token on later starts without reporting it as new', () => {
    const first = resolveAdminToken(dir, undefined);
    const second = resolveAdminToken(dir, undefined);
    expect(second).toEqual({ token: first.token, generated: false, file: first.file });
  });

  it('prefers TOLLGATE_ADMIN_TOKEN and writes nothing then', () => {
    expect(resolveAdminToken(dir, 'from-env')).toEqual({ token: 'from-env', generated: false, file: undefined });
    expect(() => statSync(join(dir, ADMIN_TOKEN_FILE))).toThrow();
  });
});
