import { hash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock, CredentialIssuer, IdGenerator } from '@tollgate/domain';

/** Visible prefix of consumer keys and secrets, so leaked ones are recognisable (and scannable). */
export const KEY_PREFIX = 'tg_k_';
export const SECRET_PREFIX = 'tg_s_';
/** How many characters of a key the store keeps to let people recognise it. */
export const VISIBLE_KEY_LENGTH = KEY_PREFIX.length + 6;
/** Visible prefixes of users' bearer tokens: login sessions and personal API tokens. */
export const SESSION_TOKEN_PREFIX = 'tg_session_';
export const API_TOKEN_PREFIX = 'tg_pat_';
/** How many random characters of a user's token the store keeps, after its kind's prefix. */
const VISIBLE_TOKEN_CHARS = 6;

/** SHA-256, hex: the only form in which keys and secrets are stored or compared. */
export function sha256Hex(value: string): string {
  return hash('sha256', value, 'hex');
}

/**
 * Keys, secrets and users' tokens of 32 random bytes from the CSPRNG (256 bits, so a plain
 * SHA-256 digest is enough: there is nothing to brute-force), base64url-encoded behind a
 * recognisable prefix.
 */
export const nodeCredentialIssuer: CredentialIssuer = {
  issue() {
    const consumerKey = KEY_PREFIX + randomBytes(32).toString('base64url');
    const consumerSecret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    return {
      consumerKey,
      consumerSecret,
      keyDigest: sha256Hex(consumerKey),
      secretDigest: sha256Hex(consumerSecret),
      keyPrefix: consumerKey.slice(0, VISIBLE_KEY_LENGTH),
    };
  },
  issueToken(kind) {
    const kindPrefix = kind === 'session' ? SESSION_TOKEN_PREFIX : API_TOKEN_PREFIX;
    const token = kindPrefix + randomBytes(32).toString('base64url');
    return { token, digest: sha256Hex(token), prefix: token.slice(0, kindPrefix.length + VISIBLE_TOKEN_CHARS) };
  },
  digest: sha256Hex,
};

/** Random UUIDs for entities created without an id. */
export const uuidGenerator: IdGenerator = { next: () => randomUUID() };

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };
