import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../snapshot/snapshot.js';
import { ConsumerSecrets, SecretsUnavailable } from './consumer-secrets.js';

/** A store of key digest → secret digest that counts reads and can be taken down. */
function store(secrets: Record<string, string>) {
  const state = { reads: 0, down: false };
  const source = {
    secretDigestOf: async (keyDigest: string) => {
      state.reads++;
      if (state.down) throw new Error('down');
      const secret = Object.entries(secrets).find(([key]) => sha256Hex(key) === keyDigest)?.[1];
      return secret === undefined ? undefined : sha256Hex(secret);
    },
  };
  return { state, source };
}

describe('consumer secrets', () => {
  it('reads a digest once, then answers from memory synchronously', async () => {
    const { state, source } = store({ k1: 's1' });
    const secrets = new ConsumerSecrets(source);
    expect(await secrets.matches(sha256Hex('k1'), 's1')).toBe(true);
    expect(secrets.matches(sha256Hex('k1'), 's1')).toBe(true);
    expect(secrets.matches(sha256Hex('k1'), 'other')).toBe(false);
    expect(state.reads).toBe(1);
  });

  it('answers false for an unknown key and throws SecretsUnavailable when the store is down and nothing is cached', async () => {
    const { state, source } = store({});
    const secrets = new ConsumerSecrets(source);
    expect(await secrets.matches(sha256Hex('ghost'), 'x')).toBe(false);
    state.down = true;
    await expect(secrets.matches(sha256Hex('k1'), 's1')).rejects.toBeInstanceOf(SecretsUnavailable);
  });

  it('keeps at most its capacity, dropping the least recently used digest', async () => {
    const { state, source } = store({ a: '1', b: '2', c: '3' });
    const secrets = new ConsumerSecrets(source, 2);
    await secrets.matches(sha256Hex('a'), '1');
    await secrets.matches(sha256Hex('b'), '2');
    secrets.matches(sha256Hex('a'), '1');
    await secrets.matches(sha256Hex('c'), '3');
    expect(state.reads).toBe(3);
    expect(secrets.matches(sha256Hex('a'), '1')).toBe(true);
    expect(await secrets.matches(sha256Hex('b'), '2')).toBe(true);
    expect(state.reads).toBe(4);
  });
});
