import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File in the data directory that holds a generated admin token. */
export const ADMIN_TOKEN_FILE = 'admin-token';

/** The admin token in force and whether this start created it (then, and only then, it is shown). */
export interface AdminToken {
  token: string;
  generated: boolean;
  file: string | undefined;
}

/**
 * `TOLLGATE_ADMIN_TOKEN` wins. Otherwise the token saved in the data directory is used, or on
 * the first start a new one (32 random bytes) is written there with mode 0600.
 */
export function resolveAdminToken(dataDir: string, fromEnv: string | undefined): AdminToken {
  if (fromEnv !== undefined) return { token: fromEnv, generated: false, file: undefined };
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  try {
    return { token: readFileSync(file, 'utf8').trim(), generated: false, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = `tga_${randomBytes(32).toString('base64url')}`;
  // 'wx': never overwrite a token another process wrote in the meantime.
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, generated: true, file };
}
