import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import type { PasswordHasher } from '@tollgate/domain';

/** scrypt cost of new hashes (N, r, p); stored in each hash, so raising them later keeps old hashes valid. */
const COST = { N: 16_384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** Most memory a stored hash may make scrypt use (128·N·r bytes): a bad row must not exhaust the process. */
const MAX_MEMORY = 256 * 1024 * 1024;

/** What `verify` runs for an unknown user (or a hash it cannot read): the same work, nothing to match. */
const DUMMY_SALT = Buffer.from('tollgate-no-user', 'utf8');

const BASE64URL = /^[A-Za-z0-9_-]+$/;

interface Parsed {
  cost: { N: number; r: number; p: number };
  salt: Buffer;
  key: Buffer;
}

function derive(password: string, salt: Buffer, keyLength: number, cost: Parsed['cost']): Promise<Buffer> {
  // Twice the memory scrypt needs, so Node's default limit (32 MiB) never refuses raised parameters.
  const options: ScryptOptions = { ...cost, maxmem: 2 * 128 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A positive integer of decimal digits, or NaN. */
function integer(text: string | undefined): number {
  return text !== undefined && /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : Number.NaN;
}

/** `scrypt$N$r$p$<salt>$<key>` → its parts; undefined for anything else (or parameters out of bounds). */
function parse(stored: string): Parsed | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = [integer(parts[1]), integer(parts[2]), integer(parts[3])];
  const [salt, key] = [parts[4] ?? '', parts[5] ?? ''];
  if (!(N >= 2 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16 && 128 * N * r <= MAX_MEMORY)) return undefined;
  if (!BASE64URL.test(salt) || !BASE64URL.test(key)) return undefined;
  const parsed = { cost: { N, r, p }, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
  return parsed.salt.length >= 8 && parsed.key.length >= 16 && parsed.key.length <= 64 ? parsed : undefined;
}

/**
 * Passwords as scrypt hashes (N=16384, r=8, p=1, a 16-byte random salt, a 32-byte key), stored as
 * `scrypt$N$r$p$<salt base64url>$<key base64url>`. Verifying compares in constant time; an unknown
 * user or an unreadable hash costs the same scrypt run and answers false.
 */
export const nodePasswordHasher: PasswordHasher = {
  async hash(password) {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_BYTES, COST);
    return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
  },
  async verify(password, hash) {
    const parsed = hash === undefined ? undefined : parse(hash);
    if (parsed === undefined) {
      await derive(password, DUMMY_SALT, KEY_BYTES, COST);
      return false;
    }
    const key = await derive(password, parsed.salt, parsed.key.length, parsed.cost);
    return timingSafeEqual(key, parsed.key);
  },
};
