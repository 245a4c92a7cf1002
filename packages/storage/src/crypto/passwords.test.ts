import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodePasswordHasher } from './passwords.js';

const PASSWORD = 'correct horse battery staple';

describe('nodePasswordHasher', () => {
  it('stores scrypt with its parameters, a 16-byte salt and a 32-byte key', async () => {
    const hash = await nodePasswordHasher.hash(PASSWORD);
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain(PASSWORD);
  });

  it('verifies the password it hashed, and no other', async () => {
    const hash = await nodePasswordHasher.hash(PASSWORD);
    expect(await nodePasswordHasher.verify(PASSWORD, hash)).toBe(true);
    expect(await nodePasswordHasher.verify(`${PASSWORD} `, hash)).toBe(false);
    expect(await nodePasswordHasher.verify('Correct horse battery staple', hash)).toBe(false);
    expect(await nodePasswordHasher.verify('', hash)).toBe(false);
  });

  it('salts every hash: one password hashed twice gives two hashes, both verifying', async () => {
    const [first, second] = await Promise.all([nodePasswordHasher.hash(PASSWORD), nodePasswordHasher.hash(PASSWORD)]);
    expect(first).not.toBe(second);
    expect(await nodePasswordHasher.verify(PASSWORD, first)).toBe(true);
    expect(await nodePasswordHasher.verify(PASSWORD, second)).toBe(true);
  });

  it('verifies hashes made with other parameters, read from the hash', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync(PASSWORD, salt, 64, { N: 1024, r: 4, p: 2 });
    const hash = `scrypt$1024$4$2$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await nodePasswordHasher.verify(PASSWORD, hash)).toBe(true);
    expect(await nodePasswordHasher.verify('wrong password', hash)).toBe(false);
  });

  it('answers false to a hash it cannot read', async () => {
    const valid = await nodePasswordHasher.hash(PASSWORD);
    const [, N, r, p, salt, key] = valid.split('$');
    const malformed = [
      '',
      'garbage',
      PASSWORD,
      valid.replace('scrypt', 'bcrypt'),
      `${valid}$extra`,
      `scrypt$${N}$${r}$${p}$${salt}`,
      `scrypt$1000$${r}$${p}$${salt}$${key}`, // N not a power of two
      `scrypt$0$${r}$${p}$${salt}$${key}`,
      `scrypt$-16384$${r}$${p}$${salt}$${key}`,
      `scrypt$1073741824$${r}$${p}$${salt}$${key}`, // more memory than allowed
      `scrypt$${N}$x$${p}$${salt}$${key}`,
      `scrypt$${N}$${r}$${p}$$${key}`,
      `scrypt$${N}$${r}$${p}$${salt}$`,
      `scrypt$${N}$${r}$${p}$${salt}$${key}==`,
      `scrypt$${N}$${r}$${p}$${salt}$${key?.slice(0, 8)}`,
    ];
    for (const hash of malformed) expect(await nodePasswordHasher.verify(PASSWORD, hash), hash).toBe(false);
  });

  it('answers false for an unknown user (no hash) after the same work', async () => {
    expect(await nodePasswordHasher.verify(PASSWORD, undefined)).toBe(false);
    expect(await nodePasswordHasher.verify('', undefined)).toBe(false);
  });
});
